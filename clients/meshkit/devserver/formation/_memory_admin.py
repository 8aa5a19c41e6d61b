"""Memory administration: rebuild, lint, backfill, forget, and the distilleries that ingest signed
batches of distilled events."""

from __future__ import annotations

import time
import uuid
from typing import TYPE_CHECKING, Any

from ._audit import audit
from ._chat import iso_now
from ._core import Call, FormationError, Reply, not_found
from ._logs import logged_operation
from ._memories import memory_state, naive_iso_now
from ._shared import body_field, new_id, required_field

if TYPE_CHECKING:
    from . import FormationRuntime

# The runtime's projections, which rebuild, backfill and forget report on.
PROJECTIONS = ("artifact_metadata", "captains_log", "flat_facts", "knowledge_graph")
DISTILLERY_EVENT_TYPES = ("fact.extracted", "log.entry", "interaction.turn")
DISTILLERY_TRUST_LEVELS = ("provisional", "verified")
FORGET_GRACE_PERIOD_DAYS = 30


def _memory_job(call: Call, kind: str, user: str, result: dict[str, Any]) -> dict[str, Any]:
    """Start a memory admin job; the dev server runs it inline, so polling finds it completed."""
    job_id = new_id(kind)
    memory_state(call.runtime).jobs[job_id] = {"kind": kind, "user_id": user, "result": result}
    return {
        "user_id": user,
        "job_id": job_id,
        "status": "processing",
        "status_url": f"/memory/{kind}/{job_id}",
    }


def _memory_job_status(call: Call, kind: str) -> dict[str, Any]:
    job_id = call.path_params["job_id"]
    job = memory_state(call.runtime).jobs.get(job_id)
    if job is None or job["kind"] != kind:
        raise not_found(f"Unknown or expired {kind} job '{job_id}'", "NOT_FOUND")
    return {"job_id": job_id, "status": "completed", **job["result"]}


def _replay_report(runtime: FormationRuntime, user: str, projections: list[str], dry_run: bool) -> dict[str, Any]:
    """Each projection's replay of the user's memory events (one event per memory in the dev server)."""
    events = sum(m["user_id"] == user for m in memory_state(runtime).memories.values())
    if dry_run:
        return {name: {"events": events, "applied": 0, "failed": 0, "dry_run": True} for name in projections}
    return {name: {"events": events, "applied": events, "failed": 0} for name in projections}


def _backfill_report() -> dict[str, Any]:
    # Every dev-server memory is born with provenance: nothing to synthesize, every projection complete.
    return {name: {"synthesized": 0, "complete": True} for name in PROJECTIONS}


@logged_operation("rebuild_memory", object="memory", type="memory.retrieved")
async def rebuild_memory(call: Call) -> Any:
    """Replay a user's memory events into the projections: 202 with a job by default, 200 with the
    report on a ``dry_run`` or with ``background: false``."""
    body = await call.body()
    user = required_field(body, "user_id", str)
    projection = body_field(body, "projection", str)
    if projection is not None and projection not in PROJECTIONS:
        raise FormationError(
            422, f"Unknown projection {projection!r}; registered: {sorted(PROJECTIONS)}", "INVALID_PARAMS"
        )
    dry_run = body_field(body, "dry_run", bool) or False
    background = body_field(body, "background", bool)
    backfill = bool(body_field(body, "backfill", bool)) and not dry_run
    report: dict[str, Any] = {"user_id": user, "dry_run": dry_run}
    if backfill:
        report["backfill"] = _backfill_report()
    names = [projection] if projection else list(PROJECTIONS)
    report["projections"] = _replay_report(call.runtime, user, names, dry_run)
    if (background is None or background) and not dry_run:
        return Reply(_memory_job(call, "rebuild", user, report), status=202)
    return report


@logged_operation("get_memory_rebuild_status", object="memory", type="memory.retrieved")
async def get_memory_rebuild_status(call: Call) -> Any:
    """A rebuild job with its report; 404 when unknown."""
    return _memory_job_status(call, "rebuild")


@logged_operation("lint_memory", object="memory", type="memory.retrieved")
async def lint_memory(call: Call) -> Any:
    """The memory health report of one user, or of every user."""
    user = body_field(await call.body(required=False) or {}, "user_id", str)
    users = {m["user_id"] for m in memory_state(call.runtime).memories.values()}
    checks = ("unresolved_conflicts", "superseded_deleted", "orphans_removed", "log_gaps", "stale_artifacts")
    report: dict[str, Any] = {
        "users": 1 if user else len(users),
        **dict.fromkeys(checks, 0),
        "index_regenerated": 1 if user else len(users),
        "findings": {},
    }
    return {"user_id": user, "report": report}


