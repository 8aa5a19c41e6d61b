"""Connection pools sized for services (issue 18): 1,000 connections by default (httpx's own 100
made the 101st concurrent stream wait), `max_connections=` on every client, checked."""

from __future__ import annotations

from contextlib import AsyncExitStack

import httpx
import meshkit
import pytest
from meshkit import AsyncFormation, Timeout
from meshkit.devserver import DevServer

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def _open_streams(dev: DevServer, count: int, max_connections: int | None = None) -> int:
    """How many chat streams stay open at once before one has to wait for a connection."""
    formation = AsyncFormation(
        url=dev.formation_url,
        client_key=dev.config.client_key,
        timeout=Timeout(30, pool=0.5),
        max_connections=max_connections,
    )
    opened = 0
    async with formation, AsyncExitStack() as streams:
        for _ in range(count):
            try:
                await streams.enter_async_context(formation.chat_stream("Tell me a story"))
            except meshkit.TimeoutError as waited:
                assert waited.bound == "pool"
                break
            opened += 1
    return opened


async def test_max_connections_bounds_the_streams_open_at_once(meshkit_dev_server: DevServer) -> None:
    assert await _open_streams(meshkit_dev_server, 3, max_connections=2) == 2


async def test_the_default_pool_holds_more_than_httpx_default_of_100(meshkit_dev_server: DevServer) -> None:
    assert await _open_streams(meshkit_dev_server, 120) == 120


@pytest.mark.parametrize("bad", [0, -1, True, 2.5, "10"])
def test_a_bad_max_connections_is_refused(bad: object) -> None:
    with pytest.raises(meshkit.ConfigurationError, match="max_connections must be a positive integer"):
        meshkit.AiMeshClient("http://127.0.0.1:9", max_connections=bad)  # type: ignore[arg-type]


def test_max_connections_with_an_injected_client_is_refused() -> None:
    with httpx.Client() as http, pytest.raises(meshkit.ConfigurationError, match="brings its own limits"):
        meshkit.Formation(url="http://127.0.0.1:9", client_key="fmc_x", http_client=http, max_connections=10)
