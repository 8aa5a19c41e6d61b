"""GET /v1/sessions/{id}/messages on a session longer than one page: the dev server against the real
runtime, call for call (the recorded fixtures compare shapes only; this compares the answers).

muxi-runtime 1.20260928.0 answers the *oldest* ``limit`` messages (default 50) with ``has_more``,
and ignores ``before`` (sessions.py's route calls ``buffer.get_messages``, which its WorkingMemory
lacks, and falls back to scanning the buffer from its start). The dev server must answer the same,
and meshkit's façade must then give a user the same outcome on both: ``get_session(...).complete``
False past one page, ``iter_session_messages`` raising ResponseValidationError after the first.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from meshkit import Formation, ResponseValidationError
from meshkit.devserver import DevServer

MESSAGES = 60  # longer than the default limit, 50
START = datetime(2026, 1, 1, tzinfo=UTC)


def at(index: int) -> datetime:
    return START + timedelta(seconds=index)


@pytest.fixture(scope="module")
def dev() -> Iterator[Formation]:
    with DevServer() as server:
        formation = Formation(
            url=server.formation_url,
            client_key=server.config.client_key,
            admin_key=server.config.admin_key,
            max_retries=0,
        )
        with formation:
            yield formation


def seeded(formation: Any, user: str, session: str) -> None:
    history = [
        {"role": "user" if i % 2 == 0 else "assistant", "content": f"m{i}", "timestamp": at(i).isoformat()}
        for i in range(MESSAGES)
    ]
    restored = formation.ops.restore_session(session, body={"messages": history}, as_user=user)
    # The runtime's buffer is shared and bounded (50 x 10 here): a full one would drop some.
    assert (restored.messages_loaded, restored.messages_dropped) == (MESSAGES, 0)


def page(answer: Any) -> tuple[list[str], int, bool]:
    return [m.text for m in answer.messages], answer.count, answer.has_more


def answers(formation: Any) -> dict[str, Any]:
    """The same calls, on a fresh user's 60-message session: each raw page, then the façade's outcome."""
    user, session = f"pages-{uuid.uuid4().hex[:8]}", f"pages-session-{uuid.uuid4().hex[:8]}"
    seeded(formation, user, session)
    ops = formation.ops
    got: dict[str, Any] = {
        "default": page(ops.get_session_messages(session, as_user=user)),
        "limit=10": page(ops.get_session_messages(session, limit=10, as_user=user)),
        "limit=10, before=m30": page(
            ops.get_session_messages(session, limit=10, before=at(30).isoformat(), as_user=user)
        ),
        "before=m5": page(ops.get_session_messages(session, before=at(5).isoformat(), as_user=user)),
        "before=garbage": page(ops.get_session_messages(session, before="not a time", as_user=user)),
        "limit=59": page(ops.get_session_messages(session, limit=59, as_user=user)),
        "limit=60": page(ops.get_session_messages(session, limit=60, as_user=user)),
        "limit=1000": page(ops.get_session_messages(session, limit=1000, as_user=user)),
        "unknown session": page(ops.get_session_messages(f"{session}-nope", as_user=user)),
        "another user": page(ops.get_session_messages(session, as_user=f"{user}-other")),
    }
    whole = formation.get_session(session, user_id=user)
    got["get_session"] = ([m.content for m in whole.messages], whole.message_count, whole.complete)
    capped = formation.get_session(session, user_id=user, max_messages=50)
    got["get_session max_messages=50"] = ([m.content for m in capped.messages], capped.complete)
    read: list[str] = []
    try:
        read.extend(m.content for m in formation.iter_session_messages(session, user_id=user, page_size=50))
        got["iter page_size=50"] = (read, None)
    except ResponseValidationError as error:
        got["iter page_size=50"] = (read, type(error).__name__)
    got["iter limit=10"] = [m.content for m in formation.iter_session_messages(session, user_id=user, limit=10)]
    return got


def names(indexes: Iterable[int]) -> list[str]:
    return [f"m{i}" for i in indexes]


RUNTIME = {  # what muxi-runtime 1.20260928.0 answered (make test-real)
    "default": (names(range(50)), 50, True),
    "limit=10": (names(range(10)), 10, True),
    "limit=10, before=m30": (names(range(10)), 10, True),  # before ignored
    "before=m5": (names(range(50)), 50, True),
    "before=garbage": (names(range(50)), 50, True),  # any string: no 422
    "limit=59": (names(range(59)), 59, True),
    "limit=60": (names(range(60)), 60, False),
    "limit=1000": (names(range(60)), 60, False),
    "unknown session": ([], 0, False),  # an empty page, not a 404
    "another user": ([], 0, False),
    "get_session": (names(range(60)), 60, True),  # one page of 1,000 holds it all
    "get_session max_messages=50": (names(range(50)), False),
    "iter page_size=50": (names(reversed(range(50))), "ResponseValidationError"),
    "iter limit=10": names(reversed(range(10))),  # the oldest ten: one page cannot tell
}


def test_the_runtime_answers_the_oldest_page_and_ignores_before(formation: Any) -> None:
    assert answers(formation) == RUNTIME


def test_the_dev_server_answers_a_long_session_as_the_runtime(formation: Any, dev: Formation) -> None:
    runtime, devserver = answers(formation), answers(dev)
    assert {k: v for k, v in devserver.items() if runtime[k] != v} == {}
