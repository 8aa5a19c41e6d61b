"""The request journal: what the dev server received, in order, with keys masked, in-process and
over ``/_dev/requests``; and the helper that asserts one chat per logical call."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from meshkit import AsyncFormation, Formation, ServerError
from meshkit.broker import AiMeshClient, Message
from meshkit.devserver import Journal, create_app
from meshkit.devserver._journal import MAX_ENTRIES
from meshkit.server import ServerClient
from meshkit.testing import DevServer, JournalEntry

pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1", "localhost"])


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def dev(meshkit_dev_server: DevServer) -> DevServer:
    return meshkit_dev_server


@pytest.fixture
def formation(dev: DevServer) -> Iterator[Formation]:
    with Formation(url=dev.formation_url, client_key=dev.config.client_key, admin_key=dev.config.admin_key) as client:
        yield client


def _secrets_of(dev: DevServer) -> tuple[str, ...]:
    return (dev.config.client_key, dev.config.admin_key, dev.config.secret_key)


def _no_secret_in(entries: list[JournalEntry], dev: DevServer) -> None:
    text = json.dumps([entry.to_json() for entry in entries])
    for secret in _secrets_of(dev):
        assert secret not in text


def test_a_chat_is_journaled_with_its_operation_user_key_and_body(dev: DevServer, formation: Formation) -> None:
    key = str(uuid.uuid4())
    formation.chat("Hello!", user_id="alice", idempotency_key=key, session_id="sess-j1")

    (chat,) = dev.requests(api="formation", operation="chat")

    assert (chat.api, chat.method, chat.path, chat.operation) == ("formation", "POST", "/v1/chat", "chat")
    assert chat.user == "alice"
    assert chat.idempotency_key == key
    assert chat.body["message"] == "Hello!" and chat.body["session_id"] == "sess-j1"
    assert chat.body["stream"] is False
    assert chat.status == 200
    assert chat.headers["x-muxi-client-key"] == "***"
    assert chat.headers["x-muxi-user-id"] == "alice"
    _no_secret_in([chat], dev)


@pytest.mark.anyio
async def test_the_async_client_is_journaled_alike(dev: DevServer) -> None:
    async with AsyncFormation(url=dev.formation_url, client_key=dev.config.client_key) as formation:
        events = [event async for event in formation.chat_stream("Hi there", user_id="bob")]

    (chat,) = dev.requests(operation="chat")
    assert events and chat.user == "bob" and chat.body["message"] == "Hi there"
    assert chat.headers["accept"] == "text/event-stream" and chat.status == 200
    assert chat.idempotency_key is not None  # meshkit sends one for every chat


def test_requests_come_in_order_and_filter_by_api_and_operation(dev: DevServer, formation: Formation) -> None:
    formation.health()
    formation.chat("one")
    formation.list_sessions(user_id="carol")
    formation.chat("two")

    assert [entry.operation for entry in dev.requests(api="formation")] == [
        "get_health",
        "chat",
        "list_sessions",
        "chat",
    ]
    assert [entry.body["message"] for entry in dev.requests(operation="chat")] == ["one", "two"]
    assert dev.requests(api="broker") == []
    seqs = [entry.seq for entry in dev.requests()]
    assert seqs == sorted(seqs)


def test_keys_signatures_cookies_and_secret_values_are_masked(dev: DevServer, formation: Formation) -> None:
    name = f"TOKEN_{uuid.uuid4().hex[:8].upper()}"
    formation.create_secret(name, "s3cret-value")
    with ServerClient(dev.url, dev.config.key_id, dev.config.secret_key) as server:
        server.list_formations()
    httpx.get(f"{dev.formation_url}/v1/health", headers={"Cookie": "session=abc123", "Authorization": "Bearer xyz"})

    create, hmac, health = dev.requests()

    assert create.operation == "create_secret" and create.headers["x-muxi-admin-key"] == "***"
    assert create.body == {"key": name, "value": "***"}
    assert hmac.operation == "list_formations" and hmac.headers["authorization"] == "***"
    assert health.headers["cookie"] == "***" and health.headers["authorization"] == "***"
    text = json.dumps([entry.to_json() for entry in dev.requests()])
    for secret in (*_secrets_of(dev), "s3cret-value", "abc123", "xyz"):
        assert secret not in text


def test_broker_and_server_calls_are_journaled(meshkit_fresh_dev_server: DevServer, tmp_path: Path) -> None:
    dev = meshkit_fresh_dev_server
    root = tmp_path / "demo-bot"
    root.mkdir()
    (root / "formation.yaml").write_text("id: demo-bot\nversion: 1.0.0\nagents:\n  - id: helper\n")
    with AiMeshClient(dev.broker_url, max_retries=0) as broker, pytest.raises(ServerError):
        broker.send_message(Message(agent_id="bot", payload=b"hi", message_id="m-1"))  # no endpoint: 503
    with ServerClient(dev.url, dev.config.key_id, dev.config.secret_key) as server:
        server.deploy(root)

    (sent,) = dev.requests(api="broker")
    (deploy,) = dev.requests(api="server", operation="deploy_formation")
    assert sent.operation == "send_message" and sent.status == 503
    assert sent.body["agent_id"] == "bot" and sent.body["message_id"] == "m-1"
    assert deploy.headers["x-formation-id"] == "demo-bot" and deploy.status == 201
    assert deploy.body is None  # a gzip bundle, not JSON


def test_a_call_refused_before_its_handler_is_journaled_with_its_body(dev: DevServer) -> None:
    dev.fault(api="formation", path="/v1/chat", status=503)
    with httpx.Client(base_url=dev.formation_url + "/v1") as http:
        http.post("/chat", json={"message": "refused", "stream": False}, headers={"X-MUXI-CLIENT-KEY": "wrong"})

    (chat,) = dev.requests(operation="chat")
    assert chat.status == 503 and chat.body == {"message": "refused", "stream": False}
    assert chat.headers["x-muxi-client-key"] == "***"


def test_the_journal_over_http_is_filtered_and_cleared(dev: DevServer, formation: Formation) -> None:
    formation.chat("over http")
    formation.health()
    with httpx.Client(base_url=dev.url) as control:
        chats = control.get("/_dev/requests", params={"api": "formation", "operation": "chat"}).json()["requests"]
        everything = control.get("/_dev/requests").json()["requests"]
        assert control.delete("/_dev/requests").json() == {"requests": []}
        after = control.get("/_dev/requests").json()["requests"]

    assert [(c["operation"], c["body"]["message"], c["headers"]["x-muxi-client-key"]) for c in chats] == [
        ("chat", "over http", "***")
    ]
    assert [e["operation"] for e in everything] == ["chat", "get_health"]  # /_dev calls are not journaled
    assert after == [] and dev.requests() == []


@pytest.mark.anyio
async def test_the_journal_answers_only_loopback_clients_and_is_bounded() -> None:
    journal = Journal(max_entries=3)
    app = create_app(journal=journal)
    remote = httpx.ASGITransport(app=app, client=("203.0.113.9", 40000))
    local = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
    async with httpx.AsyncClient(transport=remote, base_url="http://dev") as outsider:
        refused = await outsider.get("/_dev/requests")
    async with httpx.AsyncClient(transport=local, base_url="http://dev") as client:
        for index in range(5):
            await client.get("/formation/v1/health", params={"n": index})
        kept = (await client.get("/_dev/requests")).json()["requests"]

    assert refused.status_code == 403
    assert [entry["seq"] for entry in kept] == [3, 4, 5]  # the newest three
    assert journal.max_entries == 3 and Journal().max_entries == MAX_ENTRIES == 10_000


def test_assert_one_chat_holds_for_a_call_retried_after_a_refusal(dev: DevServer, formation: Formation) -> None:
    dev.fault(api="formation", path="/v1/chat", status=503, retry_after="0")
    key = str(uuid.uuid4())

    assert formation.chat("Book a table", idempotency_key=key).text == "You said: Book a table"

    first = dev.assert_one_chat(key)
    assert [entry.status for entry in dev.requests(operation="chat")] == [503, 200]  # sent twice, run once
    assert first.body["message"] == "Book a table"
    assert dev.assert_one_chat() == first  # the only logical call in the journal


def test_assert_one_chat_fails_when_the_work_ran_twice(dev: DevServer, formation: Formation) -> None:
    formation.chat("Charge my card")  # the bot's bug: a second logical call, a second key
    formation.chat("Charge my card")

    with pytest.raises(AssertionError, match="one logical call"):
        dev.assert_one_chat()
    with pytest.raises(AssertionError, match="expected exactly one chat accepted for 'never-sent'"):
        dev.assert_one_chat("never-sent")


@pytest.mark.anyio
async def test_the_journal_bounds_the_memory_its_bodies_take(monkeypatch: pytest.MonkeyPatch) -> None:
    from meshkit.devserver import _journal

    monkeypatch.setattr(_journal, "MAX_TOTAL_BODY_BYTES", 160)  # two of these bodies
    journal = Journal()
    transport = httpx.ASGITransport(app=create_app(journal=journal), client=("127.0.0.1", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://dev/formation/v1") as client:
        for text in ("first", "second", "third"):
            body = {"message": f"{text} {'x' * 40}", "stream": False}
            await client.post("/chat", json=body, headers={"X-MUXI-CLIENT-KEY": "fmc_wrong"})
        await client.post("/chat", content=b"\x1f\x8b binary", headers={"Content-Type": "application/gzip"})

    bodies = [entry.body for entry in journal.entries(operation="chat")]
    assert bodies[0] is None  # the oldest let its body go
    assert [body["message"].split()[0] for body in bodies[1:3]] == ["second", "third"]
    assert bodies[3] is None  # not JSON: never kept


def test_a_credential_s_nested_values_are_masked(dev: DevServer) -> None:
    credential = {"service": "github", "credential": {"access": "ghp_nested_credential", "scopes": ["repo"]}}
    with httpx.Client(base_url=dev.formation_url + "/v1") as http:
        http.post("/credentials", json=credential, headers={"X-MUXI-CLIENT-KEY": dev.config.client_key})
        http.post("/notifications", json={"api_keys": ["sk_listed_key"], "message": "hi"})

    stored, notified = dev.requests(api="formation")

    assert stored.operation == "create_credential" and stored.body["service"] == "github"
    assert stored.body["credential"] == {"access": "***", "scopes": ["***"]}
    assert notified.body == {"api_keys": ["***"], "message": "hi"}
    text = json.dumps([entry.to_json() for entry in dev.requests()])
    assert "ghp_nested_credential" not in text and "sk_listed_key" not in text


def test_assert_one_chat_sees_only_this_test_s_chats_on_the_shared_server(dev: DevServer, formation: Formation) -> None:
    with formation.chat_stream("Book it", idempotency_key="booking-1") as stream:  # an earlier test's
        list(stream)
    dev.reset()  # what the shared fixture does between tests

    with formation.chat_stream("Book it", idempotency_key="booking-1") as stream:
        list(stream)

    assert dev.assert_one_chat("booking-1").body["message"] == "Book it"
    assert dev.accepted()["chats"] == {"booking-1": 1}


def test_a_body_still_arriving_when_the_journal_is_cleared_takes_none_of_its_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from meshkit.devserver import _journal

    monkeypatch.setattr(_journal, "MAX_TOTAL_BODY_BYTES", 160)  # two of these bodies
    journal = Journal()

    def chat(text: str) -> tuple[object, dict[str, object]]:
        scope = {"path": "/formation/v1/chat", "method": "POST", "headers": [(b"content-type", b"application/json")]}
        body = json.dumps({"message": f"{text} {'x' * 50}"}).encode()
        return journal.open(scope), {"type": "http.request", "body": body, "more_body": False}

    slow, its_body = chat("slow")
    journal.clear()  # the next test starts while that request's body is still on its way
    journal.take_body(slow, its_body)  # type: ignore[arg-type]
    for text in ("second", "third"):
        pending, body = chat(text)
        journal.take_body(pending, body)  # type: ignore[arg-type]

    assert [entry.body["message"].split()[0] for entry in journal.entries()] == ["second", "third"]


def test_a_misspelt_filter_is_an_error_not_an_empty_journal(dev: DevServer, formation: Formation) -> None:
    from meshkit.devserver import JournalQueryError

    formation.chat("Charge my card")

    with pytest.raises(JournalQueryError, match="unknown operation 'chta'"):
        dev.requests(operation="chta")  # `== []` would have passed, whatever the bot sent
    with pytest.raises(JournalQueryError, match="api must be one of broker, formation, server"):
        dev.requests(api="formations")
    with pytest.raises(JournalQueryError, match="'send_message' is a broker operation"):
        dev.requests(api="formation", operation="send_message")
    with httpx.Client(base_url=dev.url) as control:
        refused = control.get("/_dev/requests", params={"operation": "chta"})
    assert refused.status_code == 400 and "unknown operation 'chta'" in refused.json()["message"]
    assert [entry.operation for entry in dev.requests(api="formation", operation="chat")] == ["chat"]
