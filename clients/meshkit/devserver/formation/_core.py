"""The formation runtime's wire rules, once: key checks per route group, the user header, the
success and error envelopes, request validation and idempotency replay (contract/formation.md).

Request validation is the spec's (``.._validation``): every operation's parameters and JSON body are
checked after authentication and before the handler, as the runtime's framework does, and refused
with 422 ``INVALID_PARAMS`` (formation.md §4). Handlers keep the rules the spec cannot express
(cross-field rules, cron syntax, known ids…).

Handlers are plain async functions registered with :func:`operation` under the spec's operationId
(the spec declares their method, path and keys); they receive a :class:`Call` and return the
envelope's ``data`` (a dict, or a :class:`Reply` to choose status, object and type), or a ready
Starlette ``Response`` (streams, the unenveloped health check).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from starlette.requests import Request
from starlette.responses import Response

from .._errors import formation_error, new_request_id
from .._validation import FORMATION, coerce, formation_answer, spec
from .._wire import dumps

if TYPE_CHECKING:
    from . import FormationRuntime

Auth = Literal["public", "admin", "client", "dual"]
UserRule = Literal["optional", "required", "filter", "none"]

logger = logging.getLogger("meshkit.devserver")

IDEMPOTENCY_TTL_SECS = 24 * 3600
IDEMPOTENCY_MAX_ENTRIES = 10_000


class FormationError(Exception):
    """Raised by a handler: answered with the error envelope."""

    def __init__(
        self,
        status: int,
        message: str,
        code: str | None = None,
        data: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.data = data
        self.headers = headers


def invalid_params(field_path: str, msg: str, kind: str = "value_error") -> FormationError:
    """A 422 like the runtime's request validation: INVALID_PARAMS with ``validation_errors``."""
    item = {"field": field_path, "msg": msg, "type": kind, "error": msg}
    return FormationError(422, "Request validation failed", "INVALID_PARAMS", {"validation_errors": [item]})


def not_found(message: str, code: str | None = None) -> FormationError:
    return FormationError(404, message, code)


@dataclass
class Reply:
    """A handler's answer when it needs more than the default 200 envelope."""

    data: Any
    status: int = 200
    object: str | None = None
    type: str | None = None


@dataclass
class Call:
    """One request as a handler sees it."""

    request: Request
    runtime: FormationRuntime
    key: Literal["admin", "client"] | None
    header_user: str | None
    request_id: str
    idempotency_key: str | None
    _body: Any = field(default=None, repr=False)
    _body_read: bool = field(default=False, repr=False)

    @property
    def path_params(self) -> dict[str, Any]:
        return self.request.path_params

    @property
    def query(self) -> Any:
        return self.request.query_params

    async def body(self, required: bool = True) -> dict[str, Any]:
        """The JSON object body; 422 (like the runtime) when it is missing, not JSON or not an object."""
        if not self._body_read:
            raw = await self.request.body()
            self._body_read = True
            if not raw.strip():
                self._body = None
            else:
                try:
                    self._body = json.loads(raw)
                except ValueError:
                    raise invalid_params("body", "JSON decode error", "json_invalid") from None
        if self._body is None:
            if required:
                raise invalid_params("body", "Field required", "missing")
            return {}
        if not isinstance(self._body, dict):
            raise invalid_params("body", "Input should be a valid dictionary", "dict_type")
        return self._body

    def user(self, rule: UserRule) -> str | None:
        """The end user by the contract's rule for this route (formation.md §2)."""
        if rule == "optional":
            return self.header_user or "0"
        if rule == "required" or (rule == "filter" and self.key == "client"):
            if not self.header_user:
                raise FormationError(400, "X-Muxi-User-ID header is required", "INVALID_REQUEST")
            return self.header_user
        if rule == "filter":
            return self.header_user or None  # admin: absent = every user
        return None

    def query_int(self, name: str, default: int, low: int, high: int) -> int:
        """An integer query parameter, read as the runtime's framework reads it (``5``, `` +5 ``, ``5.0``)."""
        raw = self.query.get(name)
        if raw is None:
            return default
        value = coerce(raw, ("integer",))
        if not isinstance(value, int):
            raise invalid_params(f"query.{name}", "Input should be a valid integer", "int_parsing")
        if not low <= value <= high:
            raise invalid_params(f"query.{name}", f"Input should be between {low} and {high}", "range")
        return value

    def query_bool(self, name: str, default: bool) -> bool:
        """A boolean query parameter, read as the runtime's framework reads it (``true``, ``YES``, ``0``…)."""
        raw = self.query.get(name)
        if raw is None:
            return default
        value = coerce(raw, ("boolean",))
        if not isinstance(value, bool):
            raise invalid_params(f"query.{name}", "Input should be a valid boolean", "bool_parsing")
        return value


