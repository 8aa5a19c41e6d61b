"""Every formation operation of the spec through ``formation.ops``: each comes back as its typed
model (or a Stream), or as a typed meshkit error; and ``ops`` reaches operations that have no
hand-written method with the same auth, user header, envelope unwrapping and typed models."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from formation_support import LOOPBACK_ONLY, Recorder, make_formation
from meshkit import AuthenticationError, Formation, MeshkitError, NotFoundError, Stream, StreamEvent
from meshkit._generated import models
from meshkit._generated.operations import OPERATIONS
from meshkit.devserver import DevServer

pytestmark = LOOPBACK_ONLY

FORMATION_OPS = sorted(op_id for op_id, entry in OPERATIONS.items() if "formation" in entry["tags"])
USER = "ops_user"
MISSING = "missing_0"  # a placeholder id: NotFoundError is an acceptable answer


def _audio(text: str) -> dict[str, Any]:
    content = base64.b64encode(text.encode()).decode()
    return {"filename": "hello.wav", "content": content, "content_type": "audio/wav", "size": len(text)}


# operationId → (positional path parameters, keyword arguments). Bodies are the smallest the
# dev server accepts; user_id= goes wherever the operation takes a user.
CALLS: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
    "apply_tuning_pending": ((), {}),
    "audio_chat": ((), {"body": {"files": [_audio("hello")], "stream": False}}),
    "backfill_memory": ((), {"body": {"user_id": USER}}),
    "cancel_request": ((MISSING,), {"user_id": USER}),
    "chat": ((), {"body": {"message": "Hello!", "stream": False}, "user_id": USER}),
    "clear_audit_log": ((), {"confirm": "clear-audit-log"}),
    "clear_memory_buffers": ((), {}),
    "clear_session_buffer": ((MISSING,), {"user_id": USER}),
    "clear_user_buffer": ((), {"user_id": USER}),
    "create_credential": ((), {"body": {"service": "github", "credential": {"token": "ghp_example"}}, "user_id": USER}),
    "create_memory": ((), {"body": {"type": "preference", "detail": "likes tea"}, "user_id": USER}),
    "create_scheduler_job": ((), {"body": {"type": "recurring", "schedule": "0 9 * * 1", "message": "Weekly"}}),
    "create_secret": ((), {"body": {"key": "OPS_SECRET", "value": "ops_example"}}),
    "delete_credential": ((MISSING,), {"user_id": USER}),
    "delete_memory": ((MISSING,), {"user_id": USER}),
    "delete_scheduler_job": ((MISSING,), {}),
    "delete_secret": ((MISSING,), {}),
    "dismiss_tuning_pending": ((), {}),
    "download_artifact_content": ((MISSING,), {"user_id": USER}),
    "fire_trigger": (("github-issue",), {"body": {"data": {"issue": 1}, "use_async": True}, "user_id": USER}),
    "forget_memory_source": ((), {"body": {"user_id": USER, "source": "docs"}}),
    "get_a2a_config": ((), {}),
    "get_agent": (("assistant",), {}),
    "get_artifact": ((MISSING,), {"user_id": USER}),
    "get_async_config": ((), {}),
    "get_audit_log": ((), {"limit": 10}),
    "get_buffer_stats": ((), {}),
    "get_config": ((), {}),
    "get_credential": ((MISSING,), {"user_id": USER}),
    "get_distilled_status": ((MISSING,), {}),
    "get_formation_info": ((), {}),
    "get_health": ((), {}),
    "get_history": ((), {"user_id": USER}),
    "get_ingestion_status": ((MISSING,), {"user_id": USER}),
    "get_llm_settings": ((), {}),
    "get_logging_config": ((), {}),
    "get_mcp_config": ((), {}),
    "get_mcp_server": ((MISSING,), {}),
    "get_memory_config": ((), {}),
    "get_memory_forget_status": ((MISSING,), {}),
    "get_memory_provenance": ((), {"entity": "tea", "user_id": USER}),
    "get_memory_rebuild_status": ((MISSING,), {}),
    "get_overlord_config": ((), {}),
    "get_overlord_soul": ((), {}),
    "get_request_status": ((MISSING,), {"user_id": USER}),
    "get_scheduler_config": ((), {}),
    "get_scheduler_job": ((MISSING,), {}),
    "get_session": ((MISSING,), {"user_id": USER}),
    "get_session_messages": ((MISSING,), {"user_id": USER}),
    "get_skill": ((MISSING,), {}),
    "get_sop": ((MISSING,), {}),
    "get_status": ((), {}),
    "get_trigger": (("github-issue",), {}),
    "get_tuning": ((), {}),
    "get_tuning_pending": ((), {}),
    "get_user_buffer": ((), {"user_id": USER}),
    "get_user_channels": ((USER,), {}),
    "get_user_identifiers": ((MISSING,), {}),
    "ingest_distilled_memories": ((), {}),
    "ingest_memories_batch": ((), {"body": {"items": [{"source": "docs", "content": "likes tea"}]}, "user_id": USER}),
    "link_user_identifiers": ((), {"body": {"identifiers": ["ops@example.com"]}}),
    "lint_memory": ((), {"body": {"user_id": USER}}),
    "list_agent_skills": (("assistant",), {}),
    "list_agents": ((), {}),
    "list_artifact_versions": ((MISSING,), {"user_id": USER}),
    "list_artifacts": ((), {"user_id": USER}),
    "list_credential_services": ((), {}),
    "list_credentials": ((), {"user_id": USER}),
    "list_distilleries": ((), {}),
    "list_logging_destinations": ((), {}),
    "list_mcp_servers": ((), {}),
    "list_mcp_tools": ((), {}),
    "list_memories": ((), {"user_id": USER}),
    "list_memory_buffers": ((), {}),
    "list_requests": ((), {"user_id": USER}),
    "list_scheduler_jobs": ((), {"user_id": USER}),
    "list_secrets": ((), {}),
    "list_sessions": ((), {"user_id": USER}),
    "list_skills": ((), {}),
    "list_sops": ((), {}),
    "list_triggers": ((), {}),
    "lookup_user": ((MISSING,), {}),
    "pause_scheduler_job": ((MISSING,), {}),
    "rebuild_knowledge": ((), {"body": {"agent_id": "assistant"}}),
    "rebuild_memory": ((), {"body": {"user_id": USER}}),
    "register_distillery": ((), {"body": {"name": "ops-distillery", "public_key": "ed25519:AAAA"}}),
    "reload_secrets": ((), {}),
    "replace_tuning": ((), {"body": {"content": "Be brief."}}),
    "resolve_user": ((), {"body": {"identifier": "resolved@example.com", "identifier_type": "email"}}),
    "restore_session": (
        ("sess_restored",),
        {
            "body": {"messages": [{"role": "user", "content": "hi", "timestamp": "2026-01-01T00:00:00Z"}]},
            "user_id": USER,
        },
    ),
    "resume_scheduler_job": ((MISSING,), {}),
    "revoke_distillery": ((MISSING,), {}),
    "run_tuning": ((), {}),
    "send_notification": ((), {"body": {"user_id": USER, "message": "hello"}}),
    "stream_events": ((), {"user_id": USER}),
    "stream_logs": ((), {}),
    "stream_request_events": ((MISSING, MISSING), {"user_id": USER}),
    "stream_session_events": ((MISSING,), {"user_id": USER}),
    "sync_agent_knowledge": (("researcher",), {}),  # the agent with a remote knowledge source
    "unlink_user_identifier": ((MISSING,), {}),
    "update_scheduler_job": ((MISSING,), {"body": {"title": "renamed"}}),
    "update_secret": (("OPENAI_API_KEY",), {"body": {"value": "sk-rotated"}}),
    "update_user_channels": ((USER,), {"body": {"timezone": "Europe/Paris"}}),
}

# Calls made first, so that the operation has something to act on.
SETUP = {"apply_tuning_pending": "run_tuning", "dismiss_tuning_pending": "run_tuning"}

# The outcomes that are not "a typed result or a NotFoundError for a placeholder".
EXPECTED_ERRORS: dict[str, type[MeshkitError]] = {
    # POST /memories/distilled needs Ed25519 signature headers (X-Distillery-*) and a body, and the
    # spec describes neither, so no ops call can send them: the runtime refuses with 401.
    "ingest_distilled_memories": AuthenticationError,
}


@pytest.fixture(scope="module")
def own_dev() -> Iterator[DevServer]:
    """A server of this module's own: the calls change state (secrets, audit log, tuning…)."""
    with DevServer() as dev:
        yield dev


