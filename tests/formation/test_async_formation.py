"""AsyncFormation, the asyncio twin, against the dev server: chat, streams (``async for`` directly
on ``chat_stream(...)``), sessions, users, an admin call, ops, errors, retries and closing."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from formation_support import LOOPBACK_ONLY, AsyncRechunkingTransport, make_async_formation
from meshkit import (
    AsyncFormation,
    AsyncStream,
    AuthenticationError,
    ChatResult,
    Completed,
    ConfigurationError,
    ContentDelta,
    Done,
    NotFoundError,
    Planning,
    Progress,
    StreamError,
    StreamInterruptedError,
    StreamTimeoutError,
    Thinking,
    TimeoutError,
    UiEvent,
)
from meshkit._generated import models
from meshkit.devserver import DevServer

pytestmark = [pytest.mark.anyio, LOOPBACK_ONLY]


@pytest.fixture
async def aformation(dev: DevServer) -> AsyncIterator[AsyncFormation]:
    async with make_async_formation(dev) as formation:
        yield formation


async def test_chat(aformation: AsyncFormation) -> None:
    result = await aformation.chat("Hello!", agent="researcher")

    assert isinstance(result, ChatResult)
    assert result.text == "You said: Hello!"
    assert result.user_id == "0"
    assert result.request_id is not None and result.request_id.startswith("req_")
    assert result.session_id is not None and result.session_id.startswith("sess_")


async def test_chat_stream_async_for_without_await(aformation: AsyncFormation) -> None:
    stream = aformation.chat_stream("Tell me a story")
    assert isinstance(stream, AsyncStream)

    events = [event async for event in stream]

    assert [type(e) for e in events] == [Progress, Planning, Thinking] + [ContentDelta] * 6 + [Completed, Done]
    assert "".join(e.text for e in events) == stream.text == "You said: Tell me a story"
    assert stream._response is not None and stream._response.is_closed


async def test_chat_stream_across_one_byte_chunks(dev: DevServer) -> None:
    async with (
        httpx.AsyncClient(transport=AsyncRechunkingTransport(1)) as http,
        make_async_formation(dev, http_client=http) as formation,
    ):
        stream = formation.chat_stream("/ui Grüße 🎉")
        events = [event async for event in stream]

    assert [type(e) for e in events] == [Progress, Planning, Thinking] + [ContentDelta] * 4 + [Completed, UiEvent, Done]
    assert stream.text == "You said: Grüße 🎉"
    ui = events[-2]
    assert isinstance(ui, UiEvent) and ui.widgets[0]["question"] == "Grüße 🎉"


async def test_cut_stream_raises_interrupted(aformation: AsyncFormation, dev: DevServer) -> None:
    dev.fault(api="formation", path="/v1/chat", cut_after_events=5)
    stream = aformation.chat_stream("Tell me a story")

    with pytest.raises(StreamInterruptedError) as cut:
        async for _ in stream:
            pass

    assert cut.value.partial_text == "You said: " == stream.text


async def test_idle_stream_raises_stream_timeout() -> None:
    with DevServer(token_delay=2.0) as slow:
        async with make_async_formation(slow) as formation:
            stream = formation.with_options(timeout=0.3).chat_stream("Hello slowly")
            with pytest.raises(StreamTimeoutError) as idle:
                async for _ in stream:
                    pass

    assert idle.value.partial_text == ""
    assert stream._response is not None and stream._response.is_closed


async def test_chat_stream_ui_and_until_done(aformation: AsyncFormation) -> None:
    events = [event async for event in aformation.chat_stream("/ui Continue?")]
    text = await aformation.chat_stream("/discontinuity hi").until_done()

    assert [type(e) for e in events[-3:]] == [Completed, UiEvent, Done]
    ui = events[-2]
    assert isinstance(ui, UiEvent) and ui.widgets[0]["options"] == ["Yes", "No"]
    assert text == "(revised) You said: hi"


async def test_async_with_closes_a_stream_left_early(aformation: AsyncFormation) -> None:
    async with aformation.chat_stream("Tell me a long story please") as stream:
        async for event in stream:
            if isinstance(event, ContentDelta):
                break

    assert stream.text == "You "
    assert stream._response is not None and stream._response.is_closed


async def test_stream_error_event(aformation: AsyncFormation) -> None:
    with pytest.raises(StreamError) as failure:
        async for _ in aformation.chat_stream("/fail now"):
            pass

    assert (failure.value.code, failure.value.partial_text) == ("EchoAgentError", "You ")


async def test_401_on_a_stream_raises_before_any_event(dev: DevServer) -> None:
    seen = []
    async with AsyncFormation(url=dev.formation_url, client_key="fmc_wrong") as formation:
        with pytest.raises(AuthenticationError):
            async for event in formation.chat_stream("Hello"):
                seen.append(event)

    assert seen == []


async def test_sessions(aformation: AsyncFormation) -> None:
    user = f"user_{uuid.uuid4().hex[:8]}"
    session = aformation.create_session()
    await aformation.chat("one", session_id=session.id, user_id=user)

    history = await aformation.get_session(session.id, user_id=user)
    sessions = await aformation.list_sessions(user_id=user)

    assert (history.id, history.user_id, history.message_count) == (session.id, user, 2)
    assert [(m.role, m.content) for m in history.messages] == [("user", "one"), ("assistant", "You said: one")]
    assert [s.session_id for s in sessions] == [session.id]
    with pytest.raises(NotFoundError):
        await aformation.get_session(session.id, user_id=user + "_other")


async def test_for_user_shares_the_pool(aformation: AsyncFormation) -> None:
    user = f"alice_{uuid.uuid4().hex[:8]}"
    alice = aformation.for_user(user)

    answer = await alice.chat("Hi")
    sessions = await alice.list_sessions()
    streamed = await alice.chat_stream("Hi again").until_done()

    assert answer.user_id == user
    assert [s.session_id for s in sessions] == [answer.session_id]
    assert streamed == "You said: Hi again"
    assert alice._transport.http is aformation._transport.http
    await alice.aclose()  # a view: the pool stays open
    assert (await aformation.chat("still open")).text == "You said: still open"


async def test_admin_calls(aformation: AsyncFormation) -> None:
    agents = await aformation.list_agents()
    job = await aformation.create_job("recurring", "0 9 * * 1", "Weekly summary", user_id="alice")
    name = f"ASYNC_{uuid.uuid4().hex[:8].upper()}"
    await aformation.create_secret(name, "value_example")
    masked = await aformation.get_secret(name)
    await aformation.delete_secret(name)

    assert [a.id for a in agents] == ["assistant", "researcher"]
    assert (job.is_recurring, job.cron_expression, job.user_id) == (True, "0 9 * * 1", "alice")
    assert masked != "value_example"
    assert name not in await aformation.list_secrets()


async def test_admin_call_without_the_admin_key(dev: DevServer) -> None:
    async with AsyncFormation(url=dev.formation_url, client_key=dev.config.client_key) as formation:
        with pytest.raises(ConfigurationError):
            await formation.list_agents()


async def test_ops(aformation: AsyncFormation) -> None:
    soul = await aformation.ops.get_overlord_soul()
    memories = await aformation.ops.list_memories(user_id="nobody_yet")
    stream = aformation.ops.stream_request_events("sess_x", "req_x", user_id="nobody_yet")
    events = [event async for event in stream]

    assert isinstance(soul, models.OverlordSoul) and isinstance(soul.soul, str)
    assert isinstance(memories, models.MemoryList) and memories.count == 0
    assert isinstance(stream, AsyncStream)
    assert [e.data.error for e in events] == ["Unauthorized or request not streaming"]


async def test_errors(aformation: AsyncFormation, dev: DevServer) -> None:
    with pytest.raises(NotFoundError) as missing:
        await aformation.get_agent("nobody")
    assert missing.value.status_code == 404 and missing.value.request_id

    dev.fault(api="formation", method="GET", path="/v1/agents", delay_response=1.0)
    with pytest.raises(TimeoutError):
        await aformation.with_options(timeout=0.3, max_retries=0).list_agents()


async def test_retry_reuses_the_idempotency_key(dev: DevServer) -> None:
    keys: list[str] = []

    async def hook(request: httpx.Request) -> None:
        keys.append(request.headers["X-Muxi-Idempotency-Key"])

    dev.fault(api="formation", method="POST", path="/v1/chat", status=503, retry_after="0")
    async with (
        httpx.AsyncClient(event_hooks={"request": [hook]}) as http,
        make_async_formation(dev, http_client=http) as formation,
    ):
        result = await formation.chat("Hello!")

    assert result.text == "You said: Hello!"
    assert len(keys) == 2 and keys[0] == keys[1]
    assert dev.accepted()["chats"].get(keys[0]) == 1


async def test_closing(dev: DevServer) -> None:
    async with make_async_formation(dev) as formation:
        await formation.chat("Hello!")
    assert formation._transport.http.is_closed

    other = make_async_formation(dev)
    await other.close()  # close is aclose
    assert other._transport.http.is_closed

    async with httpx.AsyncClient() as http:
        async with make_async_formation(dev, http_client=http) as injected:
            await injected.chat("Hello!")
        assert not http.is_closed  # the caller's client stays the caller's


async def test_repr_holds_no_key(aformation: AsyncFormation, dev: DevServer) -> None:
    shown = repr(aformation) + repr(aformation.for_user("alice")) + repr(aformation.with_options(timeout=5))

    assert dev.config.client_key not in shown and dev.config.admin_key not in shown
