"""Keys never leak (repr, errors, DEBUG logs, cassettes), and one test per defect of the seed SDKs."""

from __future__ import annotations

import asyncio
import logging
import pathlib
import re
from collections.abc import Iterator

import httpx
import pytest
from meshkit import AiMeshClient, AsyncAiMeshClient, AsyncFormation, AsyncServerClient, Formation, Message, ServerClient
from meshkit._core.errors import AuthenticationError, BudgetExceededError, MeshkitError, ServerError
from meshkit._core.sse import SSEDecoder
from meshkit.devserver import DevServer
from resilience_support import ADMIN_KEY, BROKER_KEY, CLIENT_KEY, FAKE_KEYS, KEY_ID, SECRET, Script, chat_ok, error

CASSETTES = pathlib.Path(__file__).resolve().parents[1] / "cassettes"
DEV_KEYS = ("fmc_dev_not_a_secret", "fma_dev_not_a_secret", "sk_dev_not_a_secret")
REAL_LOOKING = [
    re.compile(r"\b(?:sk|fmc|fma)_[A-Za-z0-9_\-]{8,}"),
    re.compile(r"Bearer\s+(?!<scrubbed>)[A-Za-z0-9._\-]{12,}"),
    re.compile(r"signature=(?!<scrubbed>)[A-Za-z0-9+/]{20,}={0,2}"),
    re.compile(r"\bsk-[A-Za-z0-9]{20,}"),
]


@pytest.fixture(scope="module")
def keyed_dev() -> Iterator[DevServer]:
    with DevServer(
        client_key=CLIENT_KEY, admin_key=ADMIN_KEY, key_id=KEY_ID, secret_key=SECRET, broker_key=BROKER_KEY
    ) as dev:
        yield dev


def _assert_clean(text: str, where: str) -> None:
    for key in FAKE_KEYS:
        assert key not in text, f"a key leaked into {where}"


def test_keys_never_in_repr_errors_or_debug_logs(keyed_dev: DevServer, caplog: pytest.LogCaptureFixture) -> None:
    dev = keyed_dev
    caplog.set_level(logging.DEBUG)
    seen: list[str] = []
    errors: list[BaseException] = []
    dev.fault(api="formation", path="/v1/chat", status=503, retry_after="0")  # a retry gets logged
    with Formation(url=dev.formation_url, client_key=CLIENT_KEY, admin_key=ADMIN_KEY) as formation:
        assert formation.chat("hello").text == "You said: hello"
        with formation.chat_stream("streamed") as stream:
            stream.until_done()
        seen += [repr(formation), repr(formation._settings), repr(formation._wire), repr(formation._wire.auth)]
    with Formation(url=dev.formation_url, client_key=CLIENT_KEY + "x") as wrong:
        try:
            wrong.chat("hello")
        except MeshkitError as exc:
            errors.append(exc)
    with ServerClient(dev.url, key_id=KEY_ID, secret_key=SECRET) as server:
        server.list_formations()
        seen += [repr(server), repr(server._settings), repr(server._wire.auth)]
    with ServerClient(dev.url, key_id=KEY_ID, secret_key=SECRET + "x") as bad_server:
        try:
            bad_server.list_formations()
        except MeshkitError as exc:
            errors.append(exc)
    with AiMeshClient(dev.broker_url, api_key=BROKER_KEY) as broker:
        broker.health_check()
        seen += [repr(broker), repr(broker._settings), repr(broker._wire.auth)]
    with AiMeshClient(dev.broker_url, api_key=BROKER_KEY + "x") as bad_broker:
        try:
            bad_broker.send_message(Message(agent_id="a", payload=b"x"))
        except MeshkitError as exc:
            errors.append(exc)
    assert len(errors) == 3 and all(isinstance(e, AuthenticationError) for e in errors)
    for exc in errors:
        seen += [repr(exc), str(exc), repr(exc.args), repr(getattr(exc, "body", None))]
    _assert_clean("\n".join(seen), "a repr or an error")
    assert "meshkit retry:" in caplog.text  # the DEBUG log really was captured
    assert any(r.name.startswith("httpx") or r.name.startswith("httpcore") for r in caplog.records)
    _assert_clean(caplog.text, "the DEBUG log")


def test_cassettes_hold_no_keys() -> None:
    files = [path for path in CASSETTES.rglob("*") if path.is_file()]
    assert files, "no cassettes found"
    for path in files:
        text = path.read_text(errors="replace")
        for key in (*FAKE_KEYS, *DEV_KEYS):
            assert key not in text, f"{key} in {path}"
        for pattern in REAL_LOOKING:
            assert not pattern.search(text), f"a real-looking key ({pattern.pattern}) in {path}"