@pytest.fixture(scope="module")
def ops_formation(own_dev: DevServer) -> Iterator[Formation]:
    with make_formation(own_dev) as formation:
        yield formation


def test_the_table_covers_every_formation_operation() -> None:
    assert len(FORMATION_OPS) == 103
    assert sorted(CALLS) == FORMATION_OPS


def test_dir_lists_every_formation_operation(ops_formation: Formation) -> None:
    listed = [name for name in dir(ops_formation.ops) if not name.startswith("_")]

    assert listed == FORMATION_OPS
    assert "send_message" not in listed  # a broker operation
    assert "list_formations" not in listed  # a server operation
    with pytest.raises(AttributeError):
        ops_formation.ops.send_message  # type: ignore[attr-defined]  # noqa: B018


def _expected_type(op_id: str) -> type[Any]:
    entry = OPERATIONS[op_id]
    name = entry["data_schema"] or entry["response_schema"]
    assert name, f"{op_id}: the spec names no model"
    return getattr(models, name)  # type: ignore[no-any-return]


@pytest.mark.parametrize("op_id", FORMATION_OPS)
def test_every_operation_through_ops(ops_formation: Formation, op_id: str) -> None:
    args, kwargs = CALLS[op_id]
    entry = OPERATIONS[op_id]
    operation = getattr(ops_formation.ops, op_id)
    assert operation.__name__ == op_id
    assert entry["path"] in (operation.__doc__ or "")

    if entry["stream"] == "always":
        stream = operation(*args, **kwargs)
        assert isinstance(stream, Stream)
        with stream:
            assert stream.response.status_code == 200
            assert stream.response.headers["content-type"].startswith("text/event-stream")
        assert stream.response.is_closed
        return

    if op_id in SETUP:
        getattr(ops_formation.ops, SETUP[op_id])()
    expected_error = EXPECTED_ERRORS.get(op_id)
    try:
        result = operation(*args, **kwargs)
    except NotFoundError as error:
        assert expected_error is None, f"{op_id}: expected {expected_error}, got {error!r}"
        assert MISSING in str(args) + str(kwargs), f"{op_id}: 404 without a placeholder id: {error}"
        assert isinstance(error.code, str) and error.request_id
        return
    except MeshkitError as error:
        assert expected_error is not None and isinstance(error, expected_error), f"{op_id}: {error!r}"
        return
    assert expected_error is None, f"{op_id}: expected {expected_error}, got {result!r}"
    assert isinstance(result, _expected_type(op_id)), f"{op_id}: {type(result).__name__}"


