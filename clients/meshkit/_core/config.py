"""Where a client's settings come from: arguments first, then environment variables.

Formation base URL precedence (contract README): explicit ``base_url`` → ``url + "/v1"`` →
``server_url + "/api/{formation_id}/v1"`` (``/draft/…`` in draft mode) → ``MUXI_FORMATION_URL``
→ ``MUXI_SERVER_URL`` + ``MUXI_FORMATION_ID`` → a :class:`ConfigurationError`. ``base_url`` ends in
``/v1``; ``url`` and ``MUXI_FORMATION_URL`` are the formation's root and do not (each is refused
the other way round, with the value to pass instead: ``/v1`` is never guessed or doubled). A MUXI
Server URL is the server's root: one ending in ``/rpc`` is refused the same way.

Broker: explicit ``base_url`` → ``AIMESH_URL`` → ``http://localhost:9000`` (a trailing ``/`` is
removed); key: ``api_key`` → ``AIMESH_API_KEY`` → none (no ``Authorization`` header).

Where each URL came from (:class:`URLSource`) is remembered by URL, so that a connection or timeout
error can say it (``… (base URL from AIMESH_URL)``) without any work on a call that succeeds.
"""

from __future__ import annotations

import os
import platform
import re
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal
from urllib.parse import quote

import httpx

from .errors import ConfigurationError
from .guards import Guards
from .limits import DEFAULT_LIMITS, Limits
from .telemetry import Hooks

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
    # The caller's headers on every call (default_headers=), checked; keys never go here.
    default_headers: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    hooks: Hooks | None = field(default=None, compare=False, repr=False)  # shared by copies

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
    resolved, source = _formation_base_url(url, base_url, server_url, formation_id, mode, env)
    remember_url_source(resolved, source)
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
) -> tuple[str, URLSource]:
    if base_url:
        return _formation_api_url(base_url), URLSource(("base_url=",))
    if url:
        return _formation_root(url, "url=") + "/v1", URLSource(("url=",))
    if server_url or formation_id:
        names = ("server_url=" if server_url else "MUXI_SERVER_URL", "formation_id=")
        return _through_server(server_url or env.get("MUXI_SERVER_URL"), formation_id, mode, names), URLSource(names)
    if env.get("MUXI_FORMATION_URL"):
        root = _formation_root(env["MUXI_FORMATION_URL"], "MUXI_FORMATION_URL")
        return root + "/v1", URLSource(("MUXI_FORMATION_URL",))
    if env.get("MUXI_SERVER_URL"):
        names = ("MUXI_SERVER_URL", "MUXI_FORMATION_ID")
        return _through_server(env["MUXI_SERVER_URL"], env.get("MUXI_FORMATION_ID"), mode, names), URLSource(names)
    raise ConfigurationError(
        "no formation URL: pass url= (or base_url=, or server_url= with formation_id=), "
        "or set MUXI_FORMATION_URL (or MUXI_SERVER_URL and MUXI_FORMATION_ID)"
    )


def _formation_api_url(base_url: str) -> str:
    """``base_url``: the formation API's URL, ending in ``/v1`` (a trailing ``/`` removed)."""
    parsed = _checked(base_url, "base_url=")
    if not parsed.path.rstrip("/").endswith("/v1"):
        root = _shown(parsed)
        raise ConfigurationError(
            f"base_url= is the formation API's URL, ending in /v1: pass base_url={root + '/v1'!r} "
            f"(or url={root!r}, the formation's root)"
        )
    return base_url.rstrip("/")


def _formation_root(url: str, setting: str) -> str:
    """``url`` (or ``MUXI_FORMATION_URL``): the formation's root, without ``/v1`` (meshkit adds it)."""
    parsed = _checked(url, setting)
    if parsed.path.rstrip("/").endswith("/v1"):
        root = _shown(parsed).removesuffix("/v1")
        raise ConfigurationError(
            f"{setting} is the formation's root URL, without /v1 (meshkit adds it): {_instead(setting, root)}"
        )
    return url.rstrip("/")


