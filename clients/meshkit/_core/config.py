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
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib.metadata import PackageNotFoundError, version
from typing import Literal

import httpx

from .errors import ConfigurationError
from .guards import Guards

DEFAULT_CONNECT_TIMEOUT = 5.0
# Blocking chats can think for minutes; streams send keepalives every second, so this is also
# the idle limit of a chat stream.
DEFAULT_READ_TIMEOUT = 300.0
DEFAULT_MAX_RETRIES = 2

TimeoutArg = float | httpx.Timeout | None


def meshkit_version() -> str:
    try:
        return version("meshkit")
    except PackageNotFoundError:
        return "0.0.0"


def make_timeout(timeout: TimeoutArg) -> httpx.Timeout:
    """A float is the read/write/pool limit (connect stays ≤ 5 s); an httpx.Timeout is used as is."""
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if timeout is None:
        return httpx.Timeout(DEFAULT_READ_TIMEOUT, connect=DEFAULT_CONNECT_TIMEOUT)
    if timeout <= 0:
        raise ConfigurationError(f"timeout must be positive, got {timeout!r}")
    return httpx.Timeout(float(timeout), connect=min(DEFAULT_CONNECT_TIMEOUT, float(timeout)))


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
    timeout: httpx.Timeout = field(default_factory=lambda: make_timeout(None))
    max_retries: int = DEFAULT_MAX_RETRIES
    app_name: str | None = None
    guards: Guards | None = field(default=None, compare=False)  # shared by copies (with_options)

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
        client_key=client_key or env.get("MUXI_CLIENT_KEY") or None,
        admin_key=admin_key or env.get("MUXI_ADMIN_KEY") or None,
        timeout=make_timeout(timeout),
        max_retries=retries,
        app_name=app_name or env.get("MUXI_APP") or None,
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
    return f"{_checked(server_url).rstrip('/')}/{prefix}/{formation_id}/v1"


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
    timeout: httpx.Timeout = field(default_factory=lambda: make_timeout(DEFAULT_BROKER_TIMEOUT))
    max_retries: int = DEFAULT_MAX_RETRIES
    guards: Guards | None = field(default=None, compare=False)  # shared by copies (with_options)

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
        api_key=api_key or env.get("AIMESH_API_KEY") or None,
        timeout=make_timeout(DEFAULT_BROKER_TIMEOUT if timeout is None else timeout),
        max_retries=checked_max_retries(max_retries),
    )


@dataclass(frozen=True)
class ServerSettings:
    """Resolved settings of a MUXI Server client. The secret never appears in ``repr``."""

    url: str
    key_id: str
    secret_key: str = field(repr=False)
    timeout: httpx.Timeout = field(default_factory=lambda: make_timeout(None))
    max_retries: int = DEFAULT_MAX_RETRIES
    app_name: str | None = None


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
        key_id=key_id or env.get("MUXI_KEY_ID", ""),
        secret_key=secret_key or env.get("MUXI_SECRET_KEY", ""),
        timeout=make_timeout(timeout),
        max_retries=checked_max_retries(max_retries),
        app_name=app_name or env.get("MUXI_APP") or None,
    )
