"""The Formation façade end to end against the dev server: results, users and sessions, streams
(typed events, early exits, errors, cuts, idle timeouts), retries with fault injection, errors,
configuration and the connection pool."""

from __future__ import annotations

import builtins
import logging
import socket
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta

import httpx
import pytest
from formation_support import LOOPBACK_ONLY, RechunkingTransport, Recorder, make_formation
from meshkit import (
    AuthenticationError,
    ChatResult,
    Completed,
    ConfigurationError,
    ConnectionError,
    ContentDelta,
    Done,
    Formation,
    MeshkitError,
    NotFoundError,
    Planning,
    Progress,
    RateLimitError,
    ServerError,
    StreamError,
    StreamInterruptedError,
    StreamTimeoutError,
    Thinking,
    TimeoutError,
    UiEvent,
    ValidationError,
)
from meshkit.devserver import DevServer

pytestmark = LOOPBACK_ONLY


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def observed(dev: DevServer, recorder: Recorder) -> Iterator[Formation]:
    """A formation on an injected httpx client whose requests the recorder sees."""
    with httpx.Client(event_hooks={"request": [recorder]}) as http, make_formation(dev, http_client=http) as formation:
        yield formation


# --- blocking chat, users, sessions ---------------------------------------------------------------


def test_blocking_chat_gives_a_chat_result(formation: Formation) -> None:
    result = formation.chat("Hello!", agent="researcher")

    assert isinstance(result, ChatResult)
    assert result.text == result.content == "You said: Hello!"
    assert result.user_id == "0"
    assert result.session_id is not None and result.session_id.startswith("sess_")
    assert result.request_id is not None and result.request_id.startswith("req_")
    assert result.artifacts == [] and result.ui == []
    assert result.model.message.metadata.additional_properties == {"session_id": result.session_id}
    # The id the turn is tracked under (chat() sends it; the runtime echoes it).
    tracked = formation.get_request(result.request_id)
    assert (tracked.request_id, tracked.status, tracked.result) == (result.request_id, "completed", "You said: Hello!")
    assert tracked.created_at is not None and tracked.created_at.tzinfo is not None
    assert "You said" in repr(result) and "response" not in repr(result)


def test_blocking_chat_carries_ui_widgets(formation: Formation) -> None:
    result = formation.chat("/ui Pick one")

    assert result.text == "You said: Pick one"
    assert result.ui == [{"type": "options", "id": "w1", "question": "Pick one", "options": ["Yes", "No"]}]


def test_user_id_and_for_user_scope_calls_and_share_the_pool(formation: Formation) -> None:
    user = f"user_{uuid.uuid4().hex[:8]}"
    direct = formation.chat("Hi", user_id=user)
    view = formation.for_user(user)
    through_view = view.chat("Hi again")

    assert direct.user_id == through_view.user_id == user
    assert {s.session_id for s in view.list_sessions()} == {direct.session_id, through_view.session_id}
    assert formation.list_sessions(user_id=user) == view.list_sessions()
    assert formation.chat("Hi").user_id == "0"  # the original is not scoped
    assert formation.list_sessions(user_id=user + "_other") == []
    # The view is a view: same connection pool, and closing it leaves the pool open.
    assert view._transport.http is formation._transport.http
    view.close()
    assert not formation._transport.http.is_closed
    assert formation.chat("still open").text == "You said: still open"
    assert "user_id=" in repr(view) and user in repr(view)
    with pytest.raises(MeshkitError):
        formation.for_user("")


def test_for_user_sends_through_the_injected_client(observed: Formation, recorder: Recorder) -> None:
    observed.for_user("alice").chat("Hi")
    observed.with_options(max_retries=0).chat("Hi")

    assert [r.headers.get("X-Muxi-User-ID") for r in recorder.requests] == ["alice", None]


