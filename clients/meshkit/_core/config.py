"""Where a client's settings come from: arguments first, then environment variables.

Formation base URL precedence (contract README): explicit ``base_url`` → ``url + "/v1"`` →
``server_url + "/api/{formation_id}/v1"`` (``/draft/…`` in draft mode) → ``MUXI_FORMATION_URL``
→ ``MUXI_SERVER_URL`` + ``MUXI_FORMATION_ID`` → a :class:`ConfigurationError`.

Broker: explicit ``base_url`` → ``AIMESH_URL`` → ``http://localhost:9000`` (a trailing ``/`` is
removed); key: ``api_key`` → ``AIMESH_API_KEY`` → none (no ``Authorization`` header).
"""

from __future__ import annotations

import os
import platform
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from urllib.parse import quote

import httpx

from .errors import ConfigurationError
from .guards import Guards
from .limits import DEFAULT_LIMITS, Limits

DEFAULT_CONNECT_TIMEOUT = 5.0
# Blocking chats can think for minutes; streams send keepalives every second, so this is also
# the idle limit of a chat stream.
DEFAULT_READ_TIMEOUT = 300.0
DEFAULT_MAX_RETRIES = 2

_UNSET: object = object()


class Timeout(httpx.Timeout):
    """How long a call may take, in seconds; every client's ``timeout=`` takes one (or a float:
    the read limit, or an ``httpx.Timeout``).

    * ``read`` — the longest wait for the next bytes of an answer (default 300 s: blocking chats
      think for minutes). ``write`` and ``pool`` follow it unless given.
    * ``connect`` — to open a connection (default 5 s).
    * ``stream_idle`` — the longest silence on a stream or a download (keepalive comments count as
      activity); None: ``read``. ``math.inf`` lets a stream wait forever (a quiet ``follow_logs``).
    * ``total`` — a deadline for the whole call: every attempt, the retry waits, reading the answer,
      and on a stream every event until the last. None (the default): no deadline. It bounds a
      server that trickles bytes just often enough to beat ``read``.

    >>> Timeout(30, total=120).read
    30.0
    """

    def __init__(
        self,
        read: float | None = DEFAULT_READ_TIMEOUT,
        *,
        connect: float | None = DEFAULT_CONNECT_TIMEOUT,
        write: float | object | None = _UNSET,
        pool: float | object | None = _UNSET,
        total: float | None = None,
        stream_idle: float | None = None,
    ) -> None:
        limits: dict[str, Any] = {
            "read": read,
            "connect": connect,
            "write": read if write is _UNSET else write,
            "pool": read if pool is _UNSET else pool,
            "total": total,
            "stream_idle": stream_idle,
        }
        checked = {name: _seconds(name, value) for name, value in limits.items()}
        super().__init__(connect=checked["connect"], read=checked["read"], write=checked["write"], pool=checked["pool"])
        self.total = checked["total"]
        self.stream_idle = stream_idle if stream_idle is None else checked["stream_idle"]
        idle = self.read if stream_idle is None else checked["stream_idle"]
        # The per-request timeouts httpx reads from a request's extensions, computed once.
        self.blocking_extension: dict[str, float | None] = self.as_dict()
        self.stream_extension: dict[str, float | None] = {**self.blocking_extension, "read": idle}

    def __repr__(self) -> str:
        extra = "".join(
            f", {name}={value}" for name, value in (("total", self.total), ("stream_idle", self.stream_idle)) if value
        )
        return f"Timeout(read={self.read}, connect={self.connect}, write={self.write}, pool={self.pool}{extra})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, httpx.Timeout)
            and self.as_dict() == other.as_dict()
            and (self.total, self.stream_idle) == (getattr(other, "total", None), getattr(other, "stream_idle", None))
        )

    __hash__ = None  # type: ignore[assignment]


