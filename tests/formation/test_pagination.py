"""Pagination: the iter_* methods and get_session() follow each listing's own paging, lazily, with
the exact query of every page; they stop where the API says, and refuse to loop on a server that
keeps answering the same page.

What the API pages, and how (docs/contract/formation.md, openapi/mesh.yaml):

- a session's messages: ``limit`` (1-1000) and the ``before`` cursor. Read as the spec reads, a page
  is the newest ``limit`` messages before it, oldest first, and ``has_more`` says older ones
  remain; the façade pages backwards that way (tested on a fake formation that does, ``SpecPaging``).
  muxi-runtime 1.20260928.0, and so the dev server, answers the *oldest* ``limit`` messages and
  ignores ``before``: past one page, get_session() says ``complete=False`` and
  iter_session_messages() raises ResponseValidationError (tested on the dev server);
- memories: ``limit`` (1-100) and ``offset``, newest first; a short page is the last;
- sessions and the audit log: ``limit`` (1-1000) only, no cursor; requests: everything at once.
"""

from __future__ import annotations

import json
import socket
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from formation_support import LOOPBACK_ONLY, Recorder, make_async_formation, make_formation
from meshkit import (
    AsyncFormation,
    Formation,
    MeshkitError,
    ResponseValidationError,
    SessionMessage,
    SessionSummary,
    TrackedRequest,
    ValidationError,
)
from meshkit._generated import models
from meshkit.devserver import DevServer

HOSTILE = Path(__file__).resolve().parents[1] / "hostile"
if str(HOSTILE) not in sys.path:
    sys.path.insert(0, str(HOSTILE))

from hostile_server import Received, hostile, response_head  # noqa: E402

pytestmark = [LOOPBACK_ONLY]

START = datetime(2026, 1, 1, tzinfo=UTC)
HISTORY = 2500  # messages of the long session: three pages of 1,000 for get_session()


def at(index: int) -> datetime:
    """The time of the long session's message ``index`` (one a second from START)."""
    return START + timedelta(seconds=index)


def message(index: int, session: str = "s", user: str = "u") -> dict[str, Any]:
    """Message ``index`` as the runtime's buffer stores it (and the messages route answers it)."""
    when = at(index).timestamp()
    role = "user" if index % 2 == 0 else "assistant"
    meta = {"role": role, "timestamp": when, "user_id": user, "session_id": session}
    return {"text": f"m{index}", "metadata": meta, "timestamp": when, "namespace": "buffer", "embedding": None}


def envelope(data: dict[str, Any]) -> dict[str, Any]:
    return {"success": True, "object": "x", "type": "x", "timestamp": 1, "data": data}


class SpecPaging:
    """A formation whose session "long" (user "pager", HISTORY messages) pages as the spec reads
    ``limit``, ``before`` and ``has_more``: the newest ``limit`` messages before ``before``, oldest
    first, ``has_more`` while older ones remain. The real runtime does not (see the dev server's
    tests below); this fake keeps the façade's backwards paging tested."""

    def __init__(self) -> None:
        self.messages = [message(i, "long", "pager") for i in range(HISTORY)]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path, params = request.url.path, request.url.params
        if path.endswith("/sessions/long"):
            first, last = self.messages[0]["timestamp"], self.messages[-1]["timestamp"]
            data = {"session_id": "long", "user_id": "pager", "message_count": len(self.messages), "active": True}
            return httpx.Response(200, json=envelope({**data, "created_at": first, "last_activity": last}))
        if path.endswith("/sessions/long/messages"):
            older = self.messages
            if "before" in params:
                cutoff = datetime.fromisoformat(params["before"]).timestamp()
                older = [m for m in older if m["timestamp"] < cutoff]
            limit = int(params.get("limit", "50"))
            page = older[-limit:]
            data = {"session_id": "long", "messages": page, "count": len(page), "has_more": len(older) > limit}
            return httpx.Response(200, json=envelope(data))
        return httpx.Response(404, json={"success": False, "error": {"code": "RESOURCE_NOT_FOUND", "message": path}})