def test_one_key_per_call_by_route_group(dev: DevServer, recorder: Recorder) -> None:
    def sent(request: httpx.Request) -> tuple[str | None, str | None]:
        keys = [kind for kind in ("client", "admin") if f"X-MUXI-{kind.upper()}-KEY" in request.headers]
        assert len(keys) <= 1
        return (keys[0] if keys else None), request.headers.get("X-Muxi-User-ID")

    with httpx.Client(event_hooks={"request": [recorder]}) as http:
        both = make_formation(dev, http_client=http)
        admin_only = Formation(url=dev.formation_url, admin_key=dev.config.admin_key, http_client=http)
        both.ops.list_requests()  # dual, no user: the admin key (all users)
        both.ops.list_requests(user_id="Alice@Example.com")  # dual with a user: the client key
        admin_only.for_user("alice").ops.list_memories()  # dual, no client key: the admin key
        both.list_agents()  # admin-only
        both.list_triggers()  # client-only
        both.health()  # public

    assert [sent(r) for r in recorder.requests] == [
        ("admin", None),
        ("client", "Alice@Example.com"),  # sent unchanged (the runtime may lowercase it)
        ("admin", "alice"),
        ("admin", None),
        ("client", None),
        (None, None),
    ]


def test_session_history(formation: Formation) -> None:
    alice = formation.for_user(f"alice_{uuid.uuid4().hex[:8]}")
    session = alice.create_session()
    assert session.id.startswith("sess_") and session.user_id == alice._user_id
    alice.chat("one", session_id=session.id)
    alice.chat("two", session_id=session.id)

    history = alice.get_session(session.id)

    assert (history.id, history.message_count, history.active) == (session.id, 4, True)
    assert [(m.role, m.content) for m in history.messages] == [
        ("user", "one"),
        ("assistant", "You said: one"),
        ("user", "two"),
        ("assistant", "You said: two"),
    ]
    assert history.messages[1].agent_id == "assistant"
    # Times are timezone-aware datetimes (the runtime sends epoch seconds), in order.
    times = [history.created_at, *(m.timestamp for m in history.messages), history.last_activity]
    assert all(isinstance(t, datetime) and t.utcoffset() == timedelta(0) for t in times)
    assert history.created_at is not None and history.last_activity is not None
    assert history.created_at <= history.messages[0].timestamp <= history.last_activity  # type: ignore[operator]
    # Each message names the request that wrote it: the chat's tracked id.
    assert len({m.request_id for m in history.messages[:2]}) == 1
    assert history.messages[0].metadata["session_id"] == session.id
    (summary,) = alice.list_sessions()
    assert (summary.session_id, summary.active, summary.last_activity) == (session.id, True, history.last_activity)
    # Sessions belong to their user.
    with pytest.raises(NotFoundError):
        formation.get_session(session.id, user_id="somebody_else")


# --- streaming -------------------------------------------------------------------------------------


def test_stream_events_in_order_typed(formation: Formation) -> None:
    with formation.chat_stream("Tell me a story") as stream:
        events = list(stream)

    assert [type(e) for e in events] == [Progress, Planning, Thinking] + [ContentDelta] * 6 + [Completed, Done]
    assert [e.type for e in events[:3]] == ["progress", "planning", "thinking"]
    assert [e.text for e in events if isinstance(e, ContentDelta)] == ["You ", "said: ", "Tell ", "me ", "a ", "story"]
    assert stream.text == "You said: Tell me a story"
    completed = events[-2]
    assert isinstance(completed, Completed)
    assert completed.full_text == stream.text and completed.text == ""
    assert completed.status == "success" and not completed.stream_discontinuity
    assert completed.token.type_ == "completed"  # the generated ChatToken model
    assert events[0].stage == "init"
    assert len({e.session_id for e in events[:-1]}) == 1


