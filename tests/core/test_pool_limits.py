"""Connection pools sized for services (issue 18): 1,000 connections by default (httpx's own 100
made the 101st concurrent stream wait), `max_connections=` on every client, checked."""

from __future__ import annotations

import gzip
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack

import anyio
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


# --- a call that waits for a pooled connection is told, once per pool, at INFO --------------------

POOL_LINE = "calls are waiting for a pooled connection"


def _pool_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "meshkit" and POOL_LINE in r.getMessage()]


async def test_a_call_waiting_for_the_pool_is_logged_once_naming_max_connections(
    meshkit_dev_server: DevServer, caplog: pytest.LogCaptureFixture
) -> None:
    import anyio

    dev = meshkit_dev_server
    caplog.set_level(logging.INFO, logger="meshkit")
    async with AsyncFormation(url=dev.formation_url, client_key=dev.config.client_key, max_connections=1) as formation:
        for _ in range(2):  # the second wait is not told again
            async with formation.chat_stream("Tell me a story") as held:  # the pool's only connection
                await held.__anext__()
                async with anyio.create_task_group() as calls:
                    calls.start_soon(formation.chat, "Hello")  # queues behind the open stream
                    await anyio.sleep(0.3)  # longer than a moment
                    await held.aclose()  # frees the connection: the queued chat goes
        copy = formation.with_options(max_retries=1)  # a copy shares the pool, and what it was told
        async with formation.chat_stream("Tell me a story") as held:
            await held.__anext__()
            async with anyio.create_task_group() as calls:
                calls.start_soon(copy.chat, "Hello")
                await anyio.sleep(0.3)
                await held.aclose()
    [line] = _pool_lines(caplog)
    assert "all 1 connections were in use" in line and "raise max_connections= on the client" in line


def test_a_blocking_client_given_an_http_client_names_its_limits(
    meshkit_dev_server: DevServer, caplog: pytest.LogCaptureFixture
) -> None:
    dev = meshkit_dev_server
    caplog.set_level(logging.INFO, logger="meshkit")
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    with httpx.Client(limits=limits) as http:
        formation = meshkit.Formation(url=dev.formation_url, client_key=dev.config.client_key, http_client=http)
        with formation.chat_stream("Tell me a story") as held:
            events = iter(held)
            next(events)  # the stream holds the pool's only connection
            waiting = threading.Thread(target=formation.chat, args=("Hello",))
            waiting.start()
            time.sleep(0.3)
            held.close()
            waiting.join(timeout=30)
        assert not waiting.is_alive()
        answer = formation.chat("Hello again")  # the pool is free: no wait, no line
    assert answer.content == "You said: Hello again"
    [line] = _pool_lines(caplog)
    assert "the limits of the http_client= you passed" in line


async def test_a_pool_with_room_is_never_told_about(
    meshkit_dev_server: DevServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="meshkit")
    assert await _open_streams(meshkit_dev_server, 5, max_connections=10) == 5
    assert _pool_lines(caplog) == []


# --- http_backend="aiohttp": the asyncio clients on aiohttp's connection pool ---------------------

httpx_aiohttp = pytest.importorskip("httpx_aiohttp")


async def test_an_async_formation_on_aiohttp_chats_and_streams(meshkit_dev_server: DevServer) -> None:
    dev = meshkit_dev_server
    async with AsyncFormation(
        url=dev.formation_url, client_key=dev.config.client_key, http_backend="aiohttp", max_connections=50
    ) as formation:
        assert isinstance(formation._transport.http, httpx_aiohttp.HttpxAiohttpClient)
        answer = await formation.chat("Hello")
        async with formation.chat_stream("Hello") as stream:
            tokens = [event.text async for event in stream]
        with pytest.raises(meshkit.NotFoundError):
            await formation.get_session("sess_nobody")
    assert answer.text == "You said: Hello"
    assert "".join(tokens) == "You said: Hello"
    assert formation._transport.http.is_closed  # the pool it made is closed with it


async def test_an_async_broker_and_server_client_take_aiohttp_too(meshkit_dev_server: DevServer) -> None:
    dev = meshkit_dev_server
    async with meshkit.AsyncServerClient(
        dev.url, key_id=dev.config.key_id, secret_key=dev.config.secret_key, http_backend="aiohttp"
    ) as server:
        assert await server.ping()
        assert (await server.health()).status
    async with meshkit.AsyncAiMeshClient(dev.broker_url, http_backend="aiohttp") as broker:
        assert isinstance(broker._transport.http, httpx_aiohttp.HttpxAiohttpClient)
        assert (await broker.health_check()).status


