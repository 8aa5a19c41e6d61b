"""The MUXI Server of the dev server, as contract/server.md describes it.

Served at the root of the dev server: ``/ping`` and ``/health`` (public), the ``/rpc/*`` management
routes behind MUXI-HMAC (§1), and the ``/api/{formation_id}/*`` and ``/draft/{formation_id}/*``
reverse proxy (§9). Anything else is 404 ``Endpoint not found``.

Formations are simulated. Deploying a bundle registers a formation whose "process" is an in-memory
:class:`FormationRuntime` behind a fake port (from 8001 upwards) and a fake pid; updates are
blue-green (a staging instance on a second port, health-checked, then swapped in), the previous
version is kept for rollback, and each formation keeps stdout/stderr line buffers for its logs.

The parts: :class:`MuxiServer` here holds the routes, MUXI-HMAC and request validation in front of
them, and the public and server handlers; :class:`FormationHandlers` (``_server_formations``) the
``/rpc/formations`` handlers. The state they use is a :class:`FormationFleet` (formations, ports,
processes: ``_server_state``), and the operations that change it are :class:`Deployments` (deploy,
update, rollback…: ``_server_deploy``). The wire rules (errors, MUXI-HMAC) are in ``_server_wire``,
bundles and downloads in ``_server_bundles``, the proxy in ``_server_proxy``.

State and time. :func:`build_server_routes` creates one :class:`MuxiServer`, which holds all state;
two dev servers never share anything. ``MuxiServer.clock`` (epoch seconds, default
:func:`time.time`) is the time source of the HMAC timestamp check and of every time the server
reports, so a test can pin it::

    server = MuxiServer(config, FaultBook(), clock=lambda: 1_700_000_000)
    app = Starlette(routes=server.routes())

Health checks call the formation's own ``GET /v1/health`` in process, the way the real server polls
the formation's port. A fault armed on the formation's ``/v1/health`` therefore applies to them too:
``dev.fault(api="formation", path="/v1/health", status=503, count=5)`` makes the next five checks
fail, which is how a test slows an update down, cancels it, or makes it fail its health check.
"""

from __future__ import annotations

import asyncio
import platform
import time
import uuid
from collections import Counter, deque
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from ._config import DevServerConfig
from ._errors import server_error
from ._faults import FaultBook
from ._server_deploy import Deployments
from ._server_formations import FormationHandlers
from ._server_proxy import FormationProxy
from ._server_state import MAX_LOG_LINES, FormationFleet, parse_line_count, rfc3339
from ._server_wire import SERVER_VERSION, EndpointNotFound, HmacVerifier, ServerError, success
from ._validation import SERVER, server_message, spec
from ._wire import json_response

Handler = Callable[[Request], Awaitable[Response]]


