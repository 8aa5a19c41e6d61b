"""The reverse proxy of the MUXI Server (contract/server.md §9), and the in-process ``GET`` its health
checks make: a formation's ASGI app is called directly with the scope the real proxy would forward."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._server_wire import SERVER_VERSION, ServerError

if TYPE_CHECKING:
    from ._server_state import FormationFleet, LogStream

_SERVER_OWNED_HEADERS = frozenset(
    {b"host", b"x-forwarded-for", b"x-forwarded-proto", b"x-forwarded-host", b"x-formation-id", b"x-muxi-server"}
)


def forwarded_scope(scope: Scope, formation_id: str, path: str, port: int) -> Scope:
    """The scope a proxied request has at the formation: path ``/{path}``, the query kept, every
    header but ``Host`` copied, and the proxy's own headers set (replacing any client value)."""
    headers = Headers(scope=scope)
    client = scope.get("client")
    forwarded_for = (headers.get("x-forwarded-for") or "").split(",")[0].strip() or (client[0] if client else "")
    added = {
        "host": f"127.0.0.1:{port}",
        "x-forwarded-for": forwarded_for,
        "x-forwarded-proto": headers.get("x-forwarded-proto") or scope.get("scheme", "http"),
        "x-forwarded-host": headers.get("host", ""),
        "x-formation-id": formation_id,
        "x-muxi-server": SERVER_VERSION,
    }
    kept = [(name, value) for name, value in scope["headers"] if name.lower() not in _SERVER_OWNED_HEADERS]
    # raw_path keeps the client's percent-encoding: drop its /api/{id} (or /draft/{id}) prefix.
    raw_parts = bytes(scope.get("raw_path") or path.encode()).split(b"/", 3)
    raw_path = b"/" + raw_parts[3] if len(raw_parts) == 4 else path.encode()
    return {
        "type": "http",
        "asgi": scope.get("asgi", {"version": "3.0"}),
        "http_version": scope.get("http_version", "1.1"),
        "method": scope["method"],
        "scheme": "http",
        "path": path,
        "raw_path": raw_path,
        "root_path": "",
        "query_string": scope.get("query_string", b""),
        "headers": kept + [(name.encode(), value.encode("latin-1")) for name, value in added.items()],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", port),
        "extensions": scope.get("extensions", {}),
    }


class FormationProxy:
    """``ANY /api/{formation_id}/{path}`` (or ``/draft/…``): the formation's ASGI app called in
    process with the forwarded scope; the response, streams included, passes through as produced."""

    def __init__(self, fleet: FormationFleet, draft: bool) -> None:
        self.fleet = fleet
        self.draft = draft

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        params = scope.get("path_params", {})
        formation = self.fleet.formations.get(params.get("formation_id", ""))
        if formation is None:
            await ServerError(404, "Formation not found").response()(scope, receive, send)
            return
        if not self.draft and formation.status != "running":
            await ServerError(503, "Formation unavailable").response()(scope, receive, send)
            return
        app = formation.draft.app if self.draft else formation.instance.runtime.app
        path = "/" + params.get("path", "")
        inner = forwarded_scope(scope, formation.id, path, formation.port)
        access_log = None if self.draft else formation.logs.stdout
        await _relay(app, inner, receive, send, scope, access_log)


async def _relay(
    app: ASGIApp, inner: Scope, receive: Receive, send: Send, outer: Scope, access_log: LogStream | None
) -> None:
    started = False

    async def send_through(message: Message) -> None:
        nonlocal started
        if message["type"] == "http.response.start":
            started = True
            if access_log is not None:
                access_log.write(f"INFO {inner['method']} {inner['path']} {message['status']}")
        await send(message)

    try:
        await app(inner, receive, send_through)
    except Exception:
        if started:  # the answer is under way: nothing better than cutting it is possible
            raise
        await ServerError(502, "Bad gateway").response()(outer, receive, send)


async def asgi_get_status(app: ASGIApp, path: str, port: int) -> int:
    """The status of an in-process ``GET path`` on an ASGI app (the body is discarded)."""
    scope: Scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", f"127.0.0.1:{port}".encode()), (b"user-agent", b"muxi-server-health-check")],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", port),
    }
    statuses: list[int] = []
    body_sent = False

    async def receive() -> Message:
        nonlocal body_sent
        if body_sent:
            return {"type": "http.disconnect"}
        body_sent = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            statuses.append(int(message["status"]))

    await app(scope, receive, send)
    return statuses[0] if statuses else 0