def _seconds(name: str, value: float | None) -> float | None:
    """A limit in seconds: positive, ``math.inf`` (no limit, as None), or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ConfigurationError(f"timeout {name} must be a positive number of seconds or None, got {value!r}")
    return None if value == float("inf") else float(value)


TimeoutArg = float | httpx.Timeout | None


def make_timeout(timeout: TimeoutArg) -> Timeout:
    """A float is the read/write/pool limit (connect stays ≤ 5 s); an ``httpx.Timeout`` keeps its
    four limits; a :class:`Timeout` is used as it is."""
    if isinstance(timeout, Timeout):
        return timeout
    if isinstance(timeout, httpx.Timeout):
        return Timeout(timeout.read, connect=timeout.connect, write=timeout.write, pool=timeout.pool)
    if timeout is None:
        return Timeout()
    if isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0:
        raise ConfigurationError(f"timeout must be positive, got {timeout!r}")
    return Timeout(float(timeout), connect=min(DEFAULT_CONNECT_TIMEOUT, float(timeout)))


# What an HTTP header value may hold (RFC 9110 field-value, ASCII only: httpx encodes header values
# as ASCII): visible characters with inner spaces. Keys and ids are checked against it before
# anything is sent, so no key ever reaches httpx's own error messages, which quote the value.
HEADER_VALUE = re.compile(r"[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?\Z")
_KEY = re.compile(r"[\x21-\x7e]+\Z")


def checked_key(argument: str, value: str | None) -> str | None:
    """A key or key id as given (None when empty); one with a space, a line break, a control or a
    non-ASCII character is a ConfigurationError naming the argument, never the value."""
    if not value:
        return None
    if not _KEY.match(value):
        hint = " (read from a file? strip its trailing newline)" if value.rstrip("\r\n") != value else ""
        raise ConfigurationError(
            f"{argument} holds a character a header cannot carry (space, line break, control or non-ASCII){hint}"
        )
    return value


def checked_header_text(argument: str, value: str | None) -> str | None:
    """A free-text header value (``app_name``): visible ASCII with inner spaces, else a ConfigurationError."""
    if value and not HEADER_VALUE.match(value):
        raise ConfigurationError(f"{argument} must be visible ASCII characters (inner spaces allowed)")
    return value or None


def meshkit_version() -> str:
    """``meshkit.__version__`` (read once, by the package itself)."""
    from .. import __version__

    return __version__


def identification_headers(app_name: str | None, *, muxi: bool) -> dict[str, str]:
    """User-Agent on every request; the X-Muxi-* identification on MUXI requests (contract README)."""
    python = ".".join(str(part) for part in sys.version_info[:3])
    headers = {"User-Agent": f"meshkit/{meshkit_version()} python/{python}"}
    if muxi:
        system = platform.system().lower() or "unknown"
        machine = platform.machine().lower() or "unknown"
        headers["X-Muxi-SDK"] = f"python/{meshkit_version()}"
        headers["X-Muxi-Client"] = f"{system}-{machine}/py{python}"
        if app_name:
            headers["X-Muxi-App"] = app_name
    return headers


@dataclass(frozen=True)
class FormationSettings:
    """Resolved settings of a formation client. Keys never appear in ``repr``."""

    base_url: str
    client_key: str | None = field(default=None, repr=False)
    admin_key: str | None = field(default=None, repr=False)
    timeout: Timeout = field(default_factory=Timeout)
    max_retries: int = DEFAULT_MAX_RETRIES
    app_name: str | None = None
    guards: Guards | None = field(default=None, compare=False)  # shared by copies (with_options)
    limits: Limits = DEFAULT_LIMITS

    def with_changes(self, **changes: object) -> FormationSettings:
        return replace(self, **changes)  # type: ignore[arg-type]


def resolve_formation(
    *,
    url: str | None,
    base_url: str | None,
    server_url: str | None,
    formation_id: str | None,
    mode: Literal["live", "draft"],
    client_key: str | None,
    admin_key: str | None,
    timeout: TimeoutArg,
    max_retries: int | None,
    app_name: str | None,
    environ: Mapping[str, str] | None = None,
) -> FormationSettings:
    env = os.environ if environ is None else environ
    if mode not in ("live", "draft"):
        raise ConfigurationError(f'mode must be "live" or "draft", got {mode!r}')
    resolved = _formation_base_url(url, base_url, server_url, formation_id, mode, env)
    retries = checked_max_retries(max_retries)
    return FormationSettings(
        base_url=resolved,
        client_key=checked_key("client_key (or MUXI_CLIENT_KEY)", client_key or env.get("MUXI_CLIENT_KEY")),
        admin_key=checked_key("admin_key (or MUXI_ADMIN_KEY)", admin_key or env.get("MUXI_ADMIN_KEY")),
        timeout=make_timeout(timeout),
        max_retries=retries,
        app_name=checked_header_text("app_name (or MUXI_APP)", app_name or env.get("MUXI_APP")),
    )


def checked_max_retries(max_retries: int | None) -> int:
    """``max_retries`` or the default; a negative count is a ConfigurationError."""
    retries = DEFAULT_MAX_RETRIES if max_retries is None else max_retries
    if retries < 0:
        raise ConfigurationError(f"max_retries must be >= 0, got {retries!r}")
    return retries


def _formation_base_url(
    url: str | None,
    base_url: str | None,
    server_url: str | None,
    formation_id: str | None,
    mode: str,
    env: Mapping[str, str],
) -> str:
    if base_url:
        if not base_url.rstrip("/").endswith("/v1"):
            raise ConfigurationError(f"a formation base_url ends in /v1 (or pass url=): {base_url!r}")
        return _checked(base_url).rstrip("/")
    if url:
        return _checked(url).rstrip("/") + "/v1"
    if server_url or formation_id:
        return _through_server(server_url or env.get("MUXI_SERVER_URL"), formation_id, mode)
    if env.get("MUXI_FORMATION_URL"):
        return _checked(env["MUXI_FORMATION_URL"]).rstrip("/") + "/v1"
    if env.get("MUXI_SERVER_URL"):
        return _through_server(env["MUXI_SERVER_URL"], env.get("MUXI_FORMATION_ID"), mode)
    raise ConfigurationError(
        "no formation URL: pass url= (or base_url=, or server_url= with formation_id=), "
        "or set MUXI_FORMATION_URL (or MUXI_SERVER_URL and MUXI_FORMATION_ID)"
    )


def _through_server(server_url: str | None, formation_id: str | None, mode: str) -> str:
    if not server_url or not formation_id:
        raise ConfigurationError("a formation behind a MUXI Server needs both server_url and formation_id")
    prefix = "draft" if mode == "draft" else "api"
    return f"{_checked(server_url).rstrip('/')}/{prefix}/{path_segment('formation_id', formation_id)}/v1"


def path_segment(argument: str, value: str) -> str:
    """``value`` as one percent-encoded path segment. Empty, ``.`` and ``..`` are refused with a
    ConfigurationError: a client (httpx included) removes dot segments, so they would change
    which route is called (``/api/../rpc/…``)."""
    if value in ("", ".", ".."):
        raise ConfigurationError(f"{argument} cannot be {value!r}: it would change the route called")
    return quote(value, safe="")


def _checked(url: str) -> str:
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ConfigurationError(f"not an http(s) URL: {url!r}")
    return url


DEFAULT_BROKER_URL = "http://localhost:9000"
# The reference AiMesh SDK's default; broker calls answer in milliseconds, unlike blocking chats.
DEFAULT_BROKER_TIMEOUT = 30.0


@dataclass(frozen=True)
class BrokerSettings:
    """Resolved settings of an AiMesh broker client. The key never appears in ``repr``."""

    base_url: str
    api_key: str | None = field(default=None, repr=False)
    timeout: Timeout = field(default_factory=lambda: make_timeout(DEFAULT_BROKER_TIMEOUT))
    max_retries: int = DEFAULT_MAX_RETRIES
    guards: Guards | None = field(default=None, compare=False)  # shared by copies (with_options)
    limits: Limits = DEFAULT_LIMITS

    def with_changes(self, **changes: object) -> BrokerSettings:
        return replace(self, **changes)  # type: ignore[arg-type]


def resolve_broker(
    *,
    base_url: str | None,
    api_key: str | None,
    timeout: TimeoutArg,
    max_retries: int | None,
    environ: Mapping[str, str] | None = None,
) -> BrokerSettings:
    """Broker settings from the arguments, then ``AIMESH_URL`` / ``AIMESH_API_KEY``, then defaults."""
    env = os.environ if environ is None else environ
    url = base_url or env.get("AIMESH_URL") or DEFAULT_BROKER_URL
    return BrokerSettings(
        base_url=_checked(url).rstrip("/"),
        api_key=checked_key("api_key (or AIMESH_API_KEY)", api_key or env.get("AIMESH_API_KEY")),
        timeout=make_timeout(DEFAULT_BROKER_TIMEOUT if timeout is None else timeout),
        max_retries=checked_max_retries(max_retries),
    )


@dataclass(frozen=True)
class ServerSettings:
    """Resolved settings of a MUXI Server client. The secret never appears in ``repr``."""

    url: str
    key_id: str
    secret_key: str = field(repr=False)
    timeout: Timeout = field(default_factory=Timeout)
    max_retries: int = DEFAULT_MAX_RETRIES
    app_name: str | None = None
    guards: Guards | None = field(default=None, compare=False)  # shared by copies (with_options)
    limits: Limits = DEFAULT_LIMITS

    def with_changes(self, **changes: object) -> ServerSettings:
        return replace(self, **changes)  # type: ignore[arg-type]


# MUXI Server progress streams send no keepalives and can be silent for minutes (a runtime
# download); a follow_logs stream is as quiet as its formation. Without a timeout from the caller,
# they may be silent this long; with one, its stream_idle (else read) applies.
SERVER_STREAM_IDLE = 1800.0


def resolve_server(
    *,
    url: str | None,
    key_id: str | None,
    secret_key: str | None,
    timeout: TimeoutArg,
    max_retries: int | None,
    app_name: str | None,
    environ: Mapping[str, str] | None = None,
) -> ServerSettings:
    """Server settings from the arguments, then ``MUXI_SERVER_URL``, ``MUXI_KEY_ID``, ``MUXI_SECRET_KEY``."""
    env = os.environ if environ is None else environ
    resolved = url or env.get("MUXI_SERVER_URL")
    if not resolved:
        raise ConfigurationError("no MUXI Server URL: pass url= or set MUXI_SERVER_URL")
    return ServerSettings(
        url=_checked(resolved).rstrip("/"),
        key_id=checked_key("key_id (or MUXI_KEY_ID)", key_id or env.get("MUXI_KEY_ID")) or "",
        secret_key=checked_key("secret_key (or MUXI_SECRET_KEY)", secret_key or env.get("MUXI_SECRET_KEY")) or "",
        timeout=Timeout(stream_idle=SERVER_STREAM_IDLE) if timeout is None else make_timeout(timeout),
        max_retries=checked_max_retries(max_retries),
        app_name=checked_header_text("app_name (or MUXI_APP)", app_name or env.get("MUXI_APP")),
    )
