"""Record a real formation once, replay it offline: ``use_cassette`` (the engine of the
``meshkit_cassette`` fixture) with the sync and the async client.

The "real formation" is meshkit's dev server on 127.0.0.1; every replay runs after it stopped, so a
request that reached the network would fail with a connection error instead of passing.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from meshkit import AsyncFormation, ConnectionError, Formation
from meshkit._cassette import use_cassette
from meshkit.devserver import DevServer

KEY = "fmc_dev_not_a_secret"
ADMIN = "fma_dev_not_a_secret"


def bot_sync(url: str) -> list[Any]:
    """What a user's bot does: a chat as a user, a stream, a session and its history, an operator call."""
    with Formation(url=url, client_key=KEY, admin_key=ADMIN) as formation:
        answer = formation.chat("Hello!", user_id="alice")
        with formation.chat_stream("Tell me a story") as stream:
            events = [(type(event).__name__, event.text) for event in stream]
        session = formation.create_session()
        formation.chat("Remember: I like tea", session_id=session.id, user_id="alice")
        history = formation.get_session(session.id, user_id="alice")
        agents = [agent.id for agent in formation.list_agents()]
        return [answer.text, answer.request_id, events, stream.text, session.id, len(history.messages), agents]


async def bot_async(url: str) -> list[Any]:
    async with AsyncFormation(url=url, client_key=KEY, admin_key=ADMIN) as formation:
        answer = await formation.chat("Hello!", user_id="alice")
        events = []
        async with formation.chat_stream("Tell me a story") as stream:
            async for event in stream:
                events.append((type(event).__name__, event.text))
        session = formation.create_session()
        await formation.chat("Remember: I like tea", session_id=session.id, user_id="alice")
        history = await formation.get_session(session.id, user_id="alice")
        agents = [agent.id for agent in await formation.list_agents()]
        return [answer.text, answer.request_id, events, stream.text, session.id, len(history.messages), agents]


def run_bot(client: str, url: str) -> list[Any]:
    return bot_sync(url) if client == "sync" else asyncio.run(bot_async(url))


@pytest.mark.parametrize("client", ["sync", "async"])
def test_a_recorded_formation_replays_with_the_server_stopped(client: str, tmp_path: Path) -> None:
    path = tmp_path / "bot.yaml"
    with DevServer() as dev:
        url = dev.formation_url
        with use_cassette(path, record_mode="once") as recording:
            live = run_bot(client, url)
        assert len(recording.interactions) == 6  # chat, stream, chat, session, its messages, agents
    # The server is gone: a call outside the cassette cannot connect.
    with pytest.raises(ConnectionError), Formation(url=url, client_key=KEY, max_retries=0) as offline:
        offline.chat("Hello!")

    with use_cassette(path, record_mode="none") as replay:
        replayed = run_bot(client, url)

    assert replayed == live
    assert live[0] == "You said: Hello!"
    assert [kind for kind, _ in live[2]][-2:] == ["Completed", "Done"]
    assert live[3] == "You said: Tell me a story"
    assert replay.play_count == 6
    assert replay.all_played


@pytest.mark.parametrize("client", ["sync", "async"])
def test_a_replay_needs_neither_the_recorded_host_nor_the_recorded_keys(client: str, tmp_path: Path) -> None:
    """Matching ignores the host, the (scrubbed) keys and user ids, and the random idempotency key."""
    path = tmp_path / "bot.yaml"
    with DevServer() as dev, use_cassette(path, record_mode="once"):
        live = run_bot(client, dev.formation_url)

    other_host = "http://127.0.0.1:9/formation"  # port 9 (discard): nothing listens there
    with use_cassette(path, record_mode="none") as replay:
        if client == "sync":
            with Formation(url=other_host, client_key="fmc_another_key") as formation:
                answer = formation.chat("Hello!", user_id="bob", idempotency_key="key-of-the-replay")
        else:

            async def chat() -> Any:
                async with AsyncFormation(url=other_host, client_key="fmc_another_key") as formation:
                    return await formation.chat("Hello!", user_id="bob")

            answer = asyncio.run(chat())
    assert answer.text == live[0] == "You said: Hello!"
    assert replay.play_count == 1


@pytest.mark.parametrize("how", ["http_client", "http_backend"])
def test_aiohttp_is_recorded_by_vcrpy_s_own_support(how: str, tmp_path: Path) -> None:
    """On aiohttp (an injected HttpxAiohttpClient, or http_backend="aiohttp"), not httpx's
    transports: vcrpy's aiohttp stub records it, whole bodies (a stream replays in one chunk, into
    the same events), with the same scrubbing and matching."""
    httpx_aiohttp = pytest.importorskip("httpx_aiohttp")

    async def chat(formation: AsyncFormation) -> tuple[str, list[str]]:
        answer = await formation.chat("Hello!", user_id="alice")
        return answer.text, [type(event).__name__ async for event in formation.chat_stream("Hi")]

    async def bot(url: str) -> tuple[str, list[str]]:
        if how == "http_backend":
            async with AsyncFormation(url=url, client_key=KEY, http_backend="aiohttp") as formation:
                return await chat(formation)
        async with (
            httpx_aiohttp.HttpxAiohttpClient() as http,
            AsyncFormation(url=url, client_key=KEY, http_client=http) as formation,
        ):
            return await chat(formation)

    path = tmp_path / "aiohttp.yaml"
    with DevServer() as dev, use_cassette(path, record_mode="once") as recording:
        url = dev.formation_url
        live = asyncio.run(bot(url))
    assert len(recording.interactions) == 2
    assert KEY not in path.read_text() and "alice" not in path.read_text()

    with use_cassette(path, record_mode="none") as replay:
        replayed = asyncio.run(bot(url))
    kinds = ["Progress", "Planning", "Thinking", *["ContentDelta"] * 3, "Completed", "Done"]
    assert replayed == live == ("You said: Hello!", kinds)
    assert replay.all_played


def test_a_miss_on_aiohttp_is_the_same_typed_cassette_miss(tmp_path: Path) -> None:
    pytest.importorskip("httpx_aiohttp")
    from meshkit.testing import CassetteMissError

    async def bot() -> str:
        url = "http://127.0.0.1:9/formation"  # nothing listens: a request sent would fail to connect
        async with AsyncFormation(url=url, client_key=KEY, http_backend="aiohttp", max_retries=0) as formation:
            return (await formation.chat("Not recorded")).text

    with use_cassette(tmp_path / "empty.yaml", record_mode="none"), pytest.raises(CassetteMissError) as missed:
        asyncio.run(bot())

    assert missed.value.method == "POST" and missed.value.url.endswith("/formation/v1/chat")
    assert missed.value.record_mode == "none" and "nothing was sent" in str(missed.value)