def test_aiohttp_is_refused_for_a_blocking_client() -> None:
    with pytest.raises(meshkit.ConfigurationError, match="aiohttp has no blocking interface"):
        meshkit.Formation(url="http://127.0.0.1:9", client_key="fmc_x", http_backend="aiohttp")


def test_http_backend_with_an_injected_client_or_an_unknown_one_is_refused() -> None:
    http = httpx.AsyncClient()
    with pytest.raises(meshkit.ConfigurationError, match="brings its own transport"):
        AsyncFormation(url="http://127.0.0.1:9", client_key="fmc_x", http_client=http, http_backend="aiohttp")
    with pytest.raises(meshkit.ConfigurationError, match="http_backend must be 'httpx' or 'aiohttp'"):
        AsyncFormation(url="http://127.0.0.1:9", client_key="fmc_x", http_backend="requests")  # type: ignore[arg-type]


# --- a finished asyncio stream gives its connection back to the pool ------------------------------


async def test_sequential_async_chat_streams_reuse_one_connection(meshkit_dev_server: DevServer) -> None:
    dev = meshkit_dev_server
    async with AsyncFormation(url=dev.formation_url, client_key=dev.config.client_key) as formation:
        pool = formation._transport.http._transport._pool
        for _ in range(3):
            async with formation.chat_stream("Hello") as stream:
                assert await stream.until_done() == "You said: Hello"
            assert len(pool.connections) == 1  # the stream's body was read to its end: kept alive


HELLO = b'data: {"token": {"type": "content", "content": "Hi"}}\n\n'
DONE = b'event: done\ndata: {"finished": true}\n\n'


async def _events_after(tail: Callable[[], AsyncIterator[bytes]], **headers: str) -> list[str]:
    """The event names a chat stream yields when the server sends a token, the final event, then ``tail``."""

    async def body() -> AsyncIterator[bytes]:
        yield HELLO
        yield DONE
        async for chunk in tail():
            yield chunk

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/event-stream", **headers}, content=body())

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    formation = AsyncFormation(url="http://formation.test", client_key="fmc_x", http_client=http)
    async with formation, formation.chat_stream("Hi") as stream:
        names = [type(event).__name__ async for event in stream]
    await http.aclose()
    return names


async def test_a_body_that_goes_on_after_the_final_event_is_closed_not_read_forever() -> None:
    sent: list[int] = []

    async def megabytes() -> AsyncIterator[bytes]:
        for _ in range(10_000):  # 10 MB after the end of the answer
            sent.append(1024)
            yield b": junk\n" * 146

    assert await _events_after(megabytes) == ["ContentDelta", "Done"]
    assert sum(sent) <= 80 * 1024  # the drain stopped after 64 KB


async def test_a_server_gone_quiet_after_the_final_event_does_not_hold_the_caller() -> None:
    async def silence() -> AsyncIterator[bytes]:
        await anyio.sleep_forever()
        yield b""

    with anyio.fail_after(60):  # a hang guard, not a speed check: unbounded, this would never return
        assert await _events_after(silence) == ["ContentDelta", "Done"]


async def test_a_corrupt_compressed_tail_after_the_final_event_changes_nothing() -> None:
    whole = gzip.compress(HELLO + DONE)

    async def body() -> AsyncIterator[bytes]:
        yield whole[:-8]
        yield b"\x00garbage!"  # where the gzip trailer was

    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"content-type": "text/event-stream", "content-encoding": "gzip"}
        return httpx.Response(200, headers=headers, content=body())

    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    formation = AsyncFormation(url="http://formation.test", client_key="fmc_x", http_client=http)
    async with formation, formation.chat_stream("Hi") as stream:
        names = [type(event).__name__ async for event in stream]
    await http.aclose()
    assert names == ["ContentDelta", "Done"]


def test_a_retry_drops_the_wait_timer_its_first_attempt_left() -> None:
    """Retries reuse the request: the timer a queued first attempt put on it must not time the
    next attempt (its wait would include the retry's backoff)."""
    from meshkit._core.pool_watch import PoolWatch

    class Pool:  # httpcore's pool as the watch reads it: the requests in it and its size
        def __init__(self) -> None:
            self._max_connections = 1
            self._requests: list[object] = []

    def users_trace(name: str, info: dict[str, object]) -> None: ...

    request = httpx.Request("POST", "http://formation.test/v1/chat", extensions={"trace": users_trace})
    pool = Pool()
    watch = PoolWatch(pool, made_here=True)
    pool._requests = [object()]  # full: the first attempt queues, and is timed
    watch.attempt(request, awaited=False)
    assert request.extensions["trace"] is not users_trace
    pool._requests = []  # room: the retry does not queue
    watch.attempt(request, awaited=False)
    assert request.extensions["trace"] is users_trace
