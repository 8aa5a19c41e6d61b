"""Each hand-written Formation method on the wire: the user's call, then the exact request it sent
(from the cassette) and the typed result it gave back.

The cassettes in ``tests/cassettes/formation/`` were recorded against a fresh dev server and are
replayed offline: record mode ``none`` and no network (``block_network``), with requests matched
on method + path + query + body and on the headers that carry the wire rules (which key, which
user, Accept, Content-Type, an idempotency key); never on host or port. Replays use the fake base
URL ``http://formation.test/formation``; while recording, the dev server's ephemeral URL is
rewritten to it, keys are scrubbed from requests and responses, and volatile headers are dropped
(see ``conftest.py``).

Re-record (after a deliberate change of what goes on the wire), then review the diff::

    MESHKIT_RECORD=1 .venv/bin/python -m pytest tests/formation/test_formation_wire.py
    git diff tests/cassettes/formation/

``MESHKIT_RECORD=1`` starts a fresh dev server per test and rewrites every cassette of the module
(``--record-mode=once`` records only the missing ones). Without it nothing is ever recorded: a
request the cassette does not hold fails the test, and so does a recorded one the test no longer
makes.
"""

from __future__ import annotations

import itertools
import json
import types
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from formation_support import DEV_KEYS, FAKE_FORMATION_URL, SCRUBBED, make_formation
from meshkit import (
    ChatResult,
    Completed,
    ContentDelta,
    Done,
    Formation,
    NotFoundError,
    Planning,
    Progress,
    Session,
    Thinking,
)
from meshkit.devserver import DevServer

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]

API = "/formation/v1"
NO_BODY = object()


@pytest.fixture
def formation(record_mode: str) -> Iterator[Formation]:
    """Replaying: a formation at the fake URL, with the dev server's (fake) keys. Recording: a
    formation on a fresh dev server, so every cassette starts from the same state."""
    if record_mode == "none":
        with Formation(
            url=FAKE_FORMATION_URL, client_key=DEV_KEYS.client_key, admin_key=DEV_KEYS.admin_key
        ) as formation:
            yield formation
        return
    with DevServer() as dev, make_formation(dev) as formation:
        yield formation


@pytest.fixture(autouse=True)
def numbered_request_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    """chat() sends a fresh request_id (``req_<uuid4 hex>``); numbered ones keep the recorded bodies stable."""
    numbers = itertools.count(1)
    monkeypatch.setattr("meshkit.formation._base._new_request_id", lambda: f"req_wire_{next(numbers)}")


def assert_request(
    request: Any,
    method: str,
    path: str,
    *,
    key: str | None,
    user: str | None = None,
    query: dict[str, str] | None = None,
    body: Any = NO_BODY,
    stream: bool = False,
) -> None:
    """One recorded request, checked against the contract's wire rules."""
    headers = request.headers
    assert (request.method, request.path) == (method, API + path)
    assert dict(request.query) == (query or {})
    # Exactly one formation key, the one the route's group needs, scrubbed in the cassette.
    sent = {kind for kind, name in (("client", "X-MUXI-CLIENT-KEY"), ("admin", "X-MUXI-ADMIN-KEY")) if name in headers}
    assert sent == ({key} if key else set())
    for name in ("X-MUXI-CLIENT-KEY", "X-MUXI-ADMIN-KEY"):
        assert headers.get(name, SCRUBBED) == SCRUBBED
    assert "Authorization" not in headers
    assert headers.get("X-Muxi-User-ID") == user
    # One uuid4 per logical call, on every formation request.
    assert uuid.UUID(headers["X-Muxi-Idempotency-Key"]).version == 4
    assert headers["Accept"] == ("text/event-stream" if stream else "application/json")
    assert headers["X-Muxi-SDK"].startswith("python/")
    assert "X-Muxi-App" not in headers
    if body is NO_BODY:
        assert not request.body
        assert "Content-Type" not in headers
    else:
        assert headers["Content-Type"] == "application/json"
        assert json.loads(request.body) == body