def _through_server(server_url: str | None, formation_id: str | None, mode: str, names: tuple[str, str]) -> str:
    """The formation's base URL behind a MUXI Server; ``names``: where the server URL and the id
    come from (``server_url=``/``MUXI_SERVER_URL``, ``formation_id=``/``MUXI_FORMATION_ID``)."""
    server_name, id_name = names
    if not server_url:
        raise ConfigurationError(
            f"{id_name} names a formation behind a MUXI Server: pass server_url= or set MUXI_SERVER_URL too"
        )
    if not formation_id:
        if server_name.endswith("="):
            raise ConfigurationError(f"{server_name} names a MUXI Server: pass formation_id= too (the formation's id)")
        raise ConfigurationError(
            f"no formation URL: {server_name} names only a MUXI Server: set {id_name} too (or pass formation_id=), "
            "or set MUXI_FORMATION_URL"
        )
    prefix = "draft" if mode == "draft" else "api"
    root = _server_root(server_url, server_name)
    return f"{root}/{prefix}/{path_segment(id_name.removesuffix('='), formation_id)}/v1"


def _server_root(url: str, setting: str) -> str:
    """A MUXI Server URL: its root, without ``/rpc`` (the operations' paths start with it)."""
    parsed = _checked(url, setting)
    if parsed.path.rstrip("/").endswith("/rpc"):
        root = _shown(parsed).removesuffix("/rpc")
        raise ConfigurationError(
            f"{setting} is the MUXI Server's root URL, without /rpc (every call adds it): {_instead(setting, root)}"
        )
    return url.rstrip("/")


def _instead(setting: str, value: str) -> str:
    """What to pass instead: ``pass url='http://f'`` for an argument, ``set MUXI_FORMATION_URL=http://f``
    for an environment variable."""
    return f"pass {setting}{value!r}" if setting.endswith("=") else f"set {setting}={value}"


def path_segment(argument: str, value: str) -> str:
    """``value`` as one percent-encoded path segment. Empty, ``.`` and ``..`` are refused with a
    ConfigurationError: a client (httpx included) removes dot segments, so they would change
    which route is called (``/api/../rpc/…``)."""
    if value in ("", ".", ".."):
        raise ConfigurationError(f"{argument} cannot be {value!r}: it would change the route called")
    return quote(value, safe="")


def _checked(url: object, setting: str) -> httpx.URL:
    """``url`` parsed, when it is an http(s) URL with a host; otherwise a ConfigurationError naming
    ``setting`` (``url=``, ``AIMESH_URL``…) and showing the value without credentials."""
    if not isinstance(url, str):
        raise ConfigurationError(f"{setting} must be a URL string, got {type(url).__name__}")
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise ConfigurationError(f"{setting} is not a valid URL ({exc}): {_masked(url)!r}") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        hint = f" (with its scheme: {'http://' + _masked(url)!r}?)" if "://" not in url else ""
        raise ConfigurationError(f"{setting} is not an http(s) URL: {_masked(url)!r}{hint}")
    return parsed


def _shown(url: httpx.URL) -> str:
    """``url`` fit for a message: scheme, host, port and path; no credentials, query or fragment."""
    return f"{url.scheme}://{url.netloc.decode('ascii')}{url.path.rstrip('/')}"


def _masked(text: str) -> str:
    """A URL that did not parse, fit for a message: what precedes an ``@`` (credentials) masked,
    query and fragment dropped."""
    text = re.split(r"[?#]", text, maxsplit=1)[0]
    return re.sub(r"^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)?[^/@]*@", r"\1***@", text)


@dataclass(frozen=True)
class URLSource:
    """Where a client's URL came from: the arguments and environment variables that gave it
    (``names``: ``("url=",)``, ``("MUXI_SERVER_URL", "formation_id=")``…), or none and the
    ``default`` URL (then ``names`` are what would change it). Told in connection and timeout errors."""

    names: tuple[str, ...]
    default: str | None = None

    def describe(self) -> str:
        """``base URL from AIMESH_URL``; ``default base URL http://localhost:9000; pass base_url= or set
        AIMESH_URL``."""
        if self.default is None:
            return f"base URL from {' and '.join(self.names)}"
        ways = [f"pass {name}" if name.endswith("=") else f"set {name}" for name in self.names]
        return f"default base URL {self.default}; {' or '.join(ways)}"