# --- fixtures ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def own_dev() -> Iterator[DevServer]:
    """A server of this module's own, seeded once: a user with a 2,500-message session, 25
    memories, three sessions and three tracked requests."""
    with DevServer() as dev, make_formation(dev) as formation:
        messages = [
            {"role": "user" if i % 2 == 0 else "assistant", "content": f"m{i}", "timestamp": at(i).isoformat()}
            for i in range(HISTORY)
        ]
        formation.ops.restore_session("long", body={"messages": messages}, user_id="pager")
        for i in range(25):
            formation.ops.create_memory(body={"type": "fact", "detail": f"memory {i}"}, user_id="pager")
        for i in range(3):
            formation.chat(f"hello {i}", session_id=f"chat-{i}", user_id="chatter")
        yield dev


@pytest.fixture
def observed(own_dev: DevServer) -> Iterator[tuple[Formation, Recorder]]:
    recorder = Recorder()
    with httpx.Client(event_hooks={"request": [recorder]}) as http, make_formation(own_dev, http_client=http) as f:
        yield f, recorder


@pytest.fixture
async def aobserved(own_dev: DevServer) -> AsyncIterator[tuple[AsyncFormation, Recorder]]:
    recorder = Recorder()

    async def hook(request: httpx.Request) -> None:
        recorder(request)

    async with (
        httpx.AsyncClient(event_hooks={"request": [hook]}) as http,
        make_async_formation(own_dev, http_client=http) as formation,
    ):
        yield formation, recorder


@pytest.fixture
def paged() -> Iterator[tuple[Formation, Recorder]]:
    """The façade on SpecPaging (an httpx.MockTransport: nothing goes on the network)."""
    recorder = Recorder()
    transport = httpx.MockTransport(SpecPaging())
    with (
        httpx.Client(transport=transport, event_hooks={"request": [recorder]}) as http,
        Formation(url="http://formation.invalid", client_key="fmc_x", max_retries=0, http_client=http) as formation,
    ):
        yield formation, recorder


@pytest.fixture
async def apaged() -> AsyncIterator[tuple[AsyncFormation, Recorder]]:
    recorder = Recorder()

    async def hook(request: httpx.Request) -> None:
        recorder(request)

    async with (
        httpx.AsyncClient(transport=httpx.MockTransport(SpecPaging()), event_hooks={"request": [hook]}) as http,
        AsyncFormation(
            url="http://formation.invalid", client_key="fmc_x", max_retries=0, http_client=http
        ) as formation,
    ):
        yield formation, recorder


def queries(recorder: Recorder, path_end: str = "") -> list[dict[str, str]]:
    """The query of each request sent to a path ending in ``path_end``."""
    return [dict(r.url.params) for r in recorder.requests if r.url.path.endswith(path_end)]


def names(messages: list[SessionMessage]) -> list[str]:
    return [m.content for m in messages]


# --- get_session: every message, from a server that pages as the spec reads ------------------------------


def test_get_session_reads_every_message_page_by_page(paged: tuple[Formation, Recorder]) -> None:
    formation, recorder = paged

    session = formation.get_session("long", user_id="pager")

    assert names(session.messages) == [f"m{i}" for i in range(HISTORY)]  # oldest first, none twice
    assert session.complete is True and session.message_count == HISTORY
    assert recorder.paths()[0].endswith("/sessions/long")  # the summary, then the pages, newest first
    assert queries(recorder, "/messages") == [
        {"limit": "1000"},
        {"limit": "1000", "before": at(1500).isoformat()},
        {"limit": "1000", "before": at(500).isoformat()},
    ]


