"""Call every formation operation once or more through ``formation.ops``, in an order that gives
each call what it needs (a session before its messages, a job before its pause…).

    .venv/bin/python tests/real/probe.py URL      # against a running formation (tests/real/harness.py)

``run_probe`` returns, per call, the operation, the outcome (``ok`` or the exception) and meshkit's
decoded result; the recorder attached to the formation's client keeps the raw answers.
"""

from __future__ import annotations

import base64
import contextlib
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

PROBE_USER = "probe-user"


@dataclass
class Outcome:
    operation: str
    result: Any = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _get(value: Any, *names: str) -> Any:
    """A field of a typed model, of its additional_properties, or of a dict (first that is set)."""
    for name in names:
        if isinstance(value, dict) and value.get(name) is not None:
            return value[name]
        attribute = getattr(value, name, None)
        if attribute is not None:
            return attribute
        extra = getattr(value, "additional_properties", None)
        if isinstance(extra, dict) and extra.get(name) is not None:
            return extra[name]
    return None


ENDLESS = {"stream_events", "stream_session_events", "stream_request_events", "stream_logs"}
RUNNING = {"pending", "queued", "processing", "running", "in_progress"}


def run_probe(formation: Any, verbose: bool = False) -> list[Outcome]:
    ops = formation.ops
    outcomes: list[Outcome] = []
    ctx: dict[str, Any] = {}
    suffix = uuid.uuid4().hex[:8]
    user = f"{PROBE_USER}-{suffix}"
    session = f"probe-session-{suffix}"

    def step(operation: str, *args: Any, **kwargs: Any) -> Any:
        try:
            result = getattr(ops, operation)(*args, **kwargs)
            if type(result).__name__ == "Stream":
                with result as stream:
                    # An endless stream (events, logs) only needs its answer's status: opened, closed.
                    result = [] if operation in ENDLESS else list(stream)
        except Exception as error:  # recorded, judged by the caller
            outcomes.append(Outcome(operation, error=error))
            if verbose:
                print(f"{operation:32} {type(error).__name__}: {str(error)[:200]}", flush=True)
            return None
        outcomes.append(Outcome(operation, result=result))
        if verbose:
            print(f"{operation:32} ok", flush=True)
        return result

    def settled(operation: str, *args: Any, **kwargs: Any) -> Any:
        """A background job's status, asked again while it is still running (a few seconds at most),
        so its finished answer is seen too."""
        deadline = time.monotonic() + 8
        while True:
            result = step(operation, *args, **kwargs)
            if _get(result, "status") not in RUNNING or time.monotonic() > deadline:
                return result
            time.sleep(0.5)

    # --- health, formation, configuration -------------------------------------------------------
    for operation in (
        "get_health",
        "get_status",
        "get_formation_info",
        "get_config",
        "get_overlord_config",
        "get_overlord_soul",
        "get_llm_settings",
        "get_logging_config",
        "list_logging_destinations",
        "get_memory_config",
        "get_buffer_stats",
        "get_async_config",
        "get_a2a_config",
        "get_mcp_config",
        "list_mcp_servers",
        "list_mcp_tools",
        "get_scheduler_config",
        "list_credential_services",
        "list_distilleries",
        "list_memory_buffers",
    ):
        step(operation)
    step("get_mcp_server", "echo")

    # --- agents, skills, SOPs, triggers ---------------------------------------------------------
    step("list_agents")
    step("get_agent", "assistant")
    step("list_agent_skills", "assistant")
    step("sync_agent_knowledge", "researcher", body={})
    step("rebuild_knowledge", body={"agent_id": "assistant"})
    step("list_skills")
    step("get_skill", "greeting")
    step("list_sops")
    step("get_sop", "release-checklist")
    step("list_triggers")
    step("get_trigger", "github-issue")
    step(
        "fire_trigger",
        "github-issue",
        body={"data": {"repository": "muxi/runtime", "issue": {"number": 7, "title": "probe"}}, "use_async": False},
        as_user=user,
    )

    # --- chat, sessions, requests ---------------------------------------------------------------
    answer = step("chat", body={"message": "probe hello", "session_id": session}, as_user=user)
    ctx["request_id"] = _get(answer, "request_id")
    step("chat", body={"message": "probe streamed", "session_id": session}, as_user=user, stream=True)
    step("list_sessions", as_user=user)
    step("get_session", session, as_user=user)
    step("get_session_messages", session, as_user=user)
    step(
        "restore_session",
        f"{session}-restored",
        body={"messages": [{"role": "user", "content": "restored hello", "timestamp": "2026-01-01T00:00:00Z"}]},
        as_user=user,
    )
    step("get_history", as_user=user)
    requests = step("list_requests", as_user=user)
    # A request the runtime lists for this user (the chat answer's own id may be null, or the envelope's).
    items = _get(requests, "requests") or []
    request_id = (_get(items[0], "request_id", "id") if items else None) or ctx["request_id"]
    step("get_request_status", request_id or "req_missing", as_user=user)
    step("chat", body={"message": "probe async", "mode": "async"}, as_user=user)  # 501: not implemented
    in_flight = _in_flight_request(formation, f"{user}-slow")
    step("cancel_request", in_flight or request_id or "req_missing", as_user=f"{user}-slow")
    step("stream_request_events", session, request_id or "req_missing", as_user=user)
    step("stream_session_events", session, as_user=user)
    step("stream_events", as_user=user)
    step("stream_logs", level="info")
    step(
        "audio_chat",
        body={
            "files": [
                {"filename": "hello.wav", "content_type": "audio/wav", "data": base64.b64encode(b"RIFF").decode()}
            ],
            "stream": False,
        },
        as_user=user,
    )

    # --- memories, buffers ----------------------------------------------------------------------
    memory = step(
        "create_memory", body={"type": "preference", "detail": "likes tea", "content": "likes tea"}, as_user=user
    )
    step("list_memories", as_user=user)
    step("get_memory_provenance", entity="User", as_user=user)
    batch = step(
        "ingest_memories_batch",
        body={"items": [{"content": "works at Example Corp", "type": "fact", "source": "probe"}]},
        as_user=user,
    )
    settled("get_ingestion_status", _get(batch, "processing_id", "id") or "proc_missing", as_user=user)
    distilled = step("ingest_distilled_memories")  # the spec declares no request body
    step("get_distilled_status", _get(distilled, "processing_id", "id") or "proc_missing")
    step("get_user_buffer", as_user=user)
    step("clear_session_buffer", session, as_user=user)
    step("clear_user_buffer", as_user=user)
    memory_id = _get(memory, "id", "memory_id")
    step("delete_memory", memory_id or "mem_missing", as_user=user)
    step("lint_memory", body={"user_id": user})
    step("backfill_memory", body={"user_id": user})
    step("rebuild_memory", body={"user_id": user, "dry_run": True})
    rebuild = step("rebuild_memory", body={"user_id": user, "background": True})
    settled("get_memory_rebuild_status", _get(rebuild, "job_id") or "job_missing")
    forget = step("forget_memory_source", body={"user_id": user, "source": "probe", "reason": "probe"})
    settled("get_memory_forget_status", _get(forget, "job_id") or "job_missing")
    distillery = step(
        "register_distillery",
        body={"name": f"probe-{suffix}", "public_key": base64.b64encode(b"\x01" * 32).decode()},
    )
    step("revoke_distillery", _get(distillery, "distillery_id", "id") or "dist_missing")
    step("clear_memory_buffers")

    # --- secrets --------------------------------------------------------------------------------
    key = f"PROBE_SECRET_{suffix.upper()}"
    step("create_secret", body={"key": key, "value": "first"})
    step("list_secrets")
    step("update_secret", key, body={"value": "second"})
    step("reload_secrets")
    step("delete_secret", key)

    # --- credentials ----------------------------------------------------------------------------
    credential = step(
        "create_credential",
        body={"service": "github", "name": "probe", "credential": {"token": "ghp_probe_not_a_secret"}},
        as_user=user,
    )
    step("list_credentials", as_user=user)
    credential_id = _get(credential, "credential_id", "id")
    step("get_credential", credential_id or "cred_missing", as_user=user)
    step("delete_credential", credential_id or "cred_missing", as_user=user)

    # --- scheduler ------------------------------------------------------------------------------
    job = step(
        "create_scheduler_job",
        body={"type": "recurring", "schedule": "0 9 * * *", "message": "probe daily"},
        as_user=user,
    )
    job_id = _get(job, "id", "job_id") or "job_missing"
    step("list_scheduler_jobs", as_user=user)
    step("get_scheduler_job", job_id, as_user=user)
    step("update_scheduler_job", job_id, body={"title": "probe renamed"}, as_user=user)
    step("pause_scheduler_job", job_id, as_user=user)
    step("resume_scheduler_job", job_id, as_user=user)
    step("delete_scheduler_job", job_id, as_user=user)

    # --- users, identifiers, channels, notifications --------------------------------------------
    resolved = step("resolve_user", body={"identifier": f"probe-{suffix}@example.com"})
    muxi_user = _get(resolved, "muxi_user_id") or user
    step("link_user_identifiers", body={"muxi_user_id": muxi_user, "identifiers": [f"probe-{suffix}-alt"]})
    step("get_user_identifiers", muxi_user)
    step("lookup_user", f"probe-{suffix}@example.com")
    step("unlink_user_identifier", f"probe-{suffix}-alt")
    step("get_user_channels", muxi_user)
    step("update_user_channels", muxi_user, body={"preferred_channel": "webhook", "timezone": "UTC"})
    step("send_notification", body={"user_id": user, "message": "probe notification"})

    # --- artifacts ------------------------------------------------------------------------------
    # A blocking chat that made an artifact answers 500 (a runtime bug); streamed, it completes.
    step("chat", body={"message": "make a file STUB_ARTIFACT", "session_id": session}, as_user=user, stream=True)
    items: list[Any] = []
    for _ in range(20):
        items = _get(step("list_artifacts", as_user=user), "artifacts") or []
        if items:
            break
        time.sleep(0.25)
    artifact_id = _get(items[0], "artifact_id", "id") if items else "art_missing"
    step("get_artifact", artifact_id, as_user=user)
    step("download_artifact_content", artifact_id, as_user=user)
    step("list_artifact_versions", artifact_id, as_user=user)

    # --- tuning, audit ----------------------------------------------------------------------------
    tuning = step("get_tuning")
    step("replace_tuning", body={"content": _get(tuning, "content") or "# Tuning\n"})
    step("get_tuning")  # a fresh formation has no MUXI.md until replace_tuning wrote one
    step("get_tuning_pending")
    step("run_tuning")
    step("apply_tuning_pending")
    step("dismiss_tuning_pending")
    step("get_audit_log")
    step("clear_audit_log", confirm="clear-audit-log")
    step("get_audit_log")  # holds the clearing, at least
    return outcomes


