"""meshkit on aiohttp: an ``httpx_aiohttp.HttpxAiohttpClient`` passed as ``http_client=`` to
``AsyncFormation``, against the dev server. Every answer and every failure comes back as it does on
httpx's own transport: the result, the typed event stream, a typed error, a retry, and a refused
or dropped connection as meshkit's ``ConnectionError`` (never an aiohttp or httpx exception). The
same holds for the pool meshkit makes itself with ``http_backend="aiohttp"``.

Skipped when ``httpx-aiohttp`` is not installed (it is in the ``dev`` and ``aiohttp`` extras)."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from meshkit import (
    AsyncFormation,
    ChatResult,
    Completed,
    ConnectionError,
    ContentDelta,
    Done,
    NotFoundError,
    Planning,
    Progress,
    StreamInterruptedError,
    Thinking,
    TimeoutError,
)
from meshkit.devserver import DevServer

httpx_aiohttp = pytest.importorskip("httpx_aiohttp")
aiohttp = pytest.importorskip("aiohttp")

pytestmark = [pytest.mark.anyio, pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1", "localhost"])]


class SentKeys:
    """An httpx request hook: the idempotency key of every attempt the client really sent."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    async def __call__(self, request: httpx.Request) -> None:
        self.keys.append(request.headers["X-Muxi-Idempotency-Key"])


@pytest.fixture
def sent() -> SentKeys:
    return SentKeys()


@pytest.fixture
async def http(sent: SentKeys) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx_aiohttp.HttpxAiohttpClient(event_hooks={"request": [sent]}) as client:
        yield client


def formation_on(http: httpx.AsyncClient, url: str, dev: DevServer, **options: object) -> AsyncFormation:
    return AsyncFormation(
        url=url, client_key=dev.config.client_key, admin_key=dev.config.admin_key, http_client=http, **options
    )


@pytest.fixture
async def aformation(http: httpx.AsyncClient, dev: DevServer) -> AsyncIterator[AsyncFormation]:
    async with formation_on(http, dev.formation_url, dev) as formation:
        yield formation


@pytest.fixture
def refusing_port() -> Iterator[int]:
    """A loopback port bound but not listening: every connect to it is refused, and no other
    process can take the port while the test runs."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


async def test_blocking_chat(aformation: AsyncFormation, http: httpx.AsyncClient) -> None:
    result = await aformation.chat("Hello!", agent="researcher")

    assert isinstance(result, ChatResult)
    assert result.text == "You said: Hello!"
    assert result.request_id is not None and result.request_id.startswith("req_")
    # aiohttp carried the call: the transport opened its ClientSession for it.
    assert isinstance(http._transport.client, aiohttp.ClientSession)


async def test_chat_stream(aformation: AsyncFormation) -> None:
    stream = aformation.chat_stream("Tell me a story")
    events = [event async for event in stream]

    assert [type(e) for e in events] == [Progress, Planning, Thinking] + [ContentDelta] * 6 + [Completed, Done]
    assert "".join(e.text for e in events) == stream.text == "You said: Tell me a story"


async def test_404_is_a_typed_not_found_error(aformation: AsyncFormation) -> None:
    with pytest.raises(NotFoundError) as missing:
        await aformation.get_agent("nobody")

    assert missing.value.status_code == 404
    assert missing.value.request_id
    assert "nobody" in str(missing.value)


async def test_a_503_is_retried_with_the_same_idempotency_key(
    aformation: AsyncFormation, dev: DevServer, sent: SentKeys
) -> None:
    dev.fault(api="formation", method="POST", path="/v1/chat", status=503, retry_after="0")

    result = await aformation.chat("Hello!")

    assert result.text == "You said: Hello!"
    assert len(sent.keys) == 2 and sent.keys[0] == sent.keys[1]
    assert dev.accepted()["chats"].get(sent.keys[0]) == 1  # the server ran the chat once


async def test_a_refused_connection_is_a_connection_error_after_its_retries(
    http: httpx.AsyncClient, dev: DevServer, sent: SentKeys, refusing_port: int
) -> None:
    formation = formation_on(http, f"http://127.0.0.1:{refusing_port}/formation", dev, max_retries=2)

    with pytest.raises(ConnectionError) as refused:
        await formation.chat("Hello!")

    # meshkit's ConnectionError (not aiohttp's, not httpx's, and not a timeout): the connect failed.
    assert type(refused.value) is ConnectionError and not isinstance(refused.value, TimeoutError)
    assert str(refused.value).startswith(f"POST http://127.0.0.1:{refusing_port}/formation/v1/chat: connection failed")
    assert len(sent.keys) == 3  # nothing reached a server, so both retries were made


async def test_a_stream_the_server_accepted_is_not_sent_again_when_its_connection_drops(
    aformation: AsyncFormation, dev: DevServer, sent: SentKeys
) -> None:
    dev.fault(api="formation", method="POST", path="/v1/chat", reset="after")

    with pytest.raises(ConnectionError) as dropped:
        async for _ in aformation.chat_stream("Tell me a story"):
            pass

    assert not isinstance(dropped.value, TimeoutError)
    assert "connection failed: Server disconnected" in str(dropped.value)
    # The chat ran: a stream is never re-sent once it may have started (one attempt, run once).
    assert len(sent.keys) == 1
    assert dev.accepted()["chats"].get(sent.keys[0]) == 1


async def test_a_cut_stream_is_interrupted_with_its_partial_text(aformation: AsyncFormation, dev: DevServer) -> None:
    dev.fault(api="formation", path="/v1/chat", cut_after_events=5)
    stream = aformation.chat_stream("Tell me a story")

    with pytest.raises(StreamInterruptedError) as cut:
        async for _ in stream:
            pass

    assert cut.value.partial_text == stream.text
    assert cut.value.partial_text and "You said: Tell me a story".startswith(cut.value.partial_text)


async def test_a_slow_answer_is_a_read_timeout(aformation: AsyncFormation, dev: DevServer) -> None:
    dev.fault(api="formation", method="GET", path="/v1/agents", delay_response=1.0)

    with pytest.raises(TimeoutError) as slow:
        await aformation.with_options(timeout=0.3, max_retries=0).list_agents()

    assert slow.value.bound == "read"


async def test_closing_the_formation_leaves_the_callers_client_open(http: httpx.AsyncClient, dev: DevServer) -> None:
    async with formation_on(http, dev.formation_url, dev) as formation:
        await formation.chat("Hello!")

    assert not http.is_closed
    again = formation_on(http, dev.formation_url, dev)
    assert (await again.chat("Again")).text == "You said: Again"


async def test_http_backend_aiohttp_answers_and_fails_the_same_way(dev: DevServer, refusing_port: int) -> None:
    async with AsyncFormation(
        url=dev.formation_url, client_key=dev.config.client_key, http_backend="aiohttp"
    ) as formation:
        assert (await formation.chat("Hello!")).text == "You said: Hello!"

    async with AsyncFormation(
        url=f"http://127.0.0.1:{refusing_port}/formation", client_key=dev.config.client_key, http_backend="aiohttp"
    ) as unreachable:
        with pytest.raises(ConnectionError) as refused:
            await unreachable.with_options(max_retries=0).chat("Hello!")

    assert type(refused.value) is ConnectionError
    assert "connection failed: Cannot connect to host 127.0.0.1" in str(refused.value)
