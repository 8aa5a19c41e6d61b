"""The façade's session, message and request types on canned answers (httpx.MockTransport) shaped
like muxi-runtime's: a message's role, content and timestamp come from where the runtime puts
them, and every time is a timezone-aware datetime whether it came as epoch seconds or ISO 8601."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from meshkit import Formation, Session, SessionMessage, SessionSummary, TrackedRequest
from meshkit.formation._results import _datetime

URL = "http://formation.invalid"
EPOCH = 1796603166.1071126  # what the runtime sends
WHEN = datetime.fromtimestamp(EPOCH, tz=UTC)


def answering(answers: dict[str, Any]) -> Formation:
    """A formation that answers each path with the success envelope around ``answers[path]``."""

    def handler(request: httpx.Request) -> httpx.Response:
        data = answers[request.url.path.removeprefix("/v1")]
        body = {"object": "x", "type": "x", "success": True, "timestamp": 1, "request": {"id": "req_env"}, "data": data}
        return httpx.Response(200, content=json.dumps(body).encode(), headers={"Content-Type": "application/json"})

    return Formation(
        url=URL, client_key="fmc_x", max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(handler))
    )


def runtime_message(text: str, role: str, at: Any, **metadata: Any) -> dict[str, Any]:
    meta = {"role": role, "timestamp": at, "agent_id": "overlord", "user_id": "u1", "session_id": "s1"}
    meta.update(request_id="req_tracked", formation_id="f", **metadata)
    return {"text": text, "metadata": meta, "timestamp": at, "namespace": "buffer", "embedding": None}


SESSION = {
    "session_id": "s1",
    "user_id": "u1",
    "message_count": 2,
    "active": True,
    "created_at": EPOCH,
    "last_activity": EPOCH + 1.5,
}


def test_get_session_reads_role_content_and_times_where_the_runtime_puts_them() -> None:
    messages = [runtime_message("hello", "user", EPOCH), runtime_message("You said: hello", "assistant", EPOCH + 1.5)]
    formation = answering(
        {
            "/sessions/s1": SESSION,
            "/sessions/s1/messages": {"session_id": "s1", "messages": messages, "count": 2, "has_more": False},
        }
    )

    session = formation.get_session("s1", user_id="u1")

    assert isinstance(session, Session) and session.session_id == session.id == "s1"
    assert (session.created_at, session.last_activity) == (WHEN, WHEN + timedelta(seconds=1.5))
    assert [(m.role, m.content, m.timestamp) for m in session.messages] == [
        ("user", "hello", WHEN),
        ("assistant", "You said: hello", WHEN + timedelta(seconds=1.5)),
    ]
    first = session.messages[0]
    assert isinstance(first, SessionMessage)
    assert (first.agent_id, first.request_id, first.metadata["formation_id"]) == ("overlord", "req_tracked", "f")
    assert first.raw.namespace == "buffer"


def test_list_sessions_gives_summaries_with_datetimes() -> None:
    summary = {"session_id": "s1", "user_id": "u1", "last_activity": EPOCH, "active": True}
    formation = answering({"/sessions": {"sessions": [summary], "count": 1}})

    (listed,) = formation.list_sessions(user_id="u1")

    assert listed == SessionSummary(session_id="s1", user_id="u1", active=True, last_activity=WHEN)


def test_requests_give_datetimes_and_null_while_running() -> None:
    running = {"request_id": "r1", "user_id": "u1", "status": "processing", "progress": None, "created_at": EPOCH}
    done = {**running, "request_id": "r2", "status": "completed", "completed_at": EPOCH + 2, "result": "ok"}
    formation = answering(
        {"/requests": {"requests": [{**running, "completed_at": None}], "count": 1}, "/requests/r2": done}
    )

    (listed,) = formation.list_requests(user_id="u1")
    fetched = formation.get_request("r2", user_id="u1")

    assert isinstance(listed, TrackedRequest)
    assert (listed.status, listed.created_at, listed.completed_at) == ("processing", WHEN, None)
    assert (fetched.status, fetched.completed_at, fetched.result) == ("completed", WHEN + timedelta(seconds=2), "ok")


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        (EPOCH, WHEN),
        (1796603166, datetime.fromtimestamp(1796603166, tz=UTC)),
        ("2026-12-07T00:31:27Z", datetime(2026, 12, 7, 0, 31, 27, tzinfo=UTC)),
        ("2026-12-07T00:31:27", datetime(2026, 12, 7, 0, 31, 27, tzinfo=UTC)),  # no offset: UTC
        (
            "2026-12-07T02:31:27+02:00",
            datetime(2026, 12, 7, 2, 31, 27, tzinfo=timezone(timedelta(hours=2))),
        ),
        (None, None),
        ("", None),
        ("not a time", None),
        (True, None),
        ([EPOCH], None),
    ],
)
def test_a_runtime_time_becomes_an_aware_datetime(sent: Any, expected: datetime | None) -> None:
    got = _datetime(sent)

    assert got == expected
    assert got is None or got.tzinfo is not None


def test_an_iso_string_time_in_a_session_reads_the_same() -> None:
    iso = WHEN.isoformat()
    messages = [runtime_message("restored", "user", iso)]
    formation = answering(
        {
            "/sessions/s1": {**SESSION, "created_at": iso, "last_activity": iso},
            "/sessions/s1/messages": {"session_id": "s1", "messages": messages, "count": 1, "has_more": False},
        }
    )

    session = formation.get_session("s1", user_id="u1")

    assert session.created_at == session.last_activity == session.messages[0].timestamp == WHEN
