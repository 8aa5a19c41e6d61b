"""Fault injection and the accepted-work ledger.

A fault makes the next ``count`` matching calls misbehave: answer a status (with the API's own error
body and an optional ``Retry-After``), wait before handling, hold the response after handling, drop
the connection before or after handling, or cut a stream after K events. The ledger counts what the
server actually accepted (broker messages by id, chats and trigger fires by idempotency key), so a
test can prove "nothing lost, nothing duplicated".

Control endpoints (outside every API, no auth; they answer only to loopback clients, see _guard.py):

    POST   /_dev/faults     {"api", "method", "path", "status", "retry_after", "delay",
                             "delay_response", "reset", "cut_after_events", "count"} → {"id"}
    GET    /_dev/faults     the faults still armed
    DELETE /_dev/faults     disarm all
    GET    /_dev/accepted   {"broker_messages": {id: n}, "chats": {key: n}, "trigger_fires": {key: n}}
    DELETE /_dev/accepted   reset the ledger
"""

from __future__ import annotations

import asyncio
import fnmatch
import itertools
import threading
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import State
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Message, Receive, Scope, Send

from ._errors import api_error
from ._scripts import ScriptBook
from ._wire import dumps, json_response

APIS = ("broker", "formation", "server")


class FaultSpecError(ValueError):
    """A fault description that cannot be armed."""


@dataclass
class Fault:
    """One armed fault. ``path`` is an fnmatch pattern on the path relative to the API's base URL
    (``/v1/chat``, ``/messages``, ``/rpc/formations``); None fields match anything."""

    api: str | None = None
    method: str | None = None
    path: str | None = None
    status: int | None = None
    retry_after: str | None = None
    delay: float = 0.0
    delay_response: float = 0.0
    reset: str | None = None  # "before": nothing handled; "after": handled, answer lost
    cut_after_events: int | None = None
    count: int = 1
    id: int = 0

    def __post_init__(self) -> None:
        if self.api is not None and self.api not in APIS:
            raise FaultSpecError(f"api must be one of {APIS}")
        if self.reset not in (None, "before", "after"):
            raise FaultSpecError('reset must be "before" or "after"')
        if self.status is not None and not 400 <= int(self.status) <= 599:
            raise FaultSpecError("status must be 400-599")
        if self.count < 1:
            raise FaultSpecError("count must be >= 1")
        if self.method:
            self.method = self.method.upper()

    def matches(self, api: str, method: str, path: str) -> bool:
        return (
            (self.api is None or self.api == api)
            and (self.method is None or self.method == method)
            and (self.path is None or fnmatch.fnmatchcase(path, self.path))
        )


@dataclass
class FaultBook:
    """The armed faults, the scripted answers and the accepted-work ledger, shared by every API of
    one dev server. ``clear()`` disarms the faults only; ``scripts.clear()`` the scripts."""

    faults: list[Fault] = field(default_factory=list)
    accepted: dict[str, Counter[str]] = field(
        default_factory=lambda: {"broker_messages": Counter(), "chats": Counter(), "trigger_fires": Counter()}
    )
    scripts: ScriptBook = field(default_factory=ScriptBook)  # scripted answers (see _scripts.py)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def arm(self, **spec: Any) -> Fault:
        """Arm a fault (see :class:`Fault`); returns it with its id."""
        unknown = set(spec) - {f for f in Fault.__dataclass_fields__ if f != "id"}
        if unknown:
            raise FaultSpecError(f"unknown fault fields: {sorted(unknown)}")
        fault = Fault(**spec)
        with self._lock:
            fault.id = next(self._ids)
            self.faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self.faults.clear()

    def take(self, api: str, method: str, path: str) -> Fault | None:
        """The first armed fault matching this call, charged one use."""
        with self._lock:
            for fault in self.faults:
                if fault.matches(api, method, path):
                    fault.count -= 1
                    if fault.count == 0:
                        self.faults.remove(fault)
                    return fault
        return None

    def record(self, kind: str, key: str) -> None:
        """Count one accepted unit of work (``broker_messages``, ``chats``, ``trigger_fires``)."""
        with self._lock:
            self.accepted[kind][key] += 1

    def snapshot(self) -> dict[str, dict[str, int]]:
        with self._lock:
            return {kind: dict(counter) for kind, counter in self.accepted.items()}

    def reset_accepted(self) -> None:
        with self._lock:
            for counter in self.accepted.values():
                counter.clear()


