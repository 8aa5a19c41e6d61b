"""The AiMesh broker of the dev server, as contract/broker.md describes it.

Every route of broker.md §3 is served: messages and batches go through the steps of §5.1 (parse,
validate, rate-limit, dedup, budget, route, commit); endpoints and budgets are in-memory upserts;
``/stats``, ``/metrics`` and ``/health`` read the counters. Requests are also checked against the spec
(``_validation``): the broker's own decoding and rules keep their codes, messages and order, and what
they let through but the spec forbids (an int64 out of range…) is a 400 ``invalid_request``.

State and time. :func:`build_broker_app` returns a Starlette app whose ``app.state.broker`` is the
:class:`Broker` holding all state (endpoints, budgets, limiters, dedup entries, statistics); one
instance per app, so two dev servers never share anything. The dev server mounts the app at
``/broker``: a test finds that ``Mount`` among the routes of the dev server's Starlette app (unwrap
``.app`` of any middleware around it, such as ``FaultMiddleware``) and reads
``mount.app.state.broker``.

``Broker.clock`` (epoch seconds, default :func:`time.time`) is the only time source: deadlines, token
buckets, the sliding window, dedup TTLs, uptime and latency samples all read it, so a test can
replace it with a manual clock and move time without sleeping.

The parts: this module is the HTTP side (bearer auth, validation, the route handlers, the app);
:class:`Broker` and the rules it applies are in ``_broker_state``, and the error body, field
decoding, messages and acknowledgments in ``_broker_wire``.
"""

from __future__ import annotations

import asyncio
import functools
import hmac
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from ._broker_state import Broker, decode_budget, decode_endpoint, metrics_text
from ._broker_wire import (
    BrokerError,
    batch_items,
    decode_message,
    message_id_of,
    parse_json_object,
    payload_too_large,
    refusal,
)
from ._config import DevServerConfig
from ._faults import FaultBook
from ._scripts import BrokerAnswer
from ._validation import BROKER, spec
from ._wire import json_response

Handler = Callable[[Request], Awaitable[Response]]

METRICS_MEDIA_TYPE = "text/plain; version=0.0.4; charset=utf-8"


async def read_body(request: Request, max_bytes: int) -> bytes:
    """The request body, or 413 as soon as it is known to exceed ``max_bytes``. Read once: later
    calls (validation, then the handler) get the same bytes."""
    cached: bytes | None = getattr(request.state, "raw_body", None)
    if cached is not None:
        return cached
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise payload_too_large(max_bytes)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            raise payload_too_large(max_bytes)
    raw = bytes(body)
    request.state.raw_body = raw
    return raw


class BrokerApi:
    """The route handlers: HTTP in, :class:`Broker` calls, JSON out."""

    def __init__(self, broker: Broker) -> None:
        self.broker = broker
        max_items = broker.limits.max_batch_items
        # The broker's own decoding of each body (broker.md §5.1 steps 1-2), run when the spec finds a
        # problem so that the broker's own messages win for what it catches.
        self.decoders: dict[tuple[str, str], Callable[[bytes], object]] = {
            ("POST", "/messages"): lambda raw: decode_message(parse_json_object(raw)),
            ("POST", "/messages/batch"): lambda raw: batch_items(parse_json_object(raw), max_items),
            ("POST", "/endpoints"): lambda raw: decode_endpoint(parse_json_object(raw), 0),
            ("POST", "/budgets"): lambda raw: decode_budget(parse_json_object(raw)),
        }

    def _checked(self, method: str, path: str, handler: Handler) -> Handler:
        """``handler`` behind the spec's request validation (after authentication, which runs first)."""
        checked = spec().check(BROKER, method, path)
        if checked is None:
            return handler
        decoder = self.decoders.get((method, path))

        async def endpoint(request: Request) -> Response:
            body = await read_body(request, self.broker.limits.max_body_bytes) if checked.reads_body else None
            problems = await checked.check(request, body)
            if problems:
                decode = functools.partial(decoder, body) if decoder and body is not None else None
                raise refusal(problems, decode)
            return await handler(request)

        return endpoint

    async def _json_body(self, request: Request) -> dict[str, Any]:
        return parse_json_object(await read_body(request, self.broker.limits.max_body_bytes))

    async def send_message(self, request: Request) -> Response:
        """POST /messages."""
        received_at = self.broker.clock()
        body = await self._json_body(request)
        script = self.broker.take_script(body)
        await _scripted_latency(script)
        return json_response(self.broker.process(body, message_id_of(body), received_at, script))

    async def send_batch(self, request: Request) -> Response:
        """POST /messages/batch."""
        items = batch_items(await self._json_body(request), self.broker.limits.max_batch_items)
        acknowledgments = []
        for item in items:
            received_at = self.broker.clock()
            script = self.broker.take_script(item)
            await _scripted_latency(script)
            acknowledgments.append(self.broker.process_batch_item(item, script, received_at))
        return json_response({"acknowledgments": acknowledgments})

    async def register_endpoint(self, request: Request) -> Response:
        """POST /endpoints."""
        return json_response(self.broker.register_endpoint(await self._json_body(request)).to_json())

    async def list_endpoints(self, request: Request) -> Response:
        """GET /endpoints."""
        return json_response({"endpoints": [endpoint.to_json() for endpoint in self.broker.list_endpoints()]})

    async def remove_endpoint(self, request: Request) -> Response:
        """DELETE /endpoints/{endpoint_id} (the id arrives percent-decoded and may contain ``/``)."""
        endpoint_id: str = request.path_params["endpoint_id"]
        self.broker.remove_endpoint(endpoint_id)
        return json_response({"removed": True, "endpoint_id": endpoint_id})

    async def set_budget(self, request: Request) -> Response:
        """POST /budgets."""
        return json_response(self.broker.set_budget(await self._json_body(request)).to_json())

    async def get_budget(self, request: Request) -> Response:
        """GET /budgets/{agent_id}."""
        return json_response(self.broker.budget(request.path_params["agent_id"]).to_json())

    async def reset_budget(self, request: Request) -> Response:
        """POST /budgets/{agent_id}/reset (any body is ignored, so it is never read)."""
        return json_response(self.broker.reset_budget(request.path_params["agent_id"]).to_json())

    async def stats(self, request: Request) -> Response:
        """GET /stats."""
        return json_response(self.broker.stats())

    async def metrics(self, request: Request) -> Response:
        """GET /metrics."""
        return Response(metrics_text(self.broker.stats()), media_type=METRICS_MEDIA_TYPE)

    async def health(self, request: Request) -> Response:
        """GET /health."""
        return json_response(self.broker.health())

    def routes(self) -> list[Route]:
        """One route per path, so that a 405 lists every method the path serves."""
        table: dict[str, dict[str, Handler]] = {
            "/messages": {"POST": self.send_message},
            "/messages/batch": {"POST": self.send_batch},
            "/endpoints": {"GET": self.list_endpoints, "POST": self.register_endpoint},
            "/endpoints/{endpoint_id:path}": {"DELETE": self.remove_endpoint},
            "/budgets": {"POST": self.set_budget},
            "/budgets/{agent_id}": {"GET": self.get_budget},
            "/budgets/{agent_id}/reset": {"POST": self.reset_budget},
            "/stats": {"GET": self.stats},
            "/metrics": {"GET": self.metrics},
            "/health": {"GET": self.health},
        }
        return [
            Route(
                path,
                _dispatch({method: self._checked(method, path, handler) for method, handler in handlers.items()}),
                methods=list(handlers),
            )
            for path, handlers in table.items()
        ]