def test_printing_every_event_text_prints_the_answer_once(
    formation: Formation, capsys: pytest.CaptureFixture[str]
) -> None:
    stream = formation.chat_stream("Tell me a story")
    for event in stream:
        print(event.text, end="")

    assert capsys.readouterr().out == "You said: Tell me a story" == stream.text


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64])
def test_stream_survives_any_chunk_boundary(dev: DevServer, size: int) -> None:
    """Frames, lines and multi-byte characters split across chunks decode to the same events."""
    message = "/ui Grüße, naïve café 🎉 — ok"
    with make_formation(dev) as whole:
        expected = [(type(e), e.text, e.data) for e in whole.chat_stream(message)]
    with (
        httpx.Client(transport=RechunkingTransport(size)) as http,
        make_formation(dev, http_client=http) as formation,
    ):
        stream = formation.chat_stream(message)
        events = list(stream)

    assert [(type(e), e.text) for e in events] == [(kind, text) for kind, text, _ in expected]
    assert stream.text == "You said: Grüße, naïve café 🎉 — ok"
    assert [e.widgets for e in events if isinstance(e, UiEvent)] == [
        [{"type": "options", "id": "w1", "question": "Grüße, naïve café 🎉 — ok", "options": ["Yes", "No"]}]
    ]


def test_ui_event_carries_widgets(formation: Formation) -> None:
    events = list(formation.chat_stream("/ui Continue?"))

    ui = [e for e in events if isinstance(e, UiEvent)]
    assert len(ui) == 1
    assert ui[0].widgets == [{"type": "options", "id": "w1", "question": "Continue?", "options": ["Yes", "No"]}]
    assert [type(e) for e in events[-3:]] == [Completed, UiEvent, Done]


def test_discontinuity_makes_the_completed_text_authoritative(formation: Formation) -> None:
    stream = formation.chat_stream("/discontinuity hello")
    events = list(stream)

    deltas = "".join(e.text for e in events if isinstance(e, ContentDelta))
    completed = next(e for e in events if isinstance(e, Completed))
    assert deltas == "You said: hello"
    assert completed.stream_discontinuity
    assert stream.text == completed.full_text == "(revised) You said: hello"


def test_a_long_stream_keeps_every_delta_in_its_text(formation: Formation) -> None:
    # 5,000 deltas: the decoder joins them in groups to keep memory near the text's size, which
    # must never show in stream.text, mid-stream or at the end.
    words = [f"w{i}" for i in range(5000)]
    deltas = []
    with formation.chat_stream(" ".join(words)) as stream:
        for event in stream:
            if isinstance(event, ContentDelta):
                deltas.append(event.text)
                if len(deltas) in (1023, 1024, 1025, 2048, 4999):
                    assert stream.text == "".join(deltas)

    assert len(deltas) == 5002
    assert stream.text == "".join(deltas) == "You said: " + " ".join(words)


def test_error_event_raises_stream_error_with_partial_text(formation: Formation) -> None:
    stream = formation.chat_stream("/fail now")
    seen = []
    with pytest.raises(StreamError) as failure:
        for event in stream:
            seen.append(event)

    assert failure.value.code == "EchoAgentError"
    assert failure.value.partial_text == "You "
    assert "asked to fail" in failure.value.message
    assert not isinstance(failure.value, StreamInterruptedError)
    assert [type(e) for e in seen] == [Progress, Planning, Thinking, ContentDelta]
    assert stream.response.is_closed


def test_early_break_closes_the_response(formation: Formation) -> None:
    stream = formation.chat_stream("Tell me a long story please")
    for event in stream:
        if isinstance(event, ContentDelta):
            break

    assert stream.response.is_closed
    assert stream.text == "You "
    with pytest.raises(RuntimeError):
        iter(stream)  # a stream is iterated once


def test_leaving_the_with_block_closes_the_response(formation: Formation) -> None:
    with formation.chat_stream("Tell me a story") as stream:
        events = iter(stream)  # held: a dropped iterator closes the response at once
        first = next(events)
        assert not stream.response.is_closed

    assert isinstance(first, Progress)
    assert stream.response.is_closed


def test_an_unread_stream_sends_nothing(observed: Formation, recorder: Recorder) -> None:
    stream = observed.chat_stream("never sent")
    stream.close()

    assert recorder.requests == []
    with pytest.raises(RuntimeError):
        list(stream)


