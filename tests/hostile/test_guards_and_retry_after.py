"""Rows 9 and 13 of the hostile table: one Guards object serves every event loop and thread, and
every API error that came with a Retry-After carries it."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from hostile_server import answer, hostile
from meshkit import APIError, AsyncFormation, Formation, Guards, RateLimitError, ServerError

CLIENT_KEY = "fmc_hostile_client_key_0001"
CHAT_OK = {"data": {"message": {"role": "assistant", "content": "ok"}, "session_id": "s1"}}


class Counting:
    """Mock handlers (async and blocking) that track how many calls are inside the server at once,
    across event loops and threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.active = self.peak = self.calls = 0

    def _enter(self) -> None:
        with self.lock:
            self.active += 1
            self.calls += 1
            self.peak = max(self.peak, self.active)

    def _leave(self) -> httpx.Response:
        with self.lock:
            self.active -= 1
        return httpx.Response(200, json=CHAT_OK)

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self._enter()
        await asyncio.sleep(0.02)
        return self._leave()

    def blocking(self, request: httpx.Request) -> httpx.Response:
        self._enter()
        time.sleep(0.02)
        return self._leave()


def test_one_guards_object_across_two_asyncio_runs() -> None:
    guards = Guards(max_in_flight=2)
    counting = Counting()

    async def burst() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(counting))
        async with AsyncFormation(url="http://f.test", client_key=CLIENT_KEY, http_client=http, guards=guards) as f:
            await asyncio.gather(*(f.chat("hi") for _ in range(6)))

    asyncio.run(burst())
    asyncio.run(burst())  # raised "bound to a different event loop" before
    assert (counting.calls, counting.peak) == (12, 2)


def test_loops_in_several_threads_and_plain_threads_share_one_limit() -> None:
    guards = Guards(max_in_flight=3)
    counting = Counting()

    async def burst() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(counting))
        async with AsyncFormation(url="http://f.test", client_key=CLIENT_KEY, http_client=http, guards=guards) as f:
            await asyncio.gather(*(f.chat("hi") for _ in range(8)))

    def blocking_calls() -> None:
        http = httpx.Client(transport=httpx.MockTransport(counting.blocking))
        with Formation(url="http://f.test", client_key=CLIENT_KEY, http_client=http, guards=guards) as f:
            for _ in range(8):
                f.chat("hi")

    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = [pool.submit(asyncio.run, burst()), pool.submit(asyncio.run, burst())]
        futures += [pool.submit(blocking_calls), pool.submit(blocking_calls)]
        for future in futures:
            future.result(timeout=30)
    assert counting.calls == 32
    assert counting.peak <= 3


def test_a_cancelled_waiter_gives_its_turn_on() -> None:
    guards = Guards(max_in_flight=1)

    async def main() -> None:
        gate = asyncio.Event()

        async def slow(request: httpx.Request) -> httpx.Response:
            await gate.wait()
            return httpx.Response(200, json=CHAT_OK)

        http = httpx.AsyncClient(transport=httpx.MockTransport(slow))
        async with AsyncFormation(url="http://f.test", client_key=CLIENT_KEY, http_client=http, guards=guards) as f:
            holder = asyncio.create_task(f.chat("first"))
            await asyncio.sleep(0.01)
            waiter = asyncio.create_task(f.chat("second"))
            await asyncio.sleep(0.01)
            waiter.cancel()
            gate.set()
            await holder
            # The slot is free again: a third call gets through at once.
            assert (await asyncio.wait_for(f.chat("third"), 5)).text == "ok"

    asyncio.run(main())


@pytest.mark.parametrize("status", [503, 502, 500])
def test_a_5xx_with_a_long_retry_after_says_when(status: int) -> None:
    with (
        hostile(answer(status, b"busy", {"Retry-After": "3600"})) as server,
        Formation(url=server.url, client_key=CLIENT_KEY) as formation,
        pytest.raises(ServerError) as caught,
    ):
        formation.chat("hi")
    assert caught.value.retry_after == 3600.0
    assert len(server.requests) == 1  # longer than the cap: surfaced at once, not waited for


def test_retry_after_is_on_every_api_error_and_none_without_the_header() -> None:
    with (
        hostile(answer(404, b"{}", {"Content-Type": "application/json"})) as server,
        Formation(url=server.url, client_key=CLIENT_KEY) as formation,
        pytest.raises(APIError) as caught,
    ):
        formation.chat("hi")
    assert caught.value.retry_after is None
    with (
        hostile(answer(429, b"{}", {"Retry-After": "7"})) as server,
        Formation(url=server.url, client_key=CLIENT_KEY, max_retries=0) as formation,
        pytest.raises(RateLimitError) as limited,
    ):
        formation.chat("hi")
    assert limited.value.retry_after == 7.0


def test_the_async_client_reports_retry_after_on_a_5xx_too() -> None:
    async def main(url: str) -> None:
        async with AsyncFormation(url=url, client_key=CLIENT_KEY) as formation:
            with pytest.raises(ServerError) as caught:
                await formation.chat("hi")
            assert caught.value.retry_after == 3600.0

    with hostile(answer(503, b"busy", {"Retry-After": "3600"})) as server:
        asyncio.run(main(server.url))
    assert len(server.requests) == 1