def test_a_refused_event_stream_is_read_to_its_end(ops_formation: Formation) -> None:
    stream = ops_formation.ops.stream_request_events(MISSING, MISSING, user_id=USER)

    events = list(stream)

    assert [e.event for e in events] == ["message"]
    assert isinstance(events[0], StreamEvent)
    assert isinstance(events[0].data, models.RuntimeEvent)  # the payload model the spec names
    assert events[0].data.error == "Unauthorized or request not streaming"
    assert events[0].raw.data == '{"error":"Unauthorized or request not streaming"}'
    assert stream.response.is_closed


# --- operations without a hand-written method ----------------------------------------------------


@pytest.fixture
def observed(own_dev: DevServer) -> Iterator[tuple[Formation, Recorder]]:
    recorder = Recorder()
    with httpx.Client(event_hooks={"request": [recorder]}) as http, make_formation(own_dev, http_client=http) as f:
        yield f, recorder


def test_ops_reaches_operations_without_a_method(observed: tuple[Formation, Recorder]) -> None:
    formation, recorder = observed
    assert not hasattr(Formation, "get_overlord_soul") and not hasattr(Formation, "list_memories")

    soul = formation.ops.get_overlord_soul()
    created = formation.ops.create_memory(body={"type": "preference", "detail": "likes tea"}, user_id="mem_user")
    memories = formation.for_user("mem_user").ops.list_memories(limit=5)

    # Typed models, unwrapped from the envelope: its request id and time are metadata, not fields.
    assert isinstance(soul, models.OverlordSoul) and soul.soul.startswith("You are the overlord")
    assert soul.request_id is not None and soul.request_id.startswith("req_")
    assert soul.meta.request_id == soul.request_id and soul.meta.timestamp is not None
    assert soul.additional_properties == {} and set(soul.to_dict()) == {"soul"}
    assert repr(soul).startswith("OverlordSoul(soul='You are the overlord")
    assert isinstance(created, models.MemoryCreated) and created.content.detail == "likes tea"
    assert isinstance(memories, models.MemoryList) and isinstance(memories.memories, list)
    assert [(m.id, m.content) for m in memories.memories] == [(created.id, "likes tea")]
    # Auth and the user header, by the route's group (contract §1-2).
    soul_request, create_request, list_request = recorder.requests
    assert "X-MUXI-ADMIN-KEY" in soul_request.headers and "X-MUXI-CLIENT-KEY" not in soul_request.headers
    assert "X-Muxi-User-ID" not in soul_request.headers
    for request in (create_request, list_request):
        assert "X-MUXI-CLIENT-KEY" in request.headers and "X-MUXI-ADMIN-KEY" not in request.headers
        assert request.headers["X-Muxi-User-ID"] == "mem_user"
    assert list_request.url.params["limit"] == "5"