Handler = Callable[[Call], Awaitable[Any]]


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    auth: Auth
    handler: Handler
    idempotent: bool = False
    object: str = "response"
    type: str | None = None


OPERATIONS: list[Operation] = []


# The keys an operation's ``security`` accepts (adminKey, clientKey or either) → the route group.
_AUTH_OF_SCHEMES: dict[tuple[str, ...], Auth] = {
    (): "public",
    ("adminKey",): "admin",
    ("clientKey",): "client",
    ("adminKey", "clientKey"): "dual",
}


def declared_route(operation_id: str) -> tuple[str, str, Auth]:
    """The method, path (relative to the formation base, e.g. /v1/agents) and keys of a formation
    operation of the spec, by its ``operationId``."""
    for path, item in spec().document["paths"].items():
        for method, raw in item.items():
            if isinstance(raw, dict) and raw.get("operationId") == operation_id and "formation" in raw.get("tags", ()):
                schemes = sorted({name for requirement in raw.get("security", []) for name in requirement})
                return method.upper(), path, _AUTH_OF_SCHEMES[tuple(schemes)]
    raise LookupError(f"the spec has no formation operation {operation_id!r}")


def operation(
    operation_id: str, *, idempotent: bool = False, object: str = "response", type: str | None = None
) -> Callable[[Handler], Handler]:
    """Register the handler of the spec's formation operation ``operation_id``; its method, path and
    keys are the spec's (:func:`declared_route`)."""
    method, path, auth = declared_route(operation_id)

    def register(handler: Handler) -> Handler:
        OPERATIONS.append(Operation(method, path, auth, handler, idempotent, object, type))
        return handler

    return register


def envelope(call: Call, data: Any, object: str, type: str) -> dict[str, Any]:
    """The success envelope (formation.md §3)."""
    return {
        "object": object,
        "timestamp": int(time.time() * 1000),
        "type": type,
        "request": {"id": call.request_id, "idempotency_key": call.idempotency_key},
        "success": True,
        "error": None,
        "data": data,
    }


def error_response(
    status: int,
    message: str,
    code: str | None = None,
    data: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    request_id: str | None = None,
    idempotency_key: str | None = None,
) -> Response:
    body = formation_error(status, message, code, data, request_id, idempotency_key)
    return Response(dumps(body), status, headers, media_type="application/json")


_UNAUTHORIZED = {
    "admin": ("Invalid or missing admin API key", 'ApiKey realm="admin", header="X-Muxi-Admin-Key"'),
    "client": ("Invalid or missing client API key", 'ApiKey realm="client", header="X-Muxi-Client-Key"'),
}


def _presented_key(request: Request, admin_key: str, client_key: str) -> Literal["admin", "client"] | None:
    admin = request.headers.get("x-muxi-admin-key")
    if admin is not None and hmac.compare_digest(admin.encode(), admin_key.encode()):
        return "admin"
    client = request.headers.get("x-muxi-client-key")
    if client is not None and hmac.compare_digest(client.encode(), client_key.encode()):
        return "client"
    return None


@dataclass
class _Stored:
    status: int
    body: bytes
    at: float


