"""Two end users through ``for_user`` see only their own sessions, requests and memories
(the runtime enforces it on PostgreSQL)."""

from __future__ import annotations

import uuid
from typing import Any


def test_two_users_see_only_their_own(formation: Any) -> None:
    tag = uuid.uuid4().hex[:8]
    alice, bob = formation.for_user(f"alice-{tag}"), formation.for_user(f"bob-{tag}")
    alice_answer = alice.chat("I am alice", session_id=f"alice-session-{tag}")
    bob_answer = bob.chat("I am bob", session_id=f"bob-session-{tag}")
    assert alice_answer.user_id == f"alice-{tag}" and bob_answer.user_id == f"bob-{tag}"

    assert [s.session_id for s in alice.list_sessions()] == [f"alice-session-{tag}"]
    assert [s.session_id for s in bob.list_sessions()] == [f"bob-session-{tag}"]

    # One user reading the other's session gets nothing of it.
    assert bob.ops.get_session_messages(f"alice-session-{tag}").messages == []

    alice_requests = alice.ops.list_requests().requests
    bob_requests = bob.ops.list_requests().requests
    assert [r.user_id for r in alice_requests] == [f"alice-{tag}"]
    assert [r.user_id for r in bob_requests] == [f"bob-{tag}"]
    assert alice_requests[0].request_id != bob_requests[0].request_id

    alice.ops.create_memory(body={"type": "preference", "detail": "alice likes tea"})
    assert [m.content for m in alice.ops.list_memories().memories] == ["alice likes tea"]
    assert bob.ops.list_memories().memories == []