def test_get_session_stops_at_max_messages_and_says_so(paged: tuple[Formation, Recorder]) -> None:
    formation, recorder = paged

    session = formation.get_session("long", user_id="pager", max_messages=1500)

    assert names(session.messages) == [f"m{i}" for i in range(1000, HISTORY)]  # the newest 1,500
    assert session.complete is False
    assert queries(recorder, "/messages") == [{"limit": "1000"}, {"limit": "500", "before": at(1500).isoformat()}]


def test_a_short_session_is_one_request_and_complete(observed: tuple[Formation, Recorder]) -> None:
    formation, recorder = observed

    session = formation.get_session("chat-0", user_id="chatter")

    assert [(m.role, m.content) for m in session.messages] == [("user", "hello 0"), ("assistant", "You said: hello 0")]
    assert session.complete is True
    assert queries(recorder, "/messages") == [{"limit": "1000"}]
    assert formation.create_session().complete is True  # nothing to read yet


@pytest.mark.anyio
async def test_async_get_session_reads_every_message(apaged: tuple[AsyncFormation, Recorder]) -> None:
    formation, recorder = apaged

    session = await formation.get_session("long", user_id="pager")

    assert names(session.messages) == [f"m{i}" for i in range(HISTORY)] and session.complete
    assert [q.get("before") for q in queries(recorder, "/messages")] == [
        None,
        at(1500).isoformat(),
        at(500).isoformat(),
    ]


# --- iter_session_messages, from a server that pages as the spec reads -----------------------------------


def test_iter_session_messages_pages_backwards_newest_first(paged: tuple[Formation, Recorder]) -> None:
    formation, recorder = paged

    got = list(formation.iter_session_messages("long", user_id="pager", page_size=1000))

    assert names(got) == [f"m{i}" for i in reversed(range(HISTORY))]
    assert queries(recorder) == [
        {"limit": "1000"},
        {"limit": "1000", "before": at(1500).isoformat()},
        {"limit": "1000", "before": at(500).isoformat()},
    ]
    assert all(r.headers["X-Muxi-User-ID"] == "pager" for r in recorder.requests)


def test_iter_session_messages_limit_asks_for_no_more_than_it_needs(paged: tuple[Formation, Recorder]) -> None:
    formation, recorder = paged

    got = list(formation.for_user("pager").iter_session_messages("long", page_size=300, limit=450))

    assert names(got) == [f"m{i}" for i in reversed(range(HISTORY - 450, HISTORY))]
    assert queries(recorder) == [{"limit": "300"}, {"limit": "150", "before": at(2200).isoformat()}]


def test_iter_session_messages_is_lazy(paged: tuple[Formation, Recorder]) -> None:
    formation, recorder = paged

    messages = formation.iter_session_messages("long", user_id="pager", page_size=10)
    assert recorder.requests == []  # nothing is sent before the loop asks
    for message in messages:
        assert message.content == f"m{HISTORY - 1}"
        break

    assert len(recorder.requests) == 1  # breaking out sends nothing more
    assert next(messages).content == f"m{HISTORY - 2}"  # resuming reads on from the same page
    assert len(recorder.requests) == 1


@pytest.mark.anyio
async def test_async_iter_session_messages(apaged: tuple[AsyncFormation, Recorder]) -> None:
    formation, recorder = apaged

    got = [message async for message in formation.iter_session_messages("long", user_id="pager", page_size=1000)]
    assert names(got) == [f"m{i}" for i in reversed(range(HISTORY))]
    assert len(recorder.requests) == 3

    recorder.requests.clear()
    async for message in formation.iter_session_messages("long", user_id="pager", page_size=5):
        assert message.content == f"m{HISTORY - 1}"
        break
    assert queries(recorder) == [{"limit": "5"}]


# --- iter_memories --------------------------------------------------------------------------------------------