def test_cut_stream_raises_interrupted_with_partial_text(formation: Formation, dev: DevServer) -> None:
    dev.fault(api="formation", path="/v1/chat", cut_after_events=5)
    stream = formation.chat_stream("Tell me a story")
    seen = []
    with pytest.raises(StreamInterruptedError) as cut:
        for event in stream:
            seen.append(event)

    assert [type(e) for e in seen] == [Progress, Planning, Thinking, ContentDelta, ContentDelta]
    assert cut.value.partial_text == "You said: " == stream.text
    assert cut.value.code == "STREAM_INTERRUPTED"
    assert isinstance(cut.value, builtins.ConnectionError)
    assert stream.response.is_closed


def test_idle_stream_raises_stream_timeout() -> None:
    # Two seconds between tokens, keepalives every second: a 0.3 s read timeout fires first.
    with DevServer(token_delay=2.0) as slow, make_formation(slow) as formation:
        stream = formation.with_options(timeout=0.3).chat_stream("Hello slowly")
        seen = []
        with pytest.raises(StreamTimeoutError) as idle:
            for event in stream:
                seen.append(event)

    assert [type(e) for e in seen] == [Progress, Planning, Thinking]
    assert idle.value.partial_text == ""
    assert isinstance(idle.value, builtins.TimeoutError)
    assert stream.response.is_closed


def test_401_on_a_stream_raises_before_any_event(dev: DevServer) -> None:
    with Formation(url=dev.formation_url, client_key="fmc_wrong") as formation:
        seen = []
        with pytest.raises(AuthenticationError) as refused:
            for event in formation.chat_stream("Hello"):
                seen.append(event)
        with pytest.raises(AuthenticationError), formation.chat_stream("Hello"):
            pass

    assert seen == []
    assert (refused.value.status_code, refused.value.code) == (401, "UNAUTHORIZED")
    assert "fmc_wrong" not in str(refused.value) + repr(refused.value)


# --- retries ---------------------------------------------------------------------------------------


def test_503_with_retry_after_is_retried_with_the_same_key(
    observed: Formation, recorder: Recorder, dev: DevServer
) -> None:
    dev.fault(api="formation", method="POST", path="/v1/chat", status=503, retry_after="0")
    key = str(uuid.uuid4())

    result = observed.chat("Hello!", idempotency_key=key)

    assert result.text == "You said: Hello!"
    assert [r.headers["X-Muxi-Idempotency-Key"] for r in recorder.requests] == [key, key]
    assert dev.accepted()["chats"].get(key) == 1


def test_generated_idempotency_key_is_reused_on_the_retry(
    observed: Formation, recorder: Recorder, dev: DevServer
) -> None:
    dev.fault(api="formation", method="POST", path="/v1/chat", status=503, retry_after="0")

    observed.chat("Hello!")

    first, second = (r.headers["X-Muxi-Idempotency-Key"] for r in recorder.requests)
    assert first == second and uuid.UUID(first).version == 4
    assert dev.accepted()["chats"].get(first) == 1


def test_reset_after_handling_is_retried_and_replayed_not_rerun(
    observed: Formation, recorder: Recorder, dev: DevServer
) -> None:
    # The server runs the chat, then drops the connection: the answer is lost, not the work.
    dev.fault(api="formation", method="POST", path="/v1/chat", reset="after")
    key = str(uuid.uuid4())

    result = observed.chat("Hello!", idempotency_key=key)

    assert result.text == "You said: Hello!"
    assert [r.headers["X-Muxi-Idempotency-Key"] for r in recorder.requests] == [key, key]
    assert dev.accepted()["chats"].get(key) == 1


def test_trigger_fire_is_retried_with_the_same_key(observed: Formation, recorder: Recorder, dev: DevServer) -> None:
    dev.fault(api="formation", method="POST", path="/v1/triggers/*", status=503, retry_after="0")
    key = str(uuid.uuid4())

    fired = observed.trigger("github-issue", {"issue": 1}, idempotency_key=key)

    assert fired.status == "processing"
    assert [r.headers["X-Muxi-Idempotency-Key"] for r in recorder.requests] == [key, key]
    assert dev.accepted()["trigger_fires"].get(key) == 1