def test_chat(formation: Formation, vcr: Any) -> None:
    result = formation.chat("Hello!")

    (request,) = vcr.requests
    body = {"message": "Hello!", "stream": False, "request_id": "req_wire_1"}
    assert_request(request, "POST", "/chat", key="client", body=body)
    assert isinstance(result, ChatResult)
    assert result.text == result.content == "You said: Hello!"
    assert result.user_id == "0"  # no user header: the runtime's default user
    assert result.session_id is not None and result.session_id.startswith("sess_")
    # The runtime tracks the turn under the body's request_id and echoes it in data (without one
    # it would answer null, and the envelope's request.id is the HTTP request's, not the turn's).
    assert result.request_id == "req_wire_1"
    assert (result.ui, result.artifacts) == ([], [])
    assert result.model.message.role == "assistant"


def test_chat_stream(formation: Formation, vcr: Any) -> None:
    with formation.chat_stream("Hello there", agent="researcher") as stream:
        events = list(stream)

    (request,) = vcr.requests
    assert_request(
        request,
        "POST",
        "/chat",
        key="client",
        body={"message": "Hello there", "stream": True, "agent_id": "researcher"},
        stream=True,
    )
    assert [type(event) for event in events] == [
        Progress,
        Planning,
        Thinking,
        ContentDelta,
        ContentDelta,
        ContentDelta,
        ContentDelta,
        Completed,
        Done,
    ]
    assert "".join(event.text for event in events) == stream.text == "You said: Hello there"
    completed = events[-2]
    assert isinstance(completed, Completed)
    assert completed.full_text == "You said: Hello there"
    assert completed.status == "success"
    assert completed.data["agent_used"] == "researcher"
    assert events[0].stage == "init"
    assert {event.request_id for event in events[:-1]} == {events[0].request_id}
    assert stream.response.is_closed