def classify(path: str) -> tuple[str, str]:
    """Which API a dev-server path belongs to, and the path relative to that API's base URL."""
    if path == "/broker" or path.startswith("/broker/"):
        return "broker", path[len("/broker") :] or "/"
    if path == "/formation" or path.startswith("/formation/"):
        return "formation", path[len("/formation") :] or "/"
    parts = path.split("/", 3)
    if len(parts) == 4 and parts[1] in ("api", "draft") and parts[3].startswith("v1"):
        return "formation", "/" + parts[3]
    return "server", path


def _error_body(api: str, status: int) -> dict[str, Any]:
    return api_error(api, status, f"Injected fault: HTTP {status}")


def _abort_connection(send: Send) -> bool:
    """Drop the TCP connection at once (uvicorn's transport); False when there is none."""
    transport = getattr(getattr(send, "__self__", None), "transport", None)
    if transport is None:
        return False
    transport.abort()
    return True


class FaultMiddleware:
    """Applies armed faults to matching calls; everything else passes through untouched."""

    def __init__(self, app: Starlette, book: FaultBook) -> None:
        self.app = app
        self.book = book

    @property
    def state(self) -> State:
        """The wrapped app's state (config, book, the direct formation…)."""
        return self.app.state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith("/_dev/"):
            await self.app(scope, receive, send)
            return
        api, path = classify(scope["path"])
        fault = self.book.take(api, scope["method"], path)
        if fault is None:
            await self.app(scope, receive, send)
            return
        if fault.delay:
            await asyncio.sleep(fault.delay)
        if fault.reset == "before":
            if not _abort_connection(send):
                raise ConnectionResetError("injected connection reset")
            return
        if fault.status is not None:
            headers = {"Retry-After": str(fault.retry_after)} if fault.retry_after is not None else None
            response = Response(
                dumps(_error_body(api, fault.status)), fault.status, headers, media_type="application/json"
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, _FaultySend(send, fault))


class _FaultySend:
    """Wraps ``send`` to hold, drop or cut the response the app produces."""

    def __init__(self, send: Send, fault: Fault) -> None:
        self.send = send
        self.fault = fault
        self.events = 0
        self.dropped = False
        self.__self__ = getattr(send, "__self__", None)  # keeps the transport reachable

    async def __call__(self, message: Message) -> None:
        if self.dropped:
            return
        fault = self.fault
        if message["type"] == "http.response.start":
            if fault.delay_response:
                await asyncio.sleep(fault.delay_response)
            if fault.reset == "after":
                self.dropped = True
                if not _abort_connection(self.send):
                    raise ConnectionResetError("injected connection reset after handling")
                return
        if message["type"] == "http.response.body" and fault.cut_after_events is not None:
            # Whole frames arrive per chunk; comments (keepalives) are not events.
            blocks = message.get("body", b"").split(b"\n\n")
            self.events += sum(1 for block in blocks if block.strip() and not block.startswith(b":"))
            if self.events > fault.cut_after_events:
                self.dropped = True
                if not _abort_connection(self.send):
                    raise ConnectionResetError("injected stream cut")
                return
        await self.send(message)


def control_routes(book: FaultBook) -> list[Route]:
    """The /_dev/ endpoints that arm faults and read the ledger."""

    async def faults(request: Request) -> Response:
        if request.method == "POST":
            try:
                spec = await request.json()
                if not isinstance(spec, dict):
                    raise FaultSpecError("the body must be a JSON object")
                fault = book.arm(**spec)
            except (ValueError, TypeError) as exc:
                return json_response({"error": "invalid_fault", "message": str(exc)}, 400)
            return json_response(asdict(fault), 201)
        if request.method == "DELETE":
            book.clear()
        return json_response({"faults": [asdict(f) for f in book.faults]})

    async def accepted(request: Request) -> Response:
        if request.method == "DELETE":
            book.reset_accepted()
        return json_response(book.snapshot())

    return [
        Route("/_dev/faults", faults, methods=["GET", "POST", "DELETE"]),
        Route("/_dev/accepted", accepted, methods=["GET", "DELETE"]),
    ]