@logged_operation("backfill_memory", object="memory", type="memory.retrieved")
async def backfill_memory(call: Call) -> Any:
    """Legacy provenance backfill per projection for one user."""
    user = required_field(await call.body(), "user_id", str)
    return {"user_id": user, "synthesized": _backfill_report()}


@logged_operation("forget_memory_source", object="memory", type="memory.deleted")
async def forget_memory_source(call: Call) -> Any:
    """Delete a user's memories from one source, then rebuild: 202 with a job by default, 200 with
    the report with ``background: false`` or ``?sync=true``, 200 without a rebuild with ``rebuild: false``."""
    body = await call.body()
    user, source = required_field(body, "user_id", str), required_field(body, "source", str)
    memories = memory_state(call.runtime).memories
    forgotten = [mid for mid, m in memories.items() if m["user_id"] == user and m.get("source") == source]
    for memory_id in forgotten:
        del memories[memory_id]
    audit(call, "memory.forgotten", "memory", user, source=source, deleted_events=len(forgotten))
    answer: dict[str, Any] = {
        "user_id": user,
        "source": source,
        "deleted_events": len(forgotten),
        "grace_period_days": FORGET_GRACE_PERIOD_DAYS,
    }
    if body_field(body, "rebuild", bool) is False:
        return {**answer, "rebuild_required": sorted(PROJECTIONS)}
    projections = _replay_report(call.runtime, user, list(PROJECTIONS), False)
    background = body_field(body, "background", bool)
    if (background is None or background) and not call.query_bool("sync", False):
        job = _memory_job(call, "forget", user, {"projections": projections})
        return Reply({**answer, **{k: v for k, v in job.items() if k != "user_id"}}, status=202)
    return {**answer, "projections": projections}


@logged_operation("get_memory_forget_status", object="memory", type="memory.retrieved")
async def get_memory_forget_status(call: Call) -> Any:
    """A forget job with its rebuild report; 404 when unknown."""
    return _memory_job_status(call, "forget")


@logged_operation("list_distilleries", object="memory_distillery_list", type="memory.distillery.list")
async def list_distilleries(call: Call) -> Any:
    """Registered distilleries, newest first, revoked ones included."""
    items = list(reversed(memory_state(call.runtime).distilleries.values()))  # newest first
    return {"distilleries": items, "count": len(items)}


@logged_operation("register_distillery", object="memory_distillery", type="memory.distillery.registered")
async def register_distillery(call: Call) -> Any:
    """201: a new distillery (trust level ``provisional`` unless given), its scope filled with defaults."""
    body = await call.body()
    trust_level = body_field(body, "trust_level", str) or "provisional"
    if trust_level not in DISTILLERY_TRUST_LEVELS:
        raise FormationError(
            422,
            f"Invalid trust_level {trust_level!r}; expected one of {sorted(DISTILLERY_TRUST_LEVELS)}",
            "INVALID_PARAMS",
        )
    name = required_field(body, "name", str).strip()
    if not name:
        raise FormationError(422, "'name' is required and must be a non-empty string", "INVALID_PARAMS")
    distilleries = memory_state(call.runtime).distilleries
    scope = {
        "user_ids": "all",
        "event_types": list(DISTILLERY_EVENT_TYPES),
        "max_events_per_day": 1_000_000,
        "max_batch_size": 10_000,
        **(body_field(body, "scope", dict) or {}),
    }
    distillery: dict[str, Any] = {
        "id": len(distilleries) + 1,
        "distillery_id": uuid.uuid4().hex[:21],
        "formation_id": call.runtime.formation_id,
        "name": name,
        "description": body_field(body, "description", str),
        "public_key": required_field(body, "public_key", str).strip(),
        "scope": scope,
        "trust_level": trust_level,
        "status": "active",
        "created_at": naive_iso_now(),
        "revoked_at": None,
    }
    distilleries[distillery["distillery_id"]] = distillery
    audit(call, "memory.distillery.registered", "memory", distillery["distillery_id"])
    return Reply(distillery, status=201)


@logged_operation("revoke_distillery", object="memory_distillery", type="memory.distillery.revoked")
async def revoke_distillery(call: Call) -> Any:
    """The revoked distillery (idempotent): its later batches are refused with 410."""
    distillery_id = call.path_params["distillery_id"]
    distillery = memory_state(call.runtime).distilleries.get(distillery_id)
    if distillery is None:
        raise not_found(f"Unknown distillery '{distillery_id}'", "NOT_FOUND")
    if distillery["status"] != "revoked":
        distillery["status"], distillery["revoked_at"] = "revoked", naive_iso_now()
        audit(call, "memory.distillery.revoked", "memory", distillery_id)
    return distillery


