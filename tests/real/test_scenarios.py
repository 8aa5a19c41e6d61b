"""Scenarios through meshkit's façade and ``formation.ops`` against the real runtime (PostgreSQL).

The stub LLM answers ``You said: <message>``, so chat text is predictable end to end.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from meshkit import Completed, NotFoundError
from settle import settled_session


def _uid(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def test_health(formation: Any) -> None:
    health = formation.health()
    status = health.get("status") if isinstance(health, dict) else getattr(health, "status", None)
    assert status in ("healthy", "ok"), health


def test_blocking_chat_answers_with_the_stub_text(formation: Any) -> None:
    user, session = _uid("chat-user"), _uid("chat-session")
    answer = formation.chat("hello real runtime", session_id=session, user_id=user)
    assert answer.text == "You said: hello real runtime"
    assert answer.session_id == session
    assert answer.user_id == user
    assert answer.request_id and answer.request_id.startswith("req_")
    assert answer.artifacts == [] and answer.ui == []


def test_chat_names_an_agent(formation: Any) -> None:
    answer = formation.chat("which agent", agent="researcher", user_id=_uid("agent-user"))
    assert answer.text == "You said: which agent"


def test_agents(formation: Any) -> None:
    agents = {agent.id: agent for agent in formation.list_agents()}
    assert set(agents) == {"assistant", "researcher"}
    researcher = formation.get_agent("researcher")
    assert researcher.name == "Researcher"
    assert (researcher.system_message, researcher.source) == ("You research topics carefully.", "formation")
    assert researcher.knowledge.additional_properties["enabled"] is True
    assert researcher.description == "Researches topics in depth"
    with pytest.raises(NotFoundError) as caught:
        formation.get_agent("nobody")
    assert caught.value.request_id


def test_sessions_chain(formation: Any) -> None:
    user, session = _uid("session-user"), _uid("session")
    formation.chat("first message", session_id=session, user_id=user)
    formation.chat("second message", session_id=session, user_id=user)
    listed = formation.list_sessions(user_id=user)
    assert [s.session_id for s in listed] == [session]
    got = settled_session(formation, session, user, 4)
    assert got.id == session and got.user_id == user
    assert got.message_count == 4  # two user turns, two answers
    assert len(got.messages) == 4
    assert [(m.role, m.content) for m in got.messages] == [
        ("user", "first message"),
        ("assistant", "You said: first message"),
        ("user", "second message"),
        ("assistant", "You said: second message"),
    ]
    assert got.created_at is not None and got.created_at.tzinfo is not None
    # The runtime stamps messages as it stores them, in the background: timezone-aware datetimes,
    # but not necessarily after the session's own created_at (measured: one was a moment before).
    assert all(m.timestamp is not None and m.timestamp.tzinfo is not None for m in got.messages)
    raw = formation.ops.get_session_messages(session, as_user=user)
    texts = [m.text for m in raw.messages]
    assert texts == ["first message", "You said: first message", "second message", "You said: second message"]
    assert {m.metadata.session_id for m in raw.messages} == {session}


def test_requests_are_listed_and_read(formation: Any) -> None:
    user = _uid("request-user")
    answer = formation.chat("track me", user_id=user, session_id=_uid("request-session"))
    (listed,) = formation.ops.list_requests(as_user=user).requests
    assert listed.user_id == user and listed.status == "completed"
    assert listed.request_id == answer.request_id
    tracked = formation.get_request(answer.request_id, user_id=user)
    assert (tracked.status, tracked.result) == ("completed", "You said: track me")
    assert tracked.created_at is not None and tracked.completed_at is not None
    assert tracked.created_at <= tracked.completed_at
    status = formation.ops.get_request_status(listed.request_id, as_user=user)
    assert status.request_id == listed.request_id
    assert status.result == "You said: track me"


def test_memories_chain(formation: Any) -> None:
    user = _uid("memory-user")
    created = formation.ops.create_memory(body={"type": "preference", "detail": "likes green tea"}, as_user=user)
    assert (created.content.detail, created.scope, created.scope_id) == ("likes green tea", "user", None)
    assert created.id
    listed = formation.ops.list_memories(as_user=user)
    assert [m.content for m in listed.memories] == ["likes green tea"]
    assert listed.count == 1
    formation.ops.delete_memory(created.id, as_user=user)
    assert formation.ops.list_memories(as_user=user).count == 0


def test_user_buffer_chain(formation: Any) -> None:
    user, session = _uid("buffer-user"), _uid("buffer-session")
    formation.chat("buffer me", session_id=session, user_id=user)
    buffer = formation.ops.get_user_buffer(as_user=user)
    assert buffer.user_id == user and buffer.total_messages >= 1
    session_cleared = formation.ops.clear_session_buffer(session, as_user=user)
    assert (session_cleared.user_id, session_cleared.session_id) == (user, session)
    assert session_cleared.messages_cleared >= 1
    assert formation.ops.clear_user_buffer(as_user=user).user_id == user
    stats = formation.ops.get_buffer_stats()
    assert stats.total_entries >= stats.total_sessions >= 0 and stats.total_users >= 0


def test_secrets_chain(formation: Any) -> None:
    key = f"REAL_{uuid.uuid4().hex[:8].upper()}"
    formation.create_secret(key, "first-value")
    assert key in formation.list_secrets()
    masked = formation.get_secret(key)
    assert "first-value" not in masked
    formation.update_secret(key, "second-value")
    formation.delete_secret(key)
    assert key not in formation.list_secrets()
    with pytest.raises(NotFoundError):
        formation.delete_secret(key)


def test_triggers(formation: Any) -> None:
    assert formation.list_triggers() == ["github-issue"]
    detail = formation.ops.get_trigger("github-issue")
    assert detail.name == "github-issue"
    fired = formation.trigger(
        "github-issue",
        data={"repository": "muxi/runtime", "issue": {"number": 123, "title": "Bug report"}},
        use_async=False,
        user_id=_uid("trigger-user"),
    )
    assert fired.status == "completed"
    assert "Issue #123: Bug report" in str(fired.content)
    with pytest.raises(NotFoundError):
        formation.ops.get_trigger("no-such-trigger")


def test_sops(formation: Any) -> None:
    listed = formation.ops.list_sops()
    assert [(s.name, s.type_, s.steps) for s in listed.sops] == [("release-checklist", "template", 3)]
    sop = formation.ops.get_sop("release-checklist")
    assert "Tag the release" in sop.content and sop.steps == 3 and sop.references is None


def test_scheduler_chain(formation: Any) -> None:
    user = _uid("job-user")
    job = formation.ops.create_scheduler_job(
        body={"type": "recurring", "schedule": "0 9 * * *", "message": "daily digest"}, as_user=user
    )
    assert (job.cron_expression, job.original_prompt, job.status) == ("0 9 * * *", "daily digest", "ACTIVE")
    assert job.user_id == user
    assert job.id in [j.id for j in formation.ops.list_scheduler_jobs(as_user=user).jobs]
    assert formation.ops.get_scheduler_job(job.id, as_user=user).id == job.id
    renamed = formation.ops.update_scheduler_job(job.id, body={"title": "renamed digest"}, as_user=user)
    assert (renamed.title, renamed.cron_expression) == ("renamed digest", "0 9 * * *")
    assert formation.ops.pause_scheduler_job(job.id, as_user=user).status == "PAUSED"
    assert formation.ops.resume_scheduler_job(job.id, as_user=user).status == "ACTIVE"
    formation.ops.delete_scheduler_job(job.id, as_user=user)
    with pytest.raises(NotFoundError):
        formation.ops.get_scheduler_job(job.id, as_user=user)


def test_users_resolve_and_lookup(formation: Any) -> None:
    identifier = f"{_uid('person')}@example.com"
    resolved = formation.ops.resolve_user(body={"identifier": identifier})
    assert resolved.muxi_user_id
    assert formation.ops.lookup_user(identifier).muxi_user_id == resolved.muxi_user_id
    alias = _uid("alias")
    formation.ops.link_user_identifiers(body={"muxi_user_id": resolved.muxi_user_id, "identifiers": [alias]})
    identifiers = formation.ops.get_user_identifiers(resolved.muxi_user_id)
    assert alias in str(identifiers)
    formation.ops.unlink_user_identifier(alias)


def test_mcp_server_and_tools(formation: Any) -> None:
    servers = formation.ops.list_mcp_servers()
    assert [server.id for server in servers.servers] == ["echo"] and servers.count == 1
    echo = formation.ops.get_mcp_server("echo")
    assert echo.description.startswith("Echoes text back") and echo.source == "formation"
    assert echo.args and echo.args[0].endswith("echo_server.py")
    tools = formation.ops.list_mcp_tools().tools
    assert {tool.name: tool.access for tool in tools}["chat"] == "client"
    assert tools[1].parameters["agent_id"].required is True
    config = formation.ops.get_mcp_config()
    assert (config.default_retry_attempts, [server.id for server in config.servers]) == (3, ["echo"])


def test_configuration_reads(formation: Any) -> None:
    info = formation.ops.get_formation_info()
    assert (info.id, info.formation_id, [agent.id for agent in info.agents]) == (
        "meshkit-real",
        "meshkit-real",
        ["assistant", "researcher"],
    )
    assert "scheduler" in info.additional_properties  # the formation file's other sections, free-form
    status = formation.ops.get_status()
    assert (status.formation.id, status.agents.count, status.mcp_servers.active) == ("meshkit-real", 2, 1)
    assert status.stats.running.since > 0 and status.stats.buffer_size == 50
    config = formation.ops.get_config()
    assert (config.agents.total, config.llm.resource, config.mcp.servers.total) == (2, "/v1/llm/settings", 1)
    overlord = formation.ops.get_overlord_config()
    assert overlord.caching.ttl == 3600 and overlord.workflow.max_parallel_tasks == 5
    assert formation.ops.get_overlord_soul().soul == ""
    llm = formation.ops.get_llm_settings()
    assert (llm.models[0].text, llm.models[1].embedding) == ("openai/gpt-4o-mini", "openai/text-embedding-3-small")
    assert llm.api_keys["openai"].startswith("sk-") and "stub" not in llm.api_keys["openai"]  # masked
    destinations = formation.ops.list_logging_destinations()
    assert (destinations.system.destination, destinations.conversation.count) == ("stdout", 0)
    assert formation.ops.get_async_config().webhook_url.endswith("/webhook")
    memory = formation.ops.get_memory_config()  # the formation file's memory section, as written
    assert memory.buffer.additional_properties == {"size": 50} and memory.lint.additional_properties["enabled"]


def test_knowledge_sync_and_rebuild(formation: Any) -> None:
    (synced,) = formation.ops.sync_agent_knowledge("researcher", body={}).results
    assert synced.status == "success" and synced.url.startswith("file://") and synced.files_failed == 0
    rebuilt = formation.ops.rebuild_knowledge(body={"agent_id": "assistant"})
    assert rebuilt.agents["assistant"].rebuilt == [] and rebuilt.source_id is None


def test_tuning_chain(formation: Any) -> None:
    replaced = formation.ops.replace_tuning(body={"content": "# Tone\n"})
    assert replaced.bytes_ == 7 and replaced.path.endswith("/MUXI.md")  # bytes_: a field named like a builtin gets a _
    assert formation.ops.get_tuning().content.rstrip("\n") == "# Tone"  # the runtime drops the final newline
    pending = formation.ops.get_tuning_pending()
    assert pending.content is None and pending.path.endswith("/PENDING-MUXI.md")
    run = formation.ops.run_tuning()
    assert run.trigger == "manual" and run.benchmark_suites_run == [] and run.duration_ms >= 0


def test_audit_log_records_its_own_clearing(formation: Any) -> None:
    formation.ops.clear_audit_log(confirm="clear-audit-log")
    entries = formation.ops.get_audit_log().entries
    assert [(entry.action, entry.resource_type) for entry in entries] == [("audit.cleared", "audit_log")]


def test_artifacts_chain(formation: Any) -> None:
    """The stub makes the agent call generate_file; streamed, the chat completes with the artifact."""
    user = _uid("artifact-user")
    with formation.chat_stream("make a file STUB_ARTIFACT", user_id=user) as stream:
        events = list(stream)
    assert stream.text == "You said: make a file STUB_ARTIFACT"
    completed = next(e for e in events if isinstance(e, Completed))
    assert [a["filename"] for a in completed.data["artifacts"]] == ["stub-artifact.txt"]
    listed = formation.ops.list_artifacts(as_user=user).artifacts
    assert [(a.name, a.content_type, a.size_bytes) for a in listed] == [("stub-artifact.txt", "text/plain", 19)]
    artifact_id = listed[0].id
    assert formation.ops.get_artifact(artifact_id, as_user=user).name == "stub-artifact.txt"
    versions = formation.ops.list_artifact_versions(artifact_id, as_user=user).versions
    assert [v.version for v in versions] == [1]
    content = formation.ops.download_artifact_content(artifact_id, as_user=user)
    assert "hello from the stub" in str(content)


def test_cancel_an_in_flight_request(formation: Any) -> None:
    from probe import _in_flight_request

    user = _uid("cancel-user")
    request_id = _in_flight_request(formation, user)
    assert request_id, "no request in flight (the stub delays STUB_SLOW chats by 4 s)"
    cancelled = formation.ops.cancel_request(request_id, as_user=user)
    assert cancelled.status == "cancelled"