async def _scripted_latency(script: BrokerAnswer | None) -> None:
    """Wait a scripted latency before the message is processed."""
    if script is not None and script.latency_ms:
        await asyncio.sleep(script.latency_ms / 1000)


def _dispatch(handlers: dict[str, Handler]) -> Handler:
    async def by_method(request: Request) -> Response:
        # HEAD is served by the GET handler (Starlette adds HEAD to GET routes).
        method = "GET" if request.method == "HEAD" else request.method
        return await handlers[method](request)

    return by_method


class BearerAuth:
    """ASGI middleware: every request needs ``Authorization: Bearer <key>`` (broker.md §1).

    It runs before routing, so unknown paths and bad methods are 401 too, and before the body is read.
    """

    def __init__(self, app: ASGIApp, key: str) -> None:
        self.app = app
        self.key = key.encode()

    def _authorized(self, scope: Scope) -> bool:
        scheme, _, token = Headers(scope=scope).get("authorization", "").partition(" ")
        # compare_digest keeps the comparison time independent of where the tokens differ.
        return scheme.lower() == "bearer" and hmac.compare_digest(token.strip().encode(), self.key)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not self._authorized(scope):
            refusal = BrokerError(401, "Missing or invalid bearer token", headers={"WWW-Authenticate": "Bearer"})
            await refusal.response()(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, BrokerError)
    return exc.response()


async def _not_found(request: Request, exc: Exception) -> Response:
    return BrokerError(404, f"Not found: {request.url.path}", "not_found").response()


async def _method_not_allowed(request: Request, exc: Exception) -> Response:
    # Starlette builds Allow from a set: sort it so the header is stable.
    allowed = (getattr(exc, "headers", None) or {}).get("Allow", "")
    allow = ", ".join(sorted(method.strip() for method in allowed.split(",") if method.strip()))
    refusal = BrokerError(405, f"Method {request.method} not allowed", "method_not_allowed", headers={"Allow": allow})
    return refusal.response()


async def _internal_error(request: Request, exc: Exception) -> Response:
    return BrokerError(500, "Internal error", "internal_error").response()


def build_broker_app(config: DevServerConfig, book: FaultBook) -> Starlette:
    """The broker's ASGI app (paths relative to its mount); ``app.state.broker`` is its :class:`Broker`."""
    broker = Broker(config.broker, book)
    middleware = [Middleware(BearerAuth, key=config.broker_key)] if config.broker_key else []
    app = Starlette(
        routes=BrokerApi(broker).routes(),
        middleware=middleware,
        exception_handlers={
            BrokerError: _refused,
            404: _not_found,
            405: _method_not_allowed,
            500: _internal_error,
        },
    )
    app.state.broker = broker
    return app