def _signed_distillery(call: Call) -> dict[str, Any]:
    """The active distillery a signed batch comes from. The dev server checks that the signature
    headers are present but does not verify the Ed25519 signature itself."""
    headers = call.request.headers
    if not (headers.get("X-Distillery-ID") or "").strip():
        raise FormationError(401, "X-Distillery-ID header is required", "UNAUTHORIZED")
    missing = [h for h in ("X-Distillery-Signature", "X-Distillery-Timestamp") if not headers.get(h)]
    if missing:
        raise FormationError(401, f"{missing[0]} header is required", "UNAUTHORIZED")
    distillery = memory_state(call.runtime).distilleries.get(headers["X-Distillery-ID"])
    if distillery is None:
        raise FormationError(401, "Unknown distillery", "UNAUTHORIZED")
    if distillery["status"] != "active":
        raise FormationError(410, "Distillery has been revoked", "GONE")
    return distillery


def _distilled_rejection(event: Any, distillery: dict[str, Any]) -> str | None:
    """Why one distilled event is refused, if it is."""
    if not isinstance(event, dict):
        return "event must be an object"
    if not isinstance(event.get("source_id"), str) or not event["source_id"]:
        return "'source_id' is required"
    if event.get("event_type") not in distillery["scope"].get("event_types", DISTILLERY_EVENT_TYPES):
        return f"event_type {event.get('event_type')!r} is outside this distillery's scope"
    return None


@logged_operation("ingest_distilled_memories", object="memory_distillation", type="memory.distilled.accepted")
async def ingest_distilled_memories(call: Call) -> Any:
    """A signed batch of distilled events, idempotent on each event's ``source_id``: 202 with a
    projection job when an event was new, 200 otherwise."""
    distillery = _signed_distillery(call)
    body = await call.body()
    events = required_field(body, "events", list)
    batch_id = required_field(body, "batch_id", str)
    state = memory_state(call.runtime)
    rejections: list[dict[str, Any]] = []
    duplicates = 0
    reports: list[dict[str, Any]] = []
    for index, event in enumerate(events):
        reason = _distilled_rejection(event, distillery)
        if reason is not None:
            rejections.append({"index": index, "reason": reason})
            continue
        key = (distillery["distillery_id"], event["source_id"])
        if key in state.distilled_sources:  # a retried batch never duplicates an event
            duplicates += 1
            continue
        state.distilled_sources.add(key)
        recorded = event["event_type"] == "interaction.turn"
        reports.append(
            {
                "index": index,
                "event_id": new_id("evt"),
                "event_type": event["event_type"],
                "user_id": str(event.get("user_id") or "0"),
                "disposition": "recorded" if recorded else "projected",
            }
        )
    processing_id = new_id("dst") if reports else None
    if processing_id:
        state.distilled[processing_id] = {
            "processing_id": processing_id,
            "distillery_id": distillery["distillery_id"],
            "status": "completed",
            "created_at": time.time(),
            "completed_at": iso_now(),
            "batch_id": batch_id,
            "items": reports,
            "counts": {d: sum(r["disposition"] == d for r in reports) for d in ("projected", "recorded", "failed")},
            "pre_computed_vectors_used": False,
        }
    answer: dict[str, Any] = {
        "batch_id": batch_id,
        "accepted": len(reports),
        "duplicates": duplicates,
        "rejected": len(rejections),
        "rejections": rejections,
        "processing_id": processing_id,
    }
    if processing_id:
        answer["status_url"] = f"/v1/memories/distilled/{processing_id}"
    return Reply(answer, status=202) if reports else answer


@logged_operation("get_distilled_status", object="memory_distillation", type="memory.distilled.status")
async def get_distilled_status(call: Call) -> Any:
    """A distilled batch's job: the admin key sees all, the client key its distillery's (else 403)."""
    processing_id = call.path_params["processing_id"]
    job = memory_state(call.runtime).distilled.get(processing_id)
    if job is None:
        raise not_found(
            f"Unknown or expired processing_id '{processing_id}' (completed results are retained for 5 minutes)",
            "NOT_FOUND",
        )
    owner = (call.request.headers.get("X-Distillery-ID") or "").strip()
    if call.key != "admin" and job["distillery_id"] != owner:
        raise FormationError(403, "Processing job does not belong to this distillery", "FORBIDDEN")
    return {k: v for k, v in job.items() if k != "distillery_id"}
