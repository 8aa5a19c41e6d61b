"""The request journal: what the dev server received, in order, for a test's assertions.

Every request to one of the three APIs is recorded as it arrives (before faults and validation):
its API, method and path, the spec's operation id, its headers with every key and signature
masked, the end user, the idempotency key, the parsed JSON body (secret fields masked) and the
status answered. The journal keeps the last ``MAX_ENTRIES`` requests. ``/_dev/*`` calls are not
recorded.

    GET    /_dev/requests?api=formation&operation=chat   {"requests": [entry, ...]} (loopback only)
    DELETE /_dev/requests                                 forget them
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._faults import classify
from ._validation import spec

MAX_ENTRIES = 10_000
MAX_BODY_BYTES = 1024 * 1024  # a larger body is journaled without its content
MAX_TOTAL_BODY_BYTES = 64 * 1024 * 1024  # past this, the oldest entries lose their bodies
MASK = "***"

# Header names whose values are credentials: keys, signatures, cookies, any authorization.
_SECRET_HEADER = re.compile(r"key|secret|token|signature|authorization|auth|cookie|password|credential", re.I)
_PLAIN_HEADERS = frozenset({"x-muxi-idempotency-key", "idempotency-key"})  # ids, not credentials
# Body fields whose string values are secrets (a stored secret's value, a credential…).
_SECRET_FIELD = re.compile(r"secret|password|credential|api_?key|token|authorization|private", re.I)
_SECRET_PATHS = re.compile(r"/secrets(/|$)")


APIS = ("broker", "formation", "server")


class JournalQueryError(ValueError):
    """A journal filter naming no API or operation of the spec (a typo would read as "nothing sent").

    >>> Journal().entries(operation="chta")
    Traceback (most recent call last):
    ...
    meshkit.devserver._journal.JournalQueryError: unknown operation 'chta': an operationId of the spec...
    """


@dataclass(frozen=True)
class JournalEntry:
    """One request as the dev server received it.

    ``headers`` are lower-cased, with credentials masked (``***``); ``body`` is the parsed JSON body
    with secret fields masked (None when there was none, it was not JSON, or over 1 MiB; the journal
    holds 64 MiB of bodies at most, then the oldest entries lose theirs);
    ``status`` is the status answered (None when the connection was dropped first).

    >>> from meshkit.devserver import DevServer
    >>> import httpx
    >>> with DevServer() as dev:
    ...     _ = httpx.post(dev.broker_url + "/messages", json={"agent_id": "bot", "payload": "6869"})
    ...     (entry,) = dev.requests(api="broker")
    >>> entry.operation, entry.body["agent_id"], entry.status
    ('send_message', 'bot', 503)
    """

    seq: int
    at: float
    api: str
    method: str
    path: str
    operation: str | None
    headers: dict[str, str]
    user: str | None
    idempotency_key: str | None
    body: Any  # as httpx's Response.json(): a test indexes it directly (entry.body["message"])
    status: int | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Pending:
    seq: int
    at: float
    api: str
    method: str
    path: str
    headers: dict[str, str]
    chunks: list[bytes] = field(default_factory=list)
    size: int = 0
    kept: int = 0  # bytes of body held in chunks
    dropped: bool = False  # the body was let go to bound the journal's memory
    status: int | None = None

    def entry(self) -> JournalEntry:
        body = _parse(b"".join(self.chunks)) if self.size <= MAX_BODY_BYTES and not self.dropped else None
        if body is not None and _SECRET_PATHS.search(self.path) and isinstance(body, dict) and "value" in body:
            body = {**body, "value": MASK}
        user = self.headers.get("x-muxi-user-id") or None
        if user is None and isinstance(body, dict) and isinstance(body.get("user_id"), str):
            user = body["user_id"] or None
        return JournalEntry(
            seq=self.seq,
            at=self.at,
            api=self.api,
            method=self.method,
            path=self.path,
            operation=operation_id(self.api, self.method, self.path),
            headers={name: _masked_header(name, value) for name, value in self.headers.items()},
            user=user,
            idempotency_key=self.headers.get("x-muxi-idempotency-key") or self.headers.get("idempotency-key"),
            body=_mask(body),
            status=self.status,
        )


def _masked_header(name: str, value: str) -> str:
    return MASK if _SECRET_HEADER.search(name) and name not in _PLAIN_HEADERS else value


def _parse(raw: bytes) -> Any:
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _mask(value: Any, secret: bool = False) -> Any:
    """Strings under a secret-named key masked, however deep (a credential's fields, a list of keys)."""
    if isinstance(value, dict):
        return {key: _mask(item, secret or bool(_SECRET_FIELD.search(str(key)))) for key, item in value.items()}
    if isinstance(value, list):
        return [_mask(item, secret) for item in value]
    return MASK if secret and isinstance(value, str) else value


@functools.cache
def _routes() -> dict[str, list[tuple[str, re.Pattern[str], str]]]:
    """Per API, (method, path regex, operationId) of the spec's operations, fixed paths first."""
    routes: dict[str, list[tuple[str, re.Pattern[str], str]]] = {"formation": [], "broker": [], "server": []}
    for path, item in spec().document["paths"].items():
        for method, raw in item.items():
            if not isinstance(raw, dict) or "operationId" not in raw:
                continue
            pattern = re.compile(
                "^" + re.sub(r"\\{[^}]*\\}", "[^/]+", re.escape(path)).replace("[^/]+:path", ".+") + "$"
            )
            for tag in raw.get("tags", ()):
                if tag in routes:
                    routes[tag].append((method.upper(), pattern, raw["operationId"]))
    for entries in routes.values():
        entries.sort(key=lambda route: route[1].pattern.count("[^/]+"))
    return routes


def _check_filters(api: str | None, operation: str | None) -> None:
    if api is not None and api not in APIS:
        raise JournalQueryError(f"api must be one of {', '.join(APIS)}, got {api!r}")
    if operation is None:
        return
    owners = [name for name, routes in _routes().items() if any(route[2] == operation for route in routes)]
    if not owners:
        raise JournalQueryError(f"unknown operation {operation!r}: an operationId of the spec (chat, send_message…)")
    if api is not None and api not in owners:
        raise JournalQueryError(f"{operation!r} is a {owners[0]} operation, not a {api} one")


def operation_id(api: str, method: str, path: str) -> str | None:
    """The spec's operationId for a call (``path`` relative to the API's base URL), if any."""
    for route_method, pattern, operation in _routes().get(api, []):
        if route_method == method and pattern.match(path):
            return operation
    return None


class Journal:
    """The last ``MAX_ENTRIES`` requests of one dev server, in arrival order (thread-safe)."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: deque[_Pending] = deque(maxlen=max_entries)
        self._seq = itertools.count(1)
        self._lock = threading.Lock()
        self._body_bytes = 0  # held in the entries' chunks

    @property
    def max_entries(self) -> int:
        """How many requests the journal keeps (the newest)."""
        return self._entries.maxlen or 0

    def open(self, scope: Scope) -> _Pending:
        api, path = classify(scope["path"])
        headers: dict[str, str] = {}
        for name, value in scope["headers"]:
            key = name.decode("latin-1").lower()
            text = value.decode("latin-1")
            headers[key] = f"{headers[key]}, {text}" if key in headers else text
        with self._lock:
            pending = _Pending(next(self._seq), time.time(), api, scope["method"], path, headers)
            if len(self._entries) == self._entries.maxlen:
                self._drop(self._entries[0])  # evicted: a body still arriving is not kept either
            self._entries.append(pending)
        return pending

    def take_body(self, pending: _Pending, message: Message) -> None:
        """Keep a piece of a request's body (JSON bodies up to 1 MiB), within the journal's budget."""
        if message["type"] != "http.request":
            return
        chunk = message.get("body", b"")
        with self._lock:
            pending.size += len(chunk)
            if pending.dropped:
                return
            if pending.size > MAX_BODY_BYTES or not _is_json(pending.headers.get("content-type", "")):
                self._drop(pending)
                return
            pending.chunks.append(chunk)
            pending.kept += len(chunk)
            self._body_bytes += len(chunk)
            for oldest in self._entries:
                if self._body_bytes <= MAX_TOTAL_BODY_BYTES or oldest is pending:
                    break
                self._drop(oldest)

    def _drop(self, pending: _Pending) -> None:
        self._body_bytes -= pending.kept
        pending.chunks, pending.kept, pending.dropped = [], 0, True

    def entries(
        self, api: str | None = None, operation: str | None = None, method: str | None = None
    ) -> list[JournalEntry]:
        """The recorded requests, oldest first, of ``api`` / ``operation`` / ``method`` when given;
        :class:`JournalQueryError` for an API or operation the spec does not have."""
        _check_filters(api, operation)
        with self._lock:
            pending = list(self._entries)
        found = []
        for item in pending:
            if api is not None and item.api != api:
                continue
            if method is not None and item.method != method.upper():
                continue
            entry = item.entry()
            if operation is None or entry.operation == operation:
                found.append(entry)
        return found

    def clear(self) -> None:
        """Forget every request; the bodies of those still arriving are no longer kept."""
        with self._lock:
            for pending in self._entries:
                self._drop(pending)
            self._entries.clear()
            self._body_bytes = 0

    def __iter__(self) -> Iterator[JournalEntry]:
        return iter(self.entries())

    def __len__(self) -> int:
        return len(self._entries)


class JournalMiddleware:
    """Records each API request (not ``/_dev/*``) in the journal, its body as the app reads it and
    the status it answers."""

    def __init__(self, app: ASGIApp, journal: Journal) -> None:
        self.app = app
        self.journal = journal

    @property
    def state(self) -> Any:
        """The wrapped app's state (config, book, the direct formation…)."""
        return getattr(self.app, "state", None)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] == "/_dev" or scope["path"].startswith("/_dev/"):
            await self.app(scope, receive, send)
            return
        pending = self.journal.open(scope)
        # A body of declared, journal-sized length is read at once, so that a call refused before
        # its handler reads the body (a fault, a 401) is journaled with it; the app gets it replayed.
        length = pending.headers.get("content-length", "")
        early: list[Message] = []
        if length.isdigit() and 0 < int(length) <= MAX_BODY_BYTES:
            while True:
                message = await receive()
                early.append(message)
                if message["type"] != "http.request" or not message.get("more_body", False):
                    break
            for message in early:
                self.journal.take_body(pending, message)

        async def recording_receive() -> Message:
            if early:
                return early.pop(0)
            message = await receive()
            self.journal.take_body(pending, message)
            return message

        await self.app(scope, recording_receive, _RecordingSend(send, pending))


def _is_json(content_type: str) -> bool:
    """JSON, or no declared type (a client that sends JSON without saying so)."""
    media = content_type.split(";")[0].strip().lower()
    return not media or media == "application/json" or media.endswith("+json")


class _RecordingSend:
    """``send`` noting the status answered; the transport stays reachable for dropped connections."""

    def __init__(self, send: Send, pending: _Pending) -> None:
        self.send = send
        self.pending = pending
        self.__self__ = getattr(send, "__self__", None)

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.pending.status = message["status"]
        await self.send(message)
