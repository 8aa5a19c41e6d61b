"""Formation settings: URL precedence, environment, timeouts, validation."""

from __future__ import annotations

from typing import Any

import httpx
import meshkit
import pytest
from meshkit import ConfigurationError
from meshkit._core.config import Timeout, identification_headers, make_timeout, resolve_formation


def _resolve(environ: dict[str, str] | None = None, **given: Any) -> Any:
    arguments: dict[str, Any] = {
        "url": None,
        "base_url": None,
        "server_url": None,
        "formation_id": None,
        "mode": "live",
        "client_key": None,
        "admin_key": None,
        "timeout": None,
        "max_retries": None,
        "app_name": None,
    }
    arguments.update(given)
    return resolve_formation(**arguments, environ=environ or {})


@pytest.mark.parametrize(
    "given, environ, expected",
    [
        ({"base_url": "http://b:1/v1/"}, {}, "http://b:1/v1"),
        ({"url": "http://f:8001/"}, {}, "http://f:8001/v1"),
        ({"server_url": "http://s:7890", "formation_id": "bot"}, {}, "http://s:7890/api/bot/v1"),
        ({"server_url": "http://s:7890", "formation_id": "bot", "mode": "draft"}, {}, "http://s:7890/draft/bot/v1"),
        ({"formation_id": "bot"}, {"MUXI_SERVER_URL": "http://s:7890"}, "http://s:7890/api/bot/v1"),
        ({}, {"MUXI_FORMATION_URL": "http://env:8001"}, "http://env:8001/v1"),
        ({}, {"MUXI_SERVER_URL": "http://s", "MUXI_FORMATION_ID": "bot"}, "http://s/api/bot/v1"),
        ({"url": "http://arg"}, {"MUXI_FORMATION_URL": "http://env"}, "http://arg/v1"),
    ],
)
def test_base_url_precedence(given: dict[str, Any], environ: dict[str, str], expected: str) -> None:
    assert _resolve(environ, **given).base_url == expected


@pytest.mark.parametrize(
    "given",
    [
        {},
        {"server_url": "http://s"},
        {"url": "localhost:8001"},
        {"url": "ftp://x"},
        {"base_url": "http://b/api"},
        {"url": "http://f", "mode": "other"},
        {"url": "http://f", "max_retries": -1},
        {"url": "http://f", "timeout": 0},
    ],
)
def test_bad_configuration_is_a_clear_error(given: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError):
        _resolve(**given)


def test_keys_from_arguments_then_environment_and_never_in_repr() -> None:
    settings = _resolve(
        {"MUXI_CLIENT_KEY": "fmc_env", "MUXI_ADMIN_KEY": "fma_env"}, url="http://f", client_key="fmc_arg"
    )
    assert (settings.client_key, settings.admin_key) == ("fmc_arg", "fma_env")
    assert "fmc_" not in repr(settings) and "fma_" not in repr(settings)


def test_timeouts() -> None:
    default = make_timeout(None)
    assert (default.connect, default.read) == (5.0, 300.0)
    short = make_timeout(2)
    assert (short.connect, short.read) == (2.0, 2.0)
    custom = httpx.Timeout(1.0, read=9.0)
    assert make_timeout(custom).as_dict() == custom.as_dict()  # an httpx.Timeout keeps its four limits
    bounded = Timeout(60, total=120, stream_idle=float("inf"))
    assert make_timeout(bounded) is bounded
    assert (bounded.total, bounded.stream_extension["read"], bounded.blocking_extension["read"]) == (120.0, None, 60.0)
    for bad in (0, -1, float("nan"), True, "10"):
        with pytest.raises(ConfigurationError):
            Timeout(bad)  # type: ignore[arg-type]


def test_identification_headers() -> None:
    muxi = identification_headers("my-app", muxi=True)
    assert muxi["User-Agent"].startswith("meshkit/") and " python/3." in muxi["User-Agent"]
    assert muxi["X-Muxi-SDK"].startswith("python/")
    assert "/py3." in muxi["X-Muxi-Client"] and muxi["X-Muxi-App"] == "my-app"
    assert set(identification_headers(None, muxi=False)) == {"User-Agent"}


@pytest.mark.parametrize(
    "make",
    [
        lambda: meshkit.Formation(url="http://localhost:8001", client_key="fmc_x"),
        lambda: meshkit.AsyncFormation(url="http://localhost:8001", client_key="fmc_x"),
        lambda: meshkit.ServerClient("http://localhost:7890", "MUXI_k", "sk_s"),
        lambda: meshkit.AsyncServerClient("http://localhost:7890", "MUXI_k", "sk_s"),
        lambda: meshkit.AiMeshClient("http://localhost:9000"),
        lambda: meshkit.AsyncAiMeshClient("http://localhost:9000"),
    ],
)
def test_every_client_copies_itself_with_options_on_the_same_pool(make: Any) -> None:
    client = make()
    copy = client.with_options(timeout=5, max_retries=0)
    assert copy._transport.http is client._transport.http and not copy._transport.owns_http
    assert (copy._settings.max_retries, copy._settings.timeout.read) == (0, 5)
    assert client._settings.max_retries == 2  # the original keeps its own
    with pytest.raises(meshkit.ConfigurationError, match="max_retries must be >= 0"):
        client.with_options(max_retries=-1)