# --- regressions of the seed SDKs --------------------------------------------------------------------


def test_utf8_split_across_chunks() -> None:
    raw = "data: héllo → 世界\n\n".encode()
    decoder = SSEDecoder()
    events = [event for i in range(len(raw)) for event in decoder.feed(raw[i : i + 1])]
    assert [e.data for e in events] == ["héllo → 世界"]


def test_crlf_frames_stream_incrementally() -> None:
    decoder = SSEDecoder()
    assert [e.data for e in decoder.feed(b"data: one\r\n\r\n")] == ["one"]  # no need to wait for more
    assert decoder.feed(b"data: two\r") == []
    assert [e.data for e in decoder.feed(b"\n\r\n")] == ["two"]


def test_a_5xx_on_a_non_idempotent_post_is_not_resent() -> None:
    script = Script(error(503), httpx.Response(200, json={"success": True, "data": {}}))
    server = ServerClient("http://s.test", key_id=KEY_ID, secret_key=SECRET, http_client=script.sync())
    with pytest.raises(ServerError):
        server.restart_formation("bot")
    assert len(script.requests) == 1


def test_a_401_raises_at_once() -> None:
    script = Script(error(401), chat_ok)
    formation = Formation(url="http://f.test", client_key=CLIENT_KEY, http_client=script.sync())
    with pytest.raises(AuthenticationError):
        formation.chat("hi")
    assert len(script.requests) == 1


def test_timeouts_are_retried() -> None:
    script = Script(httpx.ReadTimeout("slow"), chat_ok)
    formation = Formation(url="http://f.test", client_key=CLIENT_KEY, http_client=script.sync())
    formation._wire.retry = formation._wire.retry.__class__(sleep=lambda _: None)
    assert formation.chat("hi").text == "You said: hi"
    assert len(script.requests) == 2


def test_the_brokers_budget_402_is_not_retried() -> None:
    body = {"error": "budget_exceeded", "message": "no budget", "agent_id": "a", "required": 5, "available": 1}
    script = Script(httpx.Response(402, json=body))
    broker = AiMeshClient("http://b.test", http_client=script.sync())
    with pytest.raises(BudgetExceededError) as caught:
        broker.send_message(Message(agent_id="a", payload=b"x"))
    assert caught.value.required == 5 and len(script.requests) == 1


def test_a_401_on_a_stream_raises_instead_of_yielding_nothing(meshkit_dev_server: DevServer) -> None:
    dev = meshkit_dev_server
    with Formation(url=dev.formation_url, client_key="fmc_wrong") as formation, pytest.raises(AuthenticationError):
        for _ in formation.chat_stream("hi"):
            pass


def test_a_retry_after_date_does_not_crash() -> None:
    script = Script(error(429, **{"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"}), chat_ok)
    formation = Formation(url="http://f.test", client_key=CLIENT_KEY, http_client=script.sync())
    formation._wire.retry = formation._wire.retry.__class__(sleep=lambda _: None)
    assert formation.chat("hi").text == "You said: hi"


def test_context_managers_really_close(meshkit_dev_server: DevServer) -> None:
    dev = meshkit_dev_server
    with Formation(url=dev.formation_url, client_key=dev.config.client_key) as formation:
        with formation.chat_stream("hi") as stream:
            next(iter(stream))
        assert stream.response.is_closed
    assert formation._transport.http.is_closed
    with AiMeshClient(dev.broker_url) as broker:
        broker.health_check()
    assert broker._transport.http.is_closed
    with ServerClient(dev.url, key_id=dev.config.key_id, secret_key=dev.config.secret_key) as server:
        server.ping()
    assert server._transport.http.is_closed

    async def run() -> list[bool]:
        async with AsyncFormation(url=dev.formation_url, client_key=dev.config.client_key) as af:
            async with af.chat_stream("hi") as astream:
                async for _ in astream:
                    break
            assert astream.response is not None and astream.response.is_closed
        async with AsyncAiMeshClient(dev.broker_url) as ab:
            await ab.health_check()
        async with AsyncServerClient(dev.url, key_id=dev.config.key_id, secret_key=dev.config.secret_key) as aserver:
            await aserver.ping()
        return [c._transport.http.is_closed for c in (af, ab, aserver)]

    assert asyncio.run(run()) == [True, True, True]