def test_iter_memories_follows_offset_newest_first(observed: tuple[Formation, Recorder]) -> None:
    formation, recorder = observed

    got = list(formation.iter_memories(user_id="pager", page_size=10))

    assert all(isinstance(memory, models.Memory) for memory in got)
    assert [m.content for m in got] == [f"memory {i}" for i in reversed(range(25))]
    assert queries(recorder) == [
        {"limit": "10", "offset": "0"},
        {"limit": "10", "offset": "10"},
        {"limit": "10", "offset": "20"},  # 5: a short page is the last
    ]


def test_iter_memories_limit_scopes_and_default_page(observed: tuple[Formation, Recorder]) -> None:
    formation, recorder = observed

    assert len(list(formation.iter_memories(user_id="pager", page_size=10, limit=15))) == 15
    assert len(list(formation.iter_memories(user_id="pager", scopes=["user"]))) == 25

    assert queries(recorder) == [
        {"limit": "10", "offset": "0"},
        {"limit": "5", "offset": "10"},
        {"limit": "100", "offset": "0", "scopes": "user"},
    ]


def test_iter_memories_page_boundary_needs_one_more_request(observed: tuple[Formation, Recorder]) -> None:
    formation, recorder = observed

    assert len(list(formation.iter_memories(user_id="pager", page_size=5))) == 25

    assert [q["offset"] for q in queries(recorder)] == ["0", "5", "10", "15", "20", "25"]  # the last is empty


@pytest.mark.anyio
async def test_async_iter_memories_stops_when_the_loop_does(aobserved: tuple[AsyncFormation, Recorder]) -> None:
    formation, recorder = aobserved

    got = [memory.content async for memory in formation.iter_memories(user_id="pager", page_size=10)]
    assert got == [f"memory {i}" for i in reversed(range(25))] and len(recorder.requests) == 3

    recorder.requests.clear()
    async for _ in formation.iter_memories(user_id="pager", page_size=10):
        break
    assert queries(recorder) == [{"limit": "10", "offset": "0"}]


# --- listings the API does not page -----------------------------------------------------------------------------


def test_iter_sessions_is_one_request_for_the_most_the_api_lists(observed: tuple[Formation, Recorder]) -> None:
    formation, recorder = observed

    got = list(formation.iter_sessions(user_id="chatter"))
    first = list(formation.iter_sessions(user_id="chatter", active_only=True, limit=2))

    assert all(isinstance(s, SessionSummary) for s in got)
    assert [s.session_id for s in got] == ["chat-2", "chat-1", "chat-0"]  # most recent first
    assert [s.session_id for s in first] == ["chat-2", "chat-1"]
    assert queries(recorder) == [
        {"active_only": "false", "limit": "1000"},
        {"active_only": "true", "limit": "2"},
    ]


def test_iter_requests_lists_them_all_at_once(observed: tuple[Formation, Recorder]) -> None:
    formation, recorder = observed

    got = list(formation.iter_requests(user_id="chatter"))
    two = list(formation.iter_requests(user_id="chatter", limit=2))

    assert all(isinstance(r, TrackedRequest) and r.status == "completed" for r in got) and len(got) == 3
    assert two == got[:2]
    assert queries(recorder) == [{}, {}]


def test_iter_audit_entries_sends_the_filters(observed: tuple[Formation, Recorder]) -> None:
    formation, recorder = observed
    formation.ops.clear_audit_log(confirm="clear-audit-log")
    recorder.requests.clear()

    (entry,) = formation.iter_audit_entries()
    assert isinstance(entry, models.AuditEntry) and entry.action == "audit.cleared"
    assert list(formation.iter_audit_entries(action="audit.cleared", since=datetime(2020, 1, 1), limit=5)) == [entry]
    assert list(formation.iter_audit_entries(resource_type="secret", since="2020-01-01T00:00:00Z")) == []

    assert queries(recorder) == [
        {"limit": "1000"},
        {"limit": "5", "action": "audit.cleared", "since": "2020-01-01T00:00:00+00:00"},  # naive: UTC
        {"limit": "1000", "resource_type": "secret", "since": "2020-01-01T00:00:00Z"},
    ]
    assert all("X-MUXI-ADMIN-KEY" in r.headers for r in recorder.requests)