def test_a_reused_idempotency_key_replays_the_first_answer(formation: Formation, dev: DevServer) -> None:
    key = str(uuid.uuid4())

    first = formation.chat("first", idempotency_key=key)
    again = formation.chat("second", idempotency_key=key)  # the body is not part of the scope

    assert again.text == first.text == "You said: first"
    assert again.request_id == first.request_id
    assert dev.accepted()["chats"].get(key) == 1


def test_non_idempotent_post_is_not_retried(observed: Formation, recorder: Recorder, dev: DevServer) -> None:
    fault = dev.fault(api="formation", method="POST", path="/v1/notifications", status=503, retry_after="0", count=2)

    with pytest.raises(ServerError) as failure:
        observed.ops.send_notification(body={"user_id": "alice", "message": "hello"})

    assert failure.value.status_code == 503
    assert recorder.paths() == ["POST /formation/v1/notifications"]
    assert [(f.id, f.count) for f in dev.book.faults] == [(fault.id, 1)]  # the second use still armed


def test_a_stream_refused_on_every_attempt_surfaces_after_the_retries(
    observed: Formation, recorder: Recorder, dev: DevServer
) -> None:
    # Refused before it started (503 with Retry-After): re-sent like a blocking call, then the error.
    dev.fault(api="formation", method="POST", path="/v1/chat", status=503, retry_after="0", count=3)

    with pytest.raises(ServerError):
        list(observed.chat_stream("Hello"))

    assert len(recorder.requests) == 3  # the first attempt and max_retries (2) more
    assert len({r.headers["X-Muxi-Idempotency-Key"] for r in recorder.requests}) == 1


def test_429_with_a_long_retry_after_surfaces_at_once(observed: Formation, recorder: Recorder, dev: DevServer) -> None:
    dev.fault(api="formation", method="GET", path="/v1/agents", status=429, retry_after="120")

    with pytest.raises(RateLimitError) as limited:
        observed.list_agents()

    assert limited.value.retry_after == 120.0
    assert limited.value.code == "RATE_LIMITED"
    assert len(recorder.requests) == 1  # beyond the 60 s cap: no sleeping, no retry


def test_429_with_an_http_date_retry_after_in_the_past_is_retried(
    observed: Formation, recorder: Recorder, dev: DevServer
) -> None:
    dev.fault(api="formation", method="GET", path="/v1/agents", status=429, retry_after="Wed, 21 Oct 2015 07:28:00 GMT")

    assert [a.id for a in observed.list_agents()] == ["assistant", "researcher"]
    assert len(recorder.requests) == 2


def test_with_options_max_retries_zero(observed: Formation, recorder: Recorder, dev: DevServer) -> None:
    dev.fault(api="formation", method="GET", path="/v1/agents", status=503, retry_after="0")

    with pytest.raises(ServerError):
        observed.with_options(max_retries=0).list_agents()
    dev.fault(api="formation", method="GET", path="/v1/agents", status=503, retry_after="0")
    agents = observed.list_agents()  # the original keeps its 2 retries

    assert [a.id for a in agents] == ["assistant", "researcher"]
    assert recorder.paths() == ["GET /formation/v1/agents"] * 3


# --- errors ----------------------------------------------------------------------------------------


def test_not_found_error(formation: Formation) -> None:
    with pytest.raises(NotFoundError) as missing:
        formation.get_agent("nobody")

    error = missing.value
    assert error.status_code == 404
    assert isinstance(error.code, str) and error.code
    assert "nobody" in error.message
    assert error.request_id is not None and error.request_id.startswith("req_")
    assert error.hint and "id" in error.hint
    assert error.body["success"] is False
    assert error.request_id in str(error)


def test_validation_error_names_the_field(formation: Formation) -> None:
    with pytest.raises(ValidationError) as invalid:
        formation.ops.chat(body={})

    assert (invalid.value.status_code, invalid.value.code, invalid.value.field) == (422, "INVALID_PARAMS", "message")
    assert invalid.value.details["validation_errors"][0]["type"] == "missing"