class MuxiServer:
    """The MUXI Server: its routes, MUXI-HMAC and validation in front of them, the public and server
    handlers, and the state behind them (the fleet of formations and their deployments, the server's
    identity and its audit log)."""

    def __init__(self, config: DevServerConfig, book: FaultBook, clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.clock = clock
        # Through self.clock, so that replacing the clock later moves the HMAC check and the fleet too.
        self.verifier = HmacVerifier(config.key_id, config.secret_key, config.hmac_tolerance_secs, lambda: self.clock())
        self.fleet = FormationFleet(config, book, lambda: self.clock())
        self.deployments = Deployments(self.fleet)
        self.formation_handlers = FormationHandlers(self.fleet, self.deployments)
        self.server_id = "muxi-dev-" + uuid.uuid4().hex[:8]
        self.started_at = clock()
        self.audit_log: deque[str] = deque(maxlen=MAX_LOG_LINES)

    def routes(self) -> list[BaseRoute]:
        """Every route of §3 and §9, then the catch-all 404."""
        one = "/rpc/formations/{formation_id}"
        formations = self.formation_handlers

        def public(method: str, path: str, handler: Handler) -> Route:
            return Route(path, self._validated(method, path, handler), methods=[method])

        def rpc(method: str, path: str, handler: Handler) -> Route:
            # Authentication first: a bad signature is a 401 whatever else is wrong.
            return Route(path, self._signed(self._validated(method, path, handler)), methods=[method])

        return [
            public("GET", "/ping", self.ping),
            public("GET", "/health", self.health),
            rpc("GET", "/rpc/server/status", self.server_status),
            rpc("GET", "/rpc/server/logs", self.server_logs),
            rpc("GET", "/rpc/formations", formations.list_formations),
            rpc("POST", "/rpc/formations", formations.deploy),
            rpc("GET", one, formations.get_formation),
            rpc("PUT", one, formations.update),
            rpc("DELETE", one, formations.delete),
            rpc("POST", one + "/start", formations.start),
            rpc("POST", one + "/stop", formations.stop),
            rpc("POST", one + "/restart", formations.restart),
            rpc("POST", one + "/rollback", formations.rollback),
            rpc("POST", one + "/cancel-update", formations.cancel_update),
            rpc("GET", one + "/logs", formations.formation_logs),
            rpc("GET", one + "/download", formations.download),
            Route("/api/{formation_id}", FormationProxy(self.fleet, draft=False)),
            Route("/api/{formation_id}/{path:path}", FormationProxy(self.fleet, draft=False)),
            Route("/draft/{formation_id}", FormationProxy(self.fleet, draft=True)),
            Route("/draft/{formation_id}/{path:path}", FormationProxy(self.fleet, draft=True)),
            Route("/{path:path}", EndpointNotFound()),
        ]

    # --- plumbing ------------------------------------------------------------------------------

    def _signed(self, handler: Handler) -> Handler:
        """``handler`` behind MUXI-HMAC; every /rpc call lands in the audit log."""

        async def endpoint(request: Request) -> Response:
            try:
                self.verifier.check(request.headers.get("authorization"), request.method, request.url.path)
            except ServerError as exc:
                response = exc.response()
            else:
                response = await handler(request)
            self.audit_log.append(f"{rfc3339(self.clock())} {request.method} {request.url.path} {response.status_code}")
            return response

        return endpoint

    def _validated(self, method: str, path: str, handler: Handler) -> Handler:
        """``handler`` behind the spec's request validation: 400 with the server error body (§2)."""
        checked = spec().check(SERVER, method, path)
        if checked is None:
            return handler

        async def endpoint(request: Request) -> Response:
            problems = await checked.check(request)
            if problems:
                return json_response(server_error(400, server_message(problems)), 400)
            return await handler(request)

        return endpoint

    # --- public routes -------------------------------------------------------------------------

    async def ping(self, request: Request) -> Response:
        """``GET /ping``: the text ``pong``."""
        return PlainTextResponse("pong")

    async def health(self, request: Request) -> Response:
        """``GET /health``: ``{success, status, version}`` without a data envelope."""
        return json_response({"success": True, "status": "ok", "version": SERVER_VERSION})

    # --- server --------------------------------------------------------------------------------

    async def server_status(self, request: Request) -> Response:
        """``GET /rpc/server/status``."""
        statuses = Counter(formation.status for formation in self.fleet.formations.values())
        allocated = len(self.fleet.ports.allocated)
        return success(
            {
                "server": {
                    "id": self.server_id,
                    "version": SERVER_VERSION,
                    "uptime": int(self.clock() - self.started_at),
                },
                "formations": {
                    "total": len(self.fleet.formations),
                    "running": statuses["running"],
                    "stopped": statuses["stopped"],
                    "crashed": statuses["crashed"],
                },
                "port_pool": {
                    "total": self.fleet.ports.total,
                    "available": self.fleet.ports.total - allocated,
                    "allocated": allocated,
                },
                # The real server reports its Go runtime; the dev server reports what it runs on.
                "runtime": {"goroutines": len(asyncio.all_tasks()), "go_version": f"python{platform.python_version()}"},
            }
        )

    async def server_logs(self, request: Request) -> Response:
        """``GET /rpc/server/logs``: the last lines of the audit log as text, each ending in a newline."""
        count = parse_line_count(request.query_params.get("lines"))
        lines = list(self.audit_log)[-count:]
        return PlainTextResponse("".join(line + "\n" for line in lines))


def build_server_routes(config: DevServerConfig, book: FaultBook) -> list[BaseRoute]:
    """The MUXI Server's routes, served at the root of the dev server; one :class:`MuxiServer` per call."""
    return MuxiServer(config, book).routes()