def test_create_session_and_get_session(formation: Formation, vcr: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # create_session() picks a random id locally; a fixed one keeps the recorded bodies stable.
    fixed = uuid.UUID("5e551011-0000-4000-8000-000000000001")
    monkeypatch.setattr("meshkit.formation._base.uuid", types.SimpleNamespace(uuid4=lambda: fixed))

    session = formation.create_session()
    formation.chat("Remember: I like tea", session_id=session.id, user_id="user_123")
    history = formation.get_session(session.id, user_id="user_123")

    assert session.id == "sess_" + fixed.hex
    chat, summary, messages = vcr.requests
    assert_request(
        chat,
        "POST",
        "/chat",
        key="client",
        user="user_123",
        body={"message": "Remember: I like tea", "stream": False, "session_id": session.id, "request_id": "req_wire_1"},
    )
    assert_request(summary, "GET", f"/sessions/{session.id}", key="client", user="user_123")
    assert_request(
        messages, "GET", f"/sessions/{session.id}/messages", key="client", user="user_123", query={"limit": "1000"}
    )
    assert isinstance(history, Session)
    assert (history.id, history.user_id, history.message_count, history.active) == (session.id, "user_123", 2, True)
    assert [(m.role, m.content, m.request_id) for m in history.messages] == [
        ("user", "Remember: I like tea", "req_wire_1"),
        ("assistant", "You said: Remember: I like tea", "req_wire_1"),
    ]
    # The dev server, like the runtime, sends epoch seconds: the façade gives aware datetimes.
    assert history.created_at is not None and history.created_at.tzinfo is not None
    assert history.created_at <= history.messages[1].timestamp  # type: ignore[operator]


def test_list_sessions(formation: Formation, vcr: Any) -> None:
    answer = formation.chat("Hi", user_id="alice")
    sessions = formation.list_sessions(user_id="alice")

    _, request = vcr.requests
    assert_request(
        request, "GET", "/sessions", key="client", user="alice", query={"active_only": "false", "limit": "50"}
    )
    assert [(s.session_id, s.user_id, s.active) for s in sessions] == [(answer.session_id, "alice", True)]


def test_list_agents(formation: Formation, vcr: Any) -> None:
    agents = formation.list_agents()

    (request,) = vcr.requests
    assert_request(request, "GET", "/agents", key="admin")
    assert [(agent.id, agent.name) for agent in agents] == [("assistant", "Assistant"), ("researcher", "Researcher")]


def test_get_agent(formation: Formation, vcr: Any) -> None:
    agent = formation.get_agent("researcher")
    with pytest.raises(NotFoundError) as missing:
        formation.get_agent("nobody")

    found, not_found = vcr.requests
    assert_request(found, "GET", "/agents/researcher", key="admin")
    assert_request(not_found, "GET", "/agents/nobody", key="admin")
    assert (agent.id, agent.name, agent.description) == ("researcher", "Researcher", "Echoes too, under another name.")
    assert missing.value.status_code == 404
    assert missing.value.request_id is not None and missing.value.request_id.startswith("req_")


def test_list_triggers(formation: Formation, vcr: Any) -> None:
    names = formation.list_triggers()

    (request,) = vcr.requests
    assert_request(request, "GET", "/triggers", key="client")
    assert names == ["github-issue"]


def test_trigger(formation: Formation, vcr: Any) -> None:
    data = {"repository": "muxi/runtime", "issue": {"number": 123, "title": "Bug report"}}
    fired = formation.trigger("github-issue", data=data, use_async=False)
    queued = formation.trigger("github-issue", data=data, user_id="alice")

    sync_request, async_request = vcr.requests
    assert_request(
        sync_request, "POST", "/triggers/github-issue", key="client", body={"data": data, "use_async": False}
    )
    # use_async is always sent, defaulting to true; never as ?async= (contract §9).
    assert_request(
        async_request,
        "POST",
        "/triggers/github-issue",
        key="client",
        user="alice",
        body={"data": data, "use_async": True},
    )
    assert fired.status == "completed"
    assert isinstance(fired.content, str) and fired.content
    assert queued.status == "processing"
    # The new request's id is the envelope's request.id, and the key is echoed.
    assert queued.request_id is not None and queued.request_id.startswith("req_")
    assert queued.meta.idempotency_key == async_request.headers["X-Muxi-Idempotency-Key"]
    assert "request_id" not in queued.to_dict() and "request_id" not in queued.additional_properties


def test_list_secrets(formation: Formation, vcr: Any) -> None:
    secrets = formation.list_secrets()

    (request,) = vcr.requests
    assert_request(request, "GET", "/secrets", key="admin")
    assert secrets == {"OPENAI_API_KEY": "dev-****"}  # masked: never returned in clear


def test_get_secret(formation: Formation, vcr: Any) -> None:
    value = formation.get_secret("OPENAI_API_KEY")
    with pytest.raises(NotFoundError) as missing:
        formation.get_secret("NOPE")

    # GET /secrets/{key} does not exist: the façade reads the list (contract §9, canonical choice).
    first, second = vcr.requests
    assert_request(first, "GET", "/secrets", key="admin")
    assert_request(second, "GET", "/secrets", key="admin")
    assert value == "dev-****"
    assert (missing.value.status_code, missing.value.code) == (404, "SECRET_NOT_FOUND")


def test_create_secret(formation: Formation, vcr: Any) -> None:
    formation.create_secret("GITHUB_TOKEN", "ghp_example")  # returns None
    listed = formation.list_secrets()

    request, _ = vcr.requests
    assert_request(request, "POST", "/secrets", key="admin", body={"key": "GITHUB_TOKEN", "value": "ghp_example"})
    assert "GITHUB_TOKEN" in listed
    assert listed["GITHUB_TOKEN"] != "ghp_example"


def test_update_secret(formation: Formation, vcr: Any) -> None:
    formation.update_secret("OPENAI_API_KEY", "sk-rotated")
    with pytest.raises(NotFoundError) as missing:
        formation.update_secret("NOPE", "x")  # updates never create

    update, refused = vcr.requests
    assert_request(update, "PUT", "/secrets/OPENAI_API_KEY", key="admin", body={"value": "sk-rotated"})
    assert_request(refused, "PUT", "/secrets/NOPE", key="admin", body={"value": "x"})
    assert missing.value.code == "SECRET_NOT_FOUND"


def test_delete_secret(formation: Formation, vcr: Any) -> None:
    formation.create_secret("TEMP_TOKEN", "tmp_example")
    formation.delete_secret("TEMP_TOKEN")
    with pytest.raises(NotFoundError):
        formation.delete_secret("TEMP_TOKEN")

    _, delete, again = vcr.requests
    assert_request(delete, "DELETE", "/secrets/TEMP_TOKEN", key="admin")
    assert_request(again, "DELETE", "/secrets/TEMP_TOKEN", key="admin")


def test_create_job(formation: Formation, vcr: Any) -> None:
    job = formation.create_job("recurring", "0 9 * * 1", "Weekly summary", user_id="alice")

    (request,) = vcr.requests
    assert_request(
        request,
        "POST",
        "/scheduler/jobs",
        key="admin",
        user="alice",  # the job's owner
        body={"type": "recurring", "schedule": "0 9 * * 1", "message": "Weekly summary"},
    )
    assert isinstance(job.id, str) and job.id.startswith("job_")
    assert (job.is_recurring, job.cron_expression, job.scheduled_for) == (True, "0 9 * * 1", None)
    assert (job.original_prompt, job.title, job.user_id, job.status) == ("Weekly summary",) * 2 + ("alice", "ACTIVE")


def test_health(formation: Formation, vcr: Any) -> None:
    health = formation.health()

    (request,) = vcr.requests
    assert_request(request, "GET", "/health", key=None)  # public: no key at all
    assert health.status == "healthy"
    assert isinstance(health.version, str)


def test_for_user(formation: Formation, vcr: Any) -> None:
    alice = formation.for_user("alice")
    answer = alice.chat("Hi")
    sessions = alice.list_sessions()
    requests = alice.ops.list_requests()

    chat, listing, dual = vcr.requests
    body = {"message": "Hi", "stream": False, "request_id": "req_wire_1"}
    assert_request(chat, "POST", "/chat", key="client", user="alice", body=body)
    assert_request(
        listing, "GET", "/sessions", key="client", user="alice", query={"active_only": "false", "limit": "50"}
    )
    # A dual route with a user and a client key configured: the client key (contract §1).
    assert_request(dual, "GET", "/requests", key="client", user="alice")
    assert answer.user_id == "alice"
    assert [s.session_id for s in sessions] == [answer.session_id]
    assert [(r.request_id, r.user_id, r.status) for r in requests.requests] == [
        (answer.request_id, "alice", "completed")
    ]


def test_ops(formation: Formation, vcr: Any) -> None:
    soul = formation.ops.get_overlord_soul()
    memory = formation.ops.create_memory(body={"type": "preference", "detail": "likes tea"}, user_id="user_123")
    memories = formation.ops.list_memories(user_id="user_123", limit=5)

    get_soul, create, listing = vcr.requests
    assert_request(get_soul, "GET", "/overlord/soul", key="admin")
    assert_request(
        create, "POST", "/memories", key="client", user="user_123", body={"type": "preference", "detail": "likes tea"}
    )
    assert_request(listing, "GET", "/memories", key="client", user="user_123", query={"limit": "5", "offset": "0"})
    assert isinstance(soul.soul, str)
    # The runtime echoes a created memory's content as {type, detail}; the listing has the text.
    assert (memory.content.type_, memory.content.detail, memory.scope) == ("preference", "likes tea", "user")
    assert [(m.id, m.content) for m in memories.memories] == [(memory.id, "likes tea")]
    assert memories.count == 1