def test_missing_key_is_a_configuration_error_and_nothing_is_sent(dev: DevServer, recorder: Recorder) -> None:
    with (
        httpx.Client(event_hooks={"request": [recorder]}) as http,
        Formation(url=dev.formation_url, client_key=dev.config.client_key, http_client=http) as formation,
    ):
        with pytest.raises(ConfigurationError) as missing:
            formation.list_agents()
        with pytest.raises(ConfigurationError):
            formation.ops.get_overlord_soul()
        assert formation.chat("client calls still work").text == "You said: client calls still work"

    assert "admin" in str(missing.value)
    assert isinstance(missing.value, ValueError)
    assert recorder.paths() == ["POST /formation/v1/chat"]


def test_no_url_at_all_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MUXI_FORMATION_URL", "MUXI_SERVER_URL", "MUXI_FORMATION_ID"):
        monkeypatch.delenv(name, raising=False)

    with pytest.raises(ConfigurationError):
        Formation(client_key="fmc_x")


def test_closed_port_is_a_connection_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # free once the socket closes: nobody listens there
    formation = Formation(url=f"http://127.0.0.1:{port}", client_key="fmc_x", max_retries=0)
    with formation, pytest.raises(ConnectionError) as refused:
        formation.chat("Hello")

    assert isinstance(refused.value, builtins.ConnectionError)
    assert isinstance(refused.value, MeshkitError)
    assert refused.value.hint


def test_slow_answer_is_a_timeout_error(formation: Formation, dev: DevServer) -> None:
    dev.fault(api="formation", method="GET", path="/v1/agents", delay_response=1.0)

    with pytest.raises(TimeoutError) as slow:
        formation.with_options(timeout=0.3, max_retries=0).list_agents()

    assert isinstance(slow.value, builtins.TimeoutError)
    assert isinstance(slow.value, MeshkitError)


def test_a_timed_out_chat_is_retried_and_replayed(observed: Formation, recorder: Recorder, dev: DevServer) -> None:
    dev.fault(api="formation", method="POST", path="/v1/chat", delay_response=1.0)
    key = str(uuid.uuid4())

    result = observed.with_options(timeout=0.3).chat("Hello!", idempotency_key=key)

    assert result.text == "You said: Hello!"
    assert len(recorder.requests) == 2
    assert dev.accepted()["chats"].get(key) == 1


# --- configuration and the pool --------------------------------------------------------------------


def test_construction_from_the_environment(monkeypatch: pytest.MonkeyPatch, dev: DevServer) -> None:
    monkeypatch.delenv("MUXI_SERVER_URL", raising=False)
    monkeypatch.setenv("MUXI_FORMATION_URL", dev.formation_url)
    monkeypatch.setenv("MUXI_CLIENT_KEY", dev.config.client_key)
    monkeypatch.setenv("MUXI_ADMIN_KEY", dev.config.admin_key)

    with Formation() as formation:
        assert formation.base_url == dev.formation_url + "/v1"
        assert formation.chat("Hello!").text == "You said: Hello!"
        assert [a.id for a in formation.list_agents()] == ["assistant", "researcher"]


def test_construction_through_a_server_from_the_environment(monkeypatch: pytest.MonkeyPatch, dev: DevServer) -> None:
    monkeypatch.delenv("MUXI_FORMATION_URL", raising=False)
    monkeypatch.setenv("MUXI_SERVER_URL", dev.url)
    monkeypatch.setenv("MUXI_FORMATION_ID", "support-bot")
    monkeypatch.setenv("MUXI_CLIENT_KEY", dev.config.client_key)

    with Formation() as live, Formation(mode="draft") as draft:
        assert live.base_url == f"{dev.url}/api/support-bot/v1"
        assert draft.base_url == f"{dev.url}/draft/support-bot/v1"
        # Nothing is deployed under that id: the MUXI Server's own 404, typed.
        with pytest.raises(NotFoundError):
            live.with_options(max_retries=0).chat("Hello")