# Resolved URLs (normalised like httpx: scheme://host:port/path) → where they came from, most recent
# last. Written once per client built (never per call), read only when a call fails to connect or
# times out. Bounded: a process that builds clients for ever-new URLs forgets the oldest.
_URL_SOURCES: dict[str, tuple[URLSource, ...]] = {}
_URL_SOURCES_LOCK = threading.Lock()
_MAX_URL_SOURCES = 256


def _url_key(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.netloc.decode('ascii')}{url.path.rstrip('/')}"


def remember_url_source(url: str, source: URLSource) -> None:
    """Remember where the resolved ``url`` came from (for :func:`url_source_text`)."""
    key = _url_key(httpx.URL(url))
    with _URL_SOURCES_LOCK:
        known = _URL_SOURCES.pop(key, ())
        # Two clients may get one URL from different places: the error then names both.
        _URL_SOURCES[key] = (*(s for s in known if s != source), source)[-3:]
        while len(_URL_SOURCES) > _MAX_URL_SOURCES:
            del _URL_SOURCES[next(iter(_URL_SOURCES))]


def url_source_text(url: httpx.URL) -> str | None:
    """Where the base URL of a request to ``url`` came from (``base URL from AIMESH_URL``), from the
    longest remembered URL it starts with; None when no client resolved one."""
    target = _url_key(url)
    with _URL_SOURCES_LOCK:
        found = [(key, sources) for key, sources in _URL_SOURCES.items() if _under(target, key)]
    if not found:
        return None
    sources = max(found, key=lambda item: len(item[0]))[1]
    given = [" and ".join(source.names) for source in sources if source.default is None]
    defaults = [source.describe() for source in sources if source.default is not None]
    if not given:
        return defaults[0]
    # Clients that got one URL from different places: each is named (the message cannot tell which
    # client failed), the default with its way out.
    return "; or ".join([f"base URL from {' or '.join(given)}", *defaults])


def _under(target: str, key: str) -> bool:
    return target == key or (target.startswith(key) and target[len(key)] == "/")


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
    # The caller's headers on every call (default_headers=), checked; keys never go here.
    default_headers: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    hooks: Hooks | None = field(default=None, compare=False, repr=False)  # shared by copies

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
    if base_url:
        url, source = base_url, URLSource(("base_url=",))
    elif env.get("AIMESH_URL"):
        url, source = env["AIMESH_URL"], URLSource(("AIMESH_URL",))
    else:
        url, source = DEFAULT_BROKER_URL, URLSource(("base_url=", "AIMESH_URL"), default=DEFAULT_BROKER_URL)
    _checked(url, source.names[0])
    resolved = url.rstrip("/")
    remember_url_source(resolved, source)
    return BrokerSettings(
        base_url=resolved,
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
    # The caller's headers on every call (default_headers=), checked; keys never go here.
    default_headers: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    hooks: Hooks | None = field(default=None, compare=False, repr=False)  # shared by copies

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
    given = url or env.get("MUXI_SERVER_URL")
    if not given:
        raise ConfigurationError("no MUXI Server URL: pass url= or set MUXI_SERVER_URL")
    setting = "url=" if url else "MUXI_SERVER_URL"
    resolved = _server_root(given, setting)
    remember_url_source(resolved, URLSource((setting,)))
    return ServerSettings(
        url=resolved,
        key_id=checked_key("key_id (or MUXI_KEY_ID)", key_id or env.get("MUXI_KEY_ID")) or "",
        secret_key=checked_key("secret_key (or MUXI_SECRET_KEY)", secret_key or env.get("MUXI_SECRET_KEY")) or "",
        timeout=Timeout(stream_idle=SERVER_STREAM_IDLE) if timeout is None else make_timeout(timeout),
        max_retries=checked_max_retries(max_retries),
        app_name=checked_header_text("app_name (or MUXI_APP)", app_name or env.get("MUXI_APP")),
    )