def _in_flight_request(formation: Any, user: str) -> str | None:
    """Start a slow streamed chat (the stub waits on STUB_SLOW) and return its request id while it runs."""
    done = threading.Event()

    def chat() -> None:
        with (
            contextlib.suppress(Exception),
            formation.ops.chat(body={"message": "slow STUB_SLOW"}, as_user=user, stream=True) as stream,
        ):
            for _ in stream:
                pass
        done.set()

    worker = threading.Thread(target=chat, daemon=True)
    worker.start()
    deadline = time.monotonic() + 10
    found = None
    while found is None and time.monotonic() < deadline and not done.is_set():
        with contextlib.suppress(Exception):
            for item in _get(formation.ops.list_requests(as_user=user), "requests") or []:
                if _get(item, "status") == "processing":
                    found = _get(item, "request_id")
        time.sleep(0.2)
    # A chat that already ended (the dev server answers at once) is no longer in flight: cancelling
    # it would race its completion, so the probe falls back as when none was found.
    return found if not done.is_set() else None


def main() -> None:
    from meshkit import Formation
    from recording import Recorder  # type: ignore[import-not-found]

    url = sys.argv[1]
    recorder = Recorder()
    formation = Formation(
        url=url,
        client_key="fmc_real_not_a_secret",
        admin_key="fma_real_not_a_secret",
        http_client=recorder.client(),
        max_retries=0,
    )
    with contextlib.closing(formation):
        run_probe(formation, verbose=True)
    print(recorder.summary())
    print("answers in", recorder.write())


if __name__ == "__main__":
    main()