def test_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch, dev: DevServer) -> None:
    monkeypatch.setenv("MUXI_FORMATION_URL", "http://127.0.0.1:9/nowhere")
    monkeypatch.setenv("MUXI_CLIENT_KEY", "fmc_wrong")

    with Formation(url=dev.formation_url, client_key=dev.config.client_key) as formation:
        assert formation.chat("Hello!").text == "You said: Hello!"


def test_injected_http_client_is_used_and_not_closed(dev: DevServer, recorder: Recorder) -> None:
    http = httpx.Client(event_hooks={"request": [recorder]})
    formation = make_formation(dev, http_client=http)
    formation.chat("Hello!")
    formation.close()

    assert recorder.paths() == ["POST /formation/v1/chat"]
    assert not http.is_closed
    assert (str(http.base_url), http.auth) == ("", None)  # lent, not reconfigured
    http.close()


def test_formations_sharing_an_injected_client_keep_their_own_url_and_keys(dev: DevServer) -> None:
    with httpx.Client() as http:
        good = make_formation(dev, http_client=http)
        wrong = Formation(url=dev.url + "/api/not-deployed", client_key="fmc_wrong", http_client=http)

        assert good.chat("Hello!").text == "You said: Hello!"
        with pytest.raises(NotFoundError):
            wrong.with_options(max_retries=0).chat("Hello!")
        assert good.chat("Hello again").text == "You said: Hello again"


def test_own_pool_is_closed_by_close_and_with(dev: DevServer) -> None:
    formation = make_formation(dev)
    copy = formation.with_options(timeout=10)
    copy.close()  # a copy shares the pool: closing it is a no-op
    assert copy.chat("Hello!").text == "You said: Hello!"
    formation.close()
    assert formation._transport.http.is_closed

    with make_formation(dev) as scoped:
        scoped.chat("Hello!")
    assert scoped._transport.http.is_closed


def test_health_needs_no_key(dev: DevServer, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MUXI_CLIENT_KEY", "MUXI_ADMIN_KEY"):
        monkeypatch.delenv(name, raising=False)
    with Formation(url=dev.formation_url) as formation:
        assert formation.health().status == "healthy"
        with pytest.raises(ConfigurationError):
            formation.chat("Hello")


def test_identification_headers(dev: DevServer, recorder: Recorder) -> None:
    with (
        httpx.Client(event_hooks={"request": [recorder]}) as http,
        make_formation(dev, http_client=http, app_name="support-bot") as formation,
    ):
        formation.chat("Hello!")

    (request,) = recorder.requests
    assert request.headers["User-Agent"].startswith("meshkit/")
    assert request.headers["X-Muxi-SDK"].startswith("python/")
    assert "/py3." in request.headers["X-Muxi-Client"]
    assert request.headers["X-Muxi-App"] == "support-bot"


def test_logs_hold_no_key(dev: DevServer, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG), make_formation(dev) as formation:
        formation.chat("Hello!")
        formation.list_agents()
        list(formation.chat_stream("Hello!"))
        with pytest.raises(NotFoundError):
            formation.get_agent("nobody")

    assert caplog.records  # httpx and httpcore did log
    assert dev.config.client_key not in caplog.text
    assert dev.config.admin_key not in caplog.text


def test_repr_holds_no_key(dev: DevServer) -> None:
    with make_formation(dev) as formation:
        shown = " ".join(
            [
                repr(formation),
                str(formation),
                repr(formation.for_user("alice")),
                repr(formation.with_options(timeout=5)),
                repr(formation._settings),
                repr(formation._wire.auth),
            ]
        )

    assert dev.config.client_key not in shown
    assert dev.config.admin_key not in shown
    assert dev.formation_url in repr(formation)


def test_the_wire_behind_a_formation_has_no_key_in_its_repr(dev: DevServer) -> None:
    with make_formation(dev) as formation:
        shown = repr(formation._wire) + repr(formation._transport.__dict__)

    assert dev.config.client_key not in shown
    assert dev.config.admin_key not in shown
