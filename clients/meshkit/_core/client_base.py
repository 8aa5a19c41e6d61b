"""What every façade client shares, sync or async: its settings, the wire built from them, a
transport on one connection pool, and copies that share the pool (``with_options``).

Each API says only how its settings become a wire (``_make_wire``) and what else a copy keeps
(the formation's user). Closing and the context managers are ``closing_async.py`` and its
generated twin.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Generic, Literal, Protocol, Self, TypeVar

import httpx

from .config import TimeoutArg, checked_max_retries, make_timeout
from .errors import ConfigurationError
from .options import check_keywords_of, default_headers_setting
from .pool_watch import PoolWatch
from .telemetry import Hooks, client_telemetry
from .transport_async import AsyncTransport
from .transport_sync import SyncTransport
from .wire import Wire

# Sized for services where every end user's chat is a long-lived stream: httpx's default (100
# connections) made the 101st concurrent stream wait for one to finish. openai-python uses the same.
DEFAULT_MAX_CONNECTIONS = 1000
DEFAULT_MAX_KEEPALIVE = 100


HttpBackend = Literal["httpx", "aiohttp"]
_HTTP = TypeVar("_HTTP", httpx.Client, httpx.AsyncClient)


def connection_pool(
    kind: type[_HTTP],
    timeout: httpx.Timeout,
    http_client: _HTTP | None,
    *,
    max_connections: int | None,
    http_backend: HttpBackend,
) -> tuple[_HTTP, bool]:
    """A client's pool and whether the client owns it: the injected ``http_client`` (its own
    limits; the caller closes it), or one meshkit makes with ``max_connections`` (default 1,000)
    open at once, up to 100 of them kept alive when idle, on httpx's transport or, for the asyncio
    clients, aiohttp's (``http_backend="aiohttp"``: the ``aiohttp`` extra)."""
    if http_client is not None:
        if max_connections is not None:
            raise ConfigurationError(
                "max_connections= sizes the pool meshkit makes; an http_client= brings its own limits"
            )
        if http_backend != "httpx":
            raise ConfigurationError(
                "http_backend= chooses the pool meshkit makes; an http_client= brings its own transport"
            )
        return http_client, False
    if max_connections is None:
        max_connections = DEFAULT_MAX_CONNECTIONS
    if isinstance(max_connections, bool) or not isinstance(max_connections, int) or max_connections < 1:
        raise ConfigurationError(f"max_connections must be a positive integer, got {max_connections!r}")
    limits = httpx.Limits(
        max_connections=max_connections, max_keepalive_connections=min(DEFAULT_MAX_KEEPALIVE, max_connections)
    )
    if http_backend == "httpx":
        return kind(timeout=timeout, limits=limits), True
    if http_backend != "aiohttp":
        raise ConfigurationError(f"http_backend must be 'httpx' or 'aiohttp', got {http_backend!r}")
    if kind is not httpx.AsyncClient:
        raise ConfigurationError(
            "http_backend='aiohttp' is for the asyncio clients (AsyncFormation, AsyncServerClient, "
            "AsyncAiMeshClient): aiohttp has no blocking interface"
        )
    try:
        from httpx_aiohttp import HttpxAiohttpClient
    except ImportError:
        raise ConfigurationError(
            "http_backend='aiohttp' needs the aiohttp extra", hint="pip install 'meshkit[aiohttp]'"
        ) from None
    aiohttp_client: Any = HttpxAiohttpClient(timeout=timeout, limits=limits)
    return aiohttp_client, True


class _Settings(Protocol):
    @property
    def timeout(self) -> httpx.Timeout: ...

    @property
    def default_headers(self) -> tuple[tuple[str, str], ...]: ...

    @property
    def hooks(self) -> Hooks | None: ...

    def with_changes(self, **changes: object) -> Any: ...


S = TypeVar("S", bound=_Settings)


class ClientBase(Generic[S]):
    """Settings → wire → transport, and copies sharing the pool."""

    _settings: S
    _wire: Wire
    _transport: Any  # the SyncTransport or AsyncTransport of ``_transport_type``
    _transport_type: ClassVar[type[SyncTransport] | type[AsyncTransport]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # A misspelt keyword on a method with **options is a TypeError, not a silent option.
        check_keywords_of(cls)

    def _open(self, settings: S, http_client: Any, *, max_connections: int | None, http_backend: HttpBackend) -> None:
        """Start on the caller's ``http_client`` (it lends its pool and transport; URLs, auth and
        headers stay meshkit's), or on a pool this client makes and closes (``connection_pool``)."""
        kind = httpx.AsyncClient if self._transport_type is AsyncTransport else httpx.Client
        http, owns_http = connection_pool(
            kind, settings.timeout, http_client, max_connections=max_connections, http_backend=http_backend
        )
        self._start(settings, http, owns_http=owns_http)

    def _start(self, settings: S, http: Any, *, owns_http: bool, pool_watch: PoolWatch | None = None) -> None:
        """Use ``settings`` on ``http`` (closed by this client only when ``owns_http``; a copy
        passes on its original's ``pool_watch``)."""
        self._settings = settings
        self._wire = self._make_wire(settings)
        self._wire.telemetry = client_telemetry(settings.hooks)
        if pool_watch is None:
            pool_watch = PoolWatch.of(http, made_here=owns_http)
        self._transport = self._transport_type(self._wire, http, owns_http=owns_http, pool_watch=pool_watch)

    def _make_wire(self, settings: S) -> Wire:
        raise NotImplementedError

    def _copy(self, settings: S | None = None, **state: Any) -> Self:
        """A client like this one on the same pool (closing it is a no-op), with other settings or
        other per-client state (``_user_id``)."""
        clone = object.__new__(type(self))
        clone.__dict__.update({key: value for key, value in vars(self).items() if key not in ("ops", "_transport")})
        clone.__dict__.update(state)
        clone._start(
            settings if settings is not None else self._settings,
            self._transport.http,
            owns_http=False,
            pool_watch=self._transport.pool_watch,
        )
        return clone

    def with_options(
        self,
        *,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A copy with another timeout, retry count or more default headers (added to this
        client's), sharing this pool (closing it is a no-op)."""
        changes: dict[str, Any] = {}
        if timeout is not None:
            changes["timeout"] = make_timeout(timeout)
        if max_retries is not None:
            changes["max_retries"] = checked_max_retries(max_retries)
        if default_headers is not None:
            merged = {**dict(self._settings.default_headers), **dict(default_headers_setting(default_headers))}
            changes["default_headers"] = tuple(merged.items())
        return self._copy(self._settings.with_changes(**changes))