def canned(data: dict[str, Any]) -> Formation:
    """A formation whose every call answers the success envelope around ``data``."""
    body = json.dumps({"success": True, "object": "x", "type": "x", "timestamp": 1, "data": data}).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})

    return Formation(
        url="http://formation.invalid",
        client_key="fmc_x",
        admin_key="fma_x",
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
    )


def test_a_full_answer_without_a_cursor_says_there_may_be_more() -> None:
    summary = {"session_id": "s", "user_id": "u", "last_activity": 1.0, "active": True}
    entry = {
        "timestamp": "2026-01-01T00:00:00Z",
        "request_id": None,
        "action": "secret.created",
        "resource_type": "secret",
        "resource_id": "K",
        "user": "admin",
        "ip": None,
        "result": "success",
        "status_code": 201,
        "message": "created",
    }
    sessions = canned({"sessions": [summary] * 1000, "count": 1000})
    audit = canned({"entries": [entry] * 1000, "total_entries": 1000, "limit": 1000})

    seen: list[SessionSummary] = []
    with pytest.raises(MeshkitError, match="1000 sessions, the most it lists") as error:
        seen.extend(sessions.iter_sessions(user_id="u"))
    assert len(seen) == 1000 and "limit=" in str(error.value)  # yielded first, then said so
    assert len(list(sessions.iter_sessions(user_id="u", limit=1000))) == 1000  # asked for: no error
    with pytest.raises(MeshkitError, match="1000 entries"):
        list(audit.iter_audit_entries())
    assert len(list(audit.iter_audit_entries(limit=1000))) == 1000


# --- a server that does not page --------------------------------------------------------------------------------


def answering(route: Callable[[Received], dict[str, Any]]) -> Callable[[Received, socket.socket], None]:
    """A hostile-server behaviour answering each request with the envelope around ``route(request)``."""

    def behave(received: Received, connection: socket.socket) -> None:
        data = {"success": True, "object": "x", "type": "x", "timestamp": 1, "data": route(received)}
        body = json.dumps(data).encode()
        head = response_head(200, {"Content-Type": "application/json", "Content-Length": str(len(body))})
        connection.sendall(head + body)

    return behave


SUMMARY = {
    "session_id": "s",
    "user_id": "u",
    "message_count": 4,
    "active": True,
    "created_at": 1.0,
    "last_activity": 2.0,
}


def ignoring_before(received: Received) -> dict[str, Any]:
    """Like muxi-runtime 1.20260928.0: the oldest page, whatever ``before`` says."""
    if received.path.endswith("/sessions/s"):
        return SUMMARY
    return {"session_id": "s", "messages": [message(0), message(1)], "count": 2, "has_more": True}


def test_a_server_ignoring_before_is_not_looped_on() -> None:
    with hostile(answering(ignoring_before)) as server, Formation(url=server.url, client_key="fmc_x") as formation:
        got: list[SessionMessage] = []
        with pytest.raises(ResponseValidationError, match="has_more promised older messages") as error:
            got.extend(formation.iter_session_messages("s", user_id="u", page_size=2))
        assert names(got) == ["m1", "m0"]  # what it could read, then the error
        assert "before=" not in server.requests[0].path and "before=" in server.requests[1].path
        assert len(server.requests) == 2 and error.value.hint

        server.requests.clear()
        session = formation.get_session("s", user_id="u")
        assert names(session.messages) == ["m0", "m1"] and session.complete is False
        assert len(server.requests) == 3  # the summary, the page, the same page again: then it stops


def test_an_empty_page_that_promises_more_is_refused() -> None:
    def empty(received: Received) -> dict[str, Any]:
        return {"session_id": "s", "messages": [], "count": 0, "has_more": True}

    with hostile(answering(empty)) as server, Formation(url=server.url, client_key="fmc_x") as formation:
        with pytest.raises(ResponseValidationError, match="in its first page"):
            list(formation.iter_session_messages("s", user_id="u"))
        assert len(server.requests) == 1


