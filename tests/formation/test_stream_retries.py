"""A stream refused before its first event (a 503 with Retry-After, a 429, a failed connect) is
retried like a blocking call, with the same idempotency key; once events arrive nothing is
re-sent, so a retry can never repeat an event."""

from __future__ import annotations

import uuid

import httpx
import pytest
from formation_support import Recorder, make_async_formation, make_formation
from meshkit import MeshkitError, StreamInterruptedError
from meshkit.devserver import DevServer

# One pooled connection: the refused answer must go back to the pool before the retry is sent,
# or the retry would wait for the pool until its timeout.
ONE_CONNECTION = httpx.Limits(max_connections=1)


def test_a_503_before_the_first_event_is_retried_with_the_same_key(dev: DevServer) -> None:
    dev.fault(api="formation", method="POST", path="/v1/chat", status=503, retry_after="0")
    recorder, key = Recorder(), str(uuid.uuid4())

    with (
        httpx.Client(event_hooks={"request": [recorder]}, limits=ONE_CONNECTION) as http,
        make_formation(dev, http_client=http, timeout=3) as formation,
    ):
        text = formation.chat_stream("Hello!", idempotency_key=key).until_done()

    assert text == "You said: Hello!"
    assert [r.headers["X-Muxi-Idempotency-Key"] for r in recorder.requests] == [key, key]


def test_a_generated_key_is_kept_across_the_retry(dev: DevServer) -> None:
    dev.fault(api="formation", method="POST", path="/v1/chat", status=429, retry_after="0")
    recorder = Recorder()

    with (
        httpx.Client(event_hooks={"request": [recorder]}) as http,
        make_formation(dev, http_client=http) as formation,
        formation.chat_stream("Hello!") as stream,
    ):
        events = list(stream)

    assert events and stream.text == "You said: Hello!"
    first, second = (r.headers["X-Muxi-Idempotency-Key"] for r in recorder.requests)
    assert first == second and uuid.UUID(first).version == 4


def test_after_the_first_event_nothing_is_sent_again(dev: DevServer) -> None:
    dev.fault(api="formation", path="/v1/chat", cut_after_events=5)
    recorder = Recorder()

    with (
        httpx.Client(event_hooks={"request": [recorder]}) as http,
        make_formation(dev, http_client=http) as formation,
        pytest.raises(StreamInterruptedError) as broken,
    ):
        formation.chat_stream("Hello there, how are you today?").until_done()

    assert broken.value.partial_text  # what arrived before the cut
    assert len(recorder.requests) == 1


def test_with_max_retries_0_the_refusal_surfaces(dev: DevServer) -> None:
    from meshkit import ServerError

    dev.fault(api="formation", method="POST", path="/v1/chat", status=503, retry_after="0")
    with make_formation(dev, max_retries=0) as formation, pytest.raises(ServerError) as refused:
        formation.chat_stream("Hello!").until_done()
    assert refused.value.status_code == 503


@pytest.mark.anyio
async def test_async_a_503_before_the_first_event_is_retried_with_the_same_key(dev: DevServer) -> None:
    dev.fault(api="formation", method="POST", path="/v1/chat", status=503, retry_after="0")
    keys: list[str] = []

    async def hook(request: httpx.Request) -> None:
        keys.append(request.headers["X-Muxi-Idempotency-Key"])

    async with (
        httpx.AsyncClient(event_hooks={"request": [hook]}, limits=ONE_CONNECTION) as http,
        make_async_formation(dev, http_client=http, timeout=3) as formation,
    ):
        text = await formation.chat_stream("Hello!", idempotency_key="key-async-1").until_done()

    assert text == "You said: Hello!"
    assert keys == ["key-async-1", "key-async-1"]


@pytest.mark.parametrize(
    "fault",
    [
        {"status": 503},  # no Retry-After: a proxy's or a crash's 503 may follow work already done
        {"status": 502},
        {"reset": "after"},  # the runtime ran the chat, then the connection dropped
    ],
    ids=["503 without Retry-After", "502", "reset after handling"],
)
def test_a_stream_that_may_have_run_is_not_sent_again(dev: DevServer, fault: dict[str, object]) -> None:
    """The runtime never replays a stream (a repeated one runs again), so only a refusal that
    says nothing ran is retried."""
    dev.fault(api="formation", method="POST", path="/v1/chat", **fault)
    recorder = Recorder()

    with (
        httpx.Client(event_hooks={"request": [recorder]}) as http,
        make_formation(dev, http_client=http) as formation,
        pytest.raises(MeshkitError),
    ):
        formation.chat_stream("Hello!").until_done()

    assert len(recorder.requests) == 1


@pytest.mark.anyio
async def test_the_refused_answer_is_released_before_the_wait_even_if_the_wait_is_cancelled() -> None:
    """A 429 asking for 5 s: its connection goes back before the wait, so cancelling the wait
    (a task cancelled, a timeout) leaks nothing."""
    import asyncio

    from meshkit import AsyncFormation

    released: list[bool] = []

    class Body(httpx.AsyncByteStream):
        async def __aiter__(self):  # type: ignore[no-untyped-def]
            yield b'{"success": false, "error": {"code": "RATE_LIMITED", "message": "slow down"}}'

        async def aclose(self) -> None:
            released.append(True)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"retry-after": "5", "content-type": "application/json"}, stream=Body())

    http = httpx.AsyncClient(transport=httpx.MockTransport(answer))
    formation = AsyncFormation(url="http://formation.test", client_key="fmc_x", http_client=http)
    stream = formation.chat_stream("Hello!")
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(stream.__aenter__(), timeout=0.5)
    assert released == [True]