def test_ops_errors_retries_and_missing_users(observed: tuple[Formation, Recorder], own_dev: DevServer) -> None:
    formation, recorder = observed

    with pytest.raises(NotFoundError) as missing:
        formation.ops.get_mcp_server("nope")
    assert missing.value.request_id

    own_dev.fault(api="formation", method="GET", path="/v1/overlord/soul", status=503, retry_after="0")
    assert isinstance(formation.ops.get_overlord_soul(), models.OverlordSoul)  # retried: a GET is safe

    recorder.requests.clear()
    with pytest.raises(MeshkitError, match="user"):
        formation.ops.list_memories()  # the route needs a user: refused before sending
    with pytest.raises(TypeError, match="get_agent"):
        formation.ops.get_agent()  # type: ignore[call-arg]  # a missing path parameter names the operation
    assert recorder.requests == []


def test_ops_stream_logs_user_filter_goes_to_the_query(observed: tuple[Formation, Recorder]) -> None:
    formation, recorder = observed

    with formation.ops.stream_logs(user_id="alice"):
        pass

    (request,) = recorder.requests
    assert request.url.params.get("user_id") == "alice"
    assert "X-Muxi-User-ID" not in request.headers


def test_ops_path_parameter_named_user_id_by_keyword(observed: tuple[Formation, Recorder]) -> None:
    formation, recorder = observed

    channels = formation.ops.get_user_channels(user_id="alice")

    assert channels.user_id == "alice"
    assert recorder.requests[-1].url.path.endswith("/v1/users/alice/channels")


def test_ops_chat_that_streams_is_not_raw_text(ops_formation: Formation) -> None:
    result = ops_formation.ops.chat(body={"message": "hi"})

    if isinstance(result, Stream):
        result = result.until_done()
        assert result == "You said: hi"
    else:
        assert isinstance(result, models.ChatResponse)
