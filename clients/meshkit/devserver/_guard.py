"""The dev server's outermost layer: what keeps it safe to leave running.

- ``/_dev/*`` (fault control, the ledger) answers only to loopback peers: any other peer gets 403
  with the MUXI Server's error body, whatever host the server listens on.
- Request bodies are bounded (``DevServerConfig.max_body_bytes``), before anything is buffered: a
  ``Content-Length`` over the limit is answered 413 at once, without reading the body; a body of
  unknown length (chunked) is counted as the app reads it and refused with 413 as soon as it passes
  the limit. The 413 carries the error body of the API the path belongs to. What the client still
  sends afterwards is discarded by the HTTP server, never buffered.
"""

from __future__ import annotations

from typing import Any

from starlette.datastructures import State
from starlette.types import Message, Receive, Scope, Send

from ._config import DevServerConfig, is_loopback_address
from ._errors import api_error, server_error
from ._faults import FaultMiddleware, classify
from ._journal import JournalMiddleware
from ._wire import dumps


class RequestTooLarge(Exception):
    """Raised into the app when the body it reads passes the limit (the 413 is already sent)."""


class GuardMiddleware:
    """Loopback-only ``/_dev/*`` and the request body limit, around the whole dev server app."""

    def __init__(self, app: FaultMiddleware | JournalMiddleware, config: DevServerConfig) -> None:
        self.app = app
        self.max_body_bytes = config.max_body_bytes

    @property
    def state(self) -> State:
        """The wrapped app's state (config, book, the direct formation…)."""
        return self.app.state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if (path == "/_dev" or path.startswith("/_dev/")) and not _from_loopback(scope):
            message = "The /_dev/ control endpoints answer only to loopback clients"
            await _answer(send, 403, server_error(403, message))
            return
        length, chunked = _body_framing(scope)
        if length is not None and length > self.max_body_bytes:
            await _answer(send, 413, self._too_large(path))
            return
        if not chunked:  # a declared length within the limit: h11 never delivers more than that
            await self.app(scope, receive, send)
            return
        guarded = _LimitedBody(receive, send, self.max_body_bytes, self._too_large(path))
        try:
            await self.app(scope, guarded.receive, guarded.send)
        except RequestTooLarge:
            if not guarded.refused:
                raise

    def _too_large(self, path: str) -> dict[str, Any]:
        api, _ = classify(path)
        return api_error(api, 413, f"Payload too large: the request body exceeds {self.max_body_bytes} bytes")


class _LimitedBody:
    """``receive`` counting the body, ``send`` that knows whether the answer has started."""

    def __init__(self, receive: Receive, send: Send, limit: int, refusal: dict[str, Any]) -> None:
        self._receive = receive
        self._send = send
        self.limit = limit
        self.refusal = refusal
        self.received = 0
        self.started = False
        self.refused = False
        self.__self__ = getattr(send, "__self__", None)  # FaultMiddleware drops connections through it

    async def receive(self) -> Message:
        if self.refused:
            raise RequestTooLarge
        message = await self._receive()
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            if self.received > self.limit:
                self.refused = True
                if not self.started:
                    await _answer(self._send, 413, self.refusal)
                # else: an answer is already under way; what the app sends next is dropped and the
                # response ends unfinished, which the client sees as a broken response.
                raise RequestTooLarge
        return message

    async def send(self, message: Message) -> None:
        if self.refused:
            return
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)


def _body_framing(scope: Scope) -> tuple[int | None, bool]:
    """The declared ``Content-Length`` (None when absent or unreadable) and whether the body's
    length is unknown in advance (chunked, or a length that does not parse)."""
    length: int | None = None
    chunked = False
    for name, value in scope["headers"]:
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            if text.isdigit():
                length = int(text)
            else:
                chunked = True  # the HTTP server refuses it anyway; count whatever comes
        elif name == b"transfer-encoding":
            chunked = True
    # Over HTTP/1.x a request with neither header has no body; over HTTP/2 it may still stream one.
    return length, chunked or (length is None and scope.get("http_version", "1.1") not in ("1.0", "1.1"))


def _from_loopback(scope: Scope) -> bool:
    client = scope.get("client")
    return client is not None and is_loopback_address(str(client[0]))


async def _answer(send: Send, status: int, body: dict[str, Any]) -> None:
    payload = dumps(body).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