def test_a_server_ignoring_offset_is_not_looped_on() -> None:
    def same_page(received: Received) -> dict[str, Any]:
        memory = {"content": "x", "created_at": None, "metadata": None, "scope": "user", "scope_id": "u"}
        return {"memories": [{**memory, "id": f"mem_{i}"} for i in range(3)], "count": 3}

    with hostile(answering(same_page)) as server, Formation(url=server.url, client_key="fmc_x") as formation:
        got: list[Any] = []
        with pytest.raises(ResponseValidationError, match="only memories read already"):
            got.extend(formation.iter_memories(user_id="u", page_size=3))
        assert [m.id for m in got] == ["mem_0", "mem_1", "mem_2"]
        assert [r.path.split("?")[1] for r in server.requests] == ["limit=3&offset=0", "limit=3&offset=3"]


@pytest.mark.anyio
async def test_async_iterators_refuse_a_server_that_does_not_page() -> None:
    with hostile(answering(ignoring_before)) as server:
        async with AsyncFormation(url=server.url, client_key="fmc_x") as formation:
            with pytest.raises(ResponseValidationError):
                async for _ in formation.iter_session_messages("s", user_id="u", page_size=2):
                    pass
            assert len(server.requests) == 2
            session = await formation.get_session("s", user_id="u")
            assert session.complete is False and names(session.messages) == ["m0", "m1"]


# --- bad arguments ------------------------------------------------------------------------------------------------

U = {"user_id": "u"}
BAD = [
    ("iter_session_messages", ("s",), {**U, "page_size": 0}, "page_size"),
    ("iter_session_messages", ("s",), {**U, "page_size": 1001}, "page_size"),
    ("iter_session_messages", ("s",), {**U, "page_size": "10"}, "page_size"),
    ("iter_session_messages", ("s",), {**U, "page_size": True}, "page_size"),
    ("iter_session_messages", ("s",), {**U, "limit": 0}, "limit"),
    ("iter_memories", (), {**U, "page_size": 101}, "page_size"),
    ("iter_memories", (), {**U, "limit": -1}, "limit"),
    ("iter_memories", (), {**U, "limit": 2.5}, "limit"),
    ("iter_sessions", (), {**U, "limit": 1001}, "limit"),
    ("iter_requests", (), {**U, "limit": 0}, "limit"),
    ("iter_audit_entries", (), {"limit": 1001}, "limit"),
    ("iter_audit_entries", (), {"since": 1700000000}, "since"),
    ("get_session", ("s",), {**U, "max_messages": 0}, "max_messages"),
]


@pytest.mark.parametrize(("method", "args", "kwargs", "field"), BAD)
def test_bad_arguments_are_refused_at_the_call_before_sending(
    observed: tuple[Formation, Recorder], method: str, args: tuple[Any, ...], kwargs: dict[str, Any], field: str
) -> None:
    formation, recorder = observed

    with pytest.raises(ValidationError) as error:
        getattr(formation, method)(*args, **kwargs)  # the call itself, not the loop, refuses

    assert error.value.field == field and field in str(error.value)
    assert recorder.requests == []


@pytest.mark.anyio
async def test_async_bad_arguments_are_refused_at_the_call(aobserved: tuple[AsyncFormation, Recorder]) -> None:
    formation, recorder = aobserved

    with pytest.raises(ValidationError, match="page_size"):
        formation.iter_memories(user_id="u", page_size=0)  # no await, no iteration: the call itself
    with pytest.raises(ValidationError, match="max_messages"):
        await formation.get_session("s", user_id="u", max_messages=-5)
    assert recorder.requests == []


# --- the dev server answers as muxi-runtime 1.20260928.0 does ------------------------------------------------------
# The runtime answers the oldest `limit` messages and ignores `before` (its buffer lacks the method the
# route calls); the dev server mirrors it, so what these tests see is what a user gets on the runtime.