class IdempotencyStore:
    """2xx JSON answers replayed for 24 h (at most 10,000), concurrent duplicates single-flighted."""

    def __init__(self) -> None:
        self._stored: OrderedDict[tuple[str, ...], _Stored] = OrderedDict()
        self._running: dict[tuple[str, ...], asyncio.Future[None]] = {}

    def get(self, scope: tuple[str, ...]) -> _Stored | None:
        stored = self._stored.get(scope)
        if stored and time.time() - stored.at > IDEMPOTENCY_TTL_SECS:
            del self._stored[scope]
            return None
        return stored

    async def run(self, scope: tuple[str, ...], produce: Callable[[], Awaitable[Response]]) -> Response:
        while scope in self._running:  # a concurrent duplicate waits for the first, then replays
            await asyncio.shield(self._running[scope])
        stored = self.get(scope)
        if stored:
            return Response(stored.body, stored.status, media_type="application/json")
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._running[scope] = done
        try:
            response = await produce()
            if 200 <= response.status_code < 300 and response.media_type == "application/json":
                self._stored[scope] = _Stored(response.status_code, bytes(response.body), time.time())
                while len(self._stored) > IDEMPOTENCY_MAX_ENTRIES:
                    self._stored.popitem(last=False)
            return response
        finally:
            del self._running[scope]
            done.set_result(None)


def endpoint(runtime: FormationRuntime, op: Operation) -> Callable[[Request], Awaitable[Response]]:
    """The Starlette endpoint for one operation: auth, validation, user, idempotency, envelope, errors."""
    checked = spec().check(FORMATION, op.method, op.path)

    async def handle(request: Request) -> Response:
        config = runtime.config
        idempotency_key = request.headers.get("x-muxi-idempotency-key") if op.idempotent else None
        request_id = new_request_id()
        key = _presented_key(request, config.admin_key, config.client_key)
        if op.auth != "public":
            allowed = {"admin": {"admin"}, "client": {"client"}, "dual": {"admin", "client"}}[op.auth]
            if key not in allowed:
                if op.auth == "dual":
                    return error_response(401, "Valid API key required", "UNAUTHORIZED", request_id=request_id)
                message, challenge = _UNAUTHORIZED[op.auth]
                return error_response(
                    401, message, "UNAUTHORIZED", headers={"WWW-Authenticate": challenge}, request_id=request_id
                )
        if checked is not None and (problems := await checked.check(request)):
            status, message, code, data = formation_answer(problems)
            # Like the runtime, an error envelope never echoes the idempotency key: only a 2xx
            # answer of an idempotent route does (the runtime's @idempotent wrapper adds it).
            return error_response(status, message, code, data, None, request_id)
        call = Call(request, runtime, key, request.headers.get("x-muxi-user-id") or None, request_id, idempotency_key)

        async def produce() -> Response:
            try:
                result = await op.handler(call)
            except FormationError as exc:
                return error_response(exc.status, exc.message, exc.code, exc.data, exc.headers, request_id)
            except Exception as exc:  # a dev-server bug still answers in the contract's shape
                logger.exception("unexpected error in %s %s", op.method, op.path)
                message = f"Internal error: {type(exc).__name__}"
                return error_response(500, message, "INTERNAL_ERROR", None, None, request_id)
            if isinstance(result, Response):
                return result
            reply = result if isinstance(result, Reply) else Reply(result)
            body = envelope(call, reply.data, reply.object or op.object, reply.type or op.type or op.handler.__name__)
            return Response(dumps(body), reply.status, media_type="application/json")

        if idempotency_key and not await _wants_stream(call):
            user = call.header_user or (await _body_user(call)) or "0"
            scope = (op.method, request.url.path, user, "json", idempotency_key)
            return await runtime.idempotency.run(scope, produce)
        return await produce()

    return handle


async def _wants_stream(call: Call) -> bool:
    """Chat decides JSON or SSE by its body's ``stream`` (default true); other routes are JSON."""
    if call.request.url.path.endswith("/chat") or call.request.url.path.endswith("/audiochat"):
        try:
            body = await call.body(required=False)
        except FormationError:
            return False
        return body.get("stream", True) is not False
    return False


async def _body_user(call: Call) -> str | None:
    """Chat's deprecated body ``user_id`` (the only route that reads one)."""
    if not call.request.url.path.endswith("chat"):
        return None
    try:
        body = await call.body(required=False)
    except FormationError:
        return None
    user = body.get("user_id")
    return user if isinstance(user, str) and user else None