def test_the_dev_server_answers_the_oldest_page_and_ignores_before(own_dev: DevServer) -> None:
    with make_formation(own_dev) as formation:
        default = formation.ops.get_session_messages("long", user_id="pager")
        three = formation.ops.get_session_messages("long", limit=3, user_id="pager")
        before = formation.ops.get_session_messages("long", limit=3, before=at(10).isoformat(), user_id="pager")
        unreadable = formation.ops.get_session_messages("long", limit=3, before="not a time", user_id="pager")
        most = formation.ops.get_session_messages("long", limit=1000, user_id="pager")
        unknown = formation.ops.get_session_messages("nope", user_id="pager")
        not_theirs = formation.ops.get_session_messages("long", user_id="somebody-else")

    assert [m.text for m in default.messages] == [f"m{i}" for i in range(50)]  # the default limit, 50
    assert (default.count, default.has_more) == (50, True)
    for page in (three, before, unreadable):  # before, even one that is no time, changes nothing
        assert [m.text for m in page.messages] == ["m0", "m1", "m2"] and page.has_more is True
    assert [m.text for m in most.messages] == [f"m{i}" for i in range(1000)] and most.has_more is True
    for empty in (unknown, not_theirs):  # no such session of the user's: an empty page, not a 404
        assert (empty.messages, empty.count, empty.has_more) == ([], 0, False)


def test_get_session_on_the_dev_server_gives_the_first_page_and_says_it_is_incomplete(
    observed: tuple[Formation, Recorder],
) -> None:
    formation, recorder = observed

    session = formation.get_session("long", user_id="pager")

    assert names(session.messages) == [f"m{i}" for i in range(1000)]  # the oldest 1,000: all the runtime gives
    assert session.complete is False and session.message_count == HISTORY
    # The second page, asked before the oldest message read, is the first again: the walk stops there.
    assert queries(recorder, "/messages") == [{"limit": "1000"}, {"limit": "1000", "before": at(0).isoformat()}]


def test_iter_session_messages_on_the_dev_server_raises_after_the_first_page(
    observed: tuple[Formation, Recorder],
) -> None:
    formation, recorder = observed

    got: list[SessionMessage] = []
    with pytest.raises(ResponseValidationError, match="has_more promised older messages") as error:
        got.extend(formation.iter_session_messages("long", user_id="pager", page_size=50))

    assert names(got) == [f"m{i}" for i in reversed(range(50))]  # the first page, yielded before the error
    assert error.value.hint and "stopped after 50 items" in str(error.value)
    assert queries(recorder) == [{"limit": "50"}, {"limit": "50", "before": at(0).isoformat()}]


def test_iter_session_messages_within_one_page_gets_the_oldest_on_the_dev_server(
    observed: tuple[Formation, Recorder],
) -> None:
    # One page cannot tell the runtime's oldest page from the spec's newest one: with a limit
    # within the first page, a user of the runtime gets its oldest messages, and no error.
    formation, recorder = observed

    got = list(formation.iter_session_messages("long", user_id="pager", limit=3))

    assert names(got) == ["m2", "m1", "m0"]
    assert queries(recorder) == [{"limit": "3"}]


@pytest.mark.anyio
async def test_async_on_the_dev_server_incomplete_and_raises(aobserved: tuple[AsyncFormation, Recorder]) -> None:
    formation, _ = aobserved

    session = await formation.get_session("long", user_id="pager")
    assert session.complete is False and names(session.messages) == [f"m{i}" for i in range(1000)]

    got: list[SessionMessage] = []
    with pytest.raises(ResponseValidationError, match="has_more promised older messages"):
        async for message in formation.iter_session_messages("long", user_id="pager", page_size=100):
            got.append(message)
    assert names(got) == [f"m{i}" for i in reversed(range(100))]
