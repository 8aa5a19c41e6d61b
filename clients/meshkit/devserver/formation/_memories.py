"""Memories: writes (one, a batch, with or without an ingestion source), reads, provenance, deletes
and the captain's log; :class:`MemoryState` also holds the state of the buffer and admin routes."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .._wire import dumps
from ._chat import chat_state, iso_now
from ._core import Call, FormationError, Reply, invalid_params, not_found
from ._logs import logged_operation
from ._shared import between, body_field, new_id, query_datetime, required_field, user_of

if TYPE_CHECKING:
    from . import FormationRuntime

MEMORY_SCOPES = ("user", "group", "formation")
MAX_BATCH_ITEMS = 100


@dataclass
class MemoryState:
    """Memories, ingestion jobs, memory admin jobs, distilleries and buffer clear marks of one runtime."""

    memories: dict[str, dict[str, Any]] = field(default_factory=dict)
    ingestions: dict[str, dict[str, Any]] = field(default_factory=dict)
    jobs: dict[str, dict[str, Any]] = field(default_factory=dict)
    distilleries: dict[str, dict[str, Any]] = field(default_factory=dict)
    distilled: dict[str, dict[str, Any]] = field(default_factory=dict)
    distilled_sources: set[tuple[str, str]] = field(default_factory=set)
    # Clearing a buffer hides a session's messages up to this count; the chat history itself stays.
    buffer_marks: dict[tuple[str, str], int] = field(default_factory=dict)


def memory_state(runtime: FormationRuntime) -> MemoryState:
    """The runtime's memory state."""
    return runtime.area("memory", MemoryState)


def naive_iso_now() -> str:
    """Now as the runtime's database timestamps read: ISO 8601 in UTC, without a zone."""
    return datetime.now(UTC).replace(tzinfo=None).isoformat()


def _memory_item(body: dict[str, Any], user: str) -> dict[str, Any]:
    """A memory from a ``POST /memories`` body (or one batch item), validated (422 INVALID_PARAMS)."""
    detail = body_field(body, "detail", str)
    content = body.get("content")
    source = body_field(body, "source", str)
    if content is not None and not isinstance(content, str) and source is None:
        raise invalid_params("content", "Structured 'content' requires the ingestion contract (a source)", "type")
    if not content and not detail:
        raise invalid_params("content", "Either 'content' or 'detail' must be provided", "missing")
    scope = (body_field(body, "scope", str) or "user").strip().lower()
    if scope not in MEMORY_SCOPES:
        raise invalid_params("scope", f"Invalid scope; expected one of {list(MEMORY_SCOPES)}", "enum")
    scope_id = body_field(body, "scope_id", str)
    if scope == "group" and not scope_id:
        raise invalid_params("scope_id", "scope_id (the group id) is required when scope is 'group'", "missing")
    optional = {name: body_field(body, name, str) for name in ("type", "source_id", "timestamp", "subject")}
    metadata = dict(body_field(body, "metadata", dict) or {})
    if optional["type"] and "type" not in metadata:
        metadata["type"] = optional["type"]
    return {
        "id": new_id("mem"),
        "event_id": new_id("evt"),
        "content": content or detail,
        "created_at": naive_iso_now(),
        "stored_at": time.time(),
        "metadata": metadata,
        "user_id": user,
        "scope": scope,
        # A user memory's scope id is the runtime's own user id; the dev server uses the user's.
        "scope_id": user if scope == "user" else scope_id,
        "source": source,
        **optional,
    }


def _memory_view(memory: dict[str, Any]) -> dict[str, Any]:
    """A memory as ``GET /memories`` lists it."""
    return {
        "id": memory["id"],
        "content": memory["content"] if isinstance(memory["content"], str) else dumps(memory["content"]),
        "created_at": memory["created_at"],
        "metadata": {**memory["metadata"], "timestamp": memory["stored_at"]},
        "scope": memory["scope"],
        "scope_id": memory["scope_id"],
    }


def _answer_scope_id(memory: dict[str, Any], runtime: FormationRuntime) -> str | None:
    """The scope id a write answers: none for the user scope, the formation's id for the formation scope."""
    if memory["scope"] == "user":
        return None
    return runtime.formation_id if memory["scope"] == "formation" else memory["scope_id"]


def _duplicate_of(state: MemoryState, memory: dict[str, Any]) -> dict[str, Any] | None:
    """The memory already ingested from the same user, source and source id, if any."""
    if not memory.get("source_id"):
        return None
    identity = ("user_id", "source", "source_id")
    return next((m for m in state.memories.values() if all(m.get(k) == memory[k] for k in identity)), None)


def _store(state: MemoryState, memory: dict[str, Any]) -> dict[str, Any]:
    """Keep a new memory unless its user already has one from the same source id; the item's outcome."""
    existing = _duplicate_of(state, memory)
    if existing is None:
        state.memories[memory["id"]] = memory
        return {"status": "accepted", "event_id": memory["event_id"], "memory": memory}
    return {"status": "duplicate", "event_id": existing["event_id"], "derived_events": [], "memory": existing}


def _batch_outcome(state: MemoryState, user: str, index: int, item: Any) -> dict[str, Any]:
    """One batch item ingested, or reported invalid: an invalid item never blocks the rest."""
    try:
        if not isinstance(item, dict):
            raise invalid_params(f"items.{index}", "Input should be a valid dictionary", "dict_type")
        memory = _memory_item(item, user)
        if not memory["source"]:
            raise invalid_params(f"items.{index}.source", "'source' is required", "missing")
    except FormationError as exc:
        errors = (exc.data or {}).get("validation_errors") or [{"msg": exc.message}]
        return {"index": index, "status": "invalid", "error": str(errors[0]["msg"])}
    return {"index": index, **_store(state, memory)}


def _ingestion_job(state: MemoryState, user: str, outcomes: list[dict[str, Any]]) -> str | None:
    """The processing job of the accepted items (None when none was), with a report per item. The
    dev server ingests at once, so the job is already completed when anyone polls it."""
    accepted = [o for o in outcomes if o["status"] == "accepted"]
    if not accepted:
        return None
    reports = [
        {
            "source": o["memory"]["source"],
            "source_id": o["memory"]["source_id"],
            "classification": {"category": "fact", "margin": 1.0},
            "filter_level": "default",
            "disposition": "stored",
            "index": o["index"],
            "event_id": o["event_id"],
        }
        for o in accepted
    ]
    processing_id = new_id("ing")
    state.ingestions[processing_id] = {
        "processing_id": processing_id,
        "user_id": user,
        "status": "completed",
        "created_at": time.time(),
        "completed_at": iso_now(),
        "items": reports,
        "counts": {"stored": len(reports), "filtered": 0, "failed": 0},
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }
    return processing_id


def _visible(memory: dict[str, Any], user: str, scopes: set[str]) -> bool:
    # The dev server has no group membership: a group memory is readable by its author only.
    return memory["scope"] in scopes and (memory["scope"] == "formation" or memory["user_id"] == user)


def _requested_scopes(call: Call) -> set[str]:
    raw = call.query.get("scopes")
    scopes = {part.strip().lower() for part in raw.split(",") if part.strip()} if raw else set(MEMORY_SCOPES)
    if not scopes or not scopes <= set(MEMORY_SCOPES):
        raise invalid_params("query.scopes", "Scopes are a comma-separated subset of user,group,formation", "enum")
    return scopes


@logged_operation("list_memories", object="memory_list", type="memory.list")
async def list_memories(call: Call) -> Any:
    """The user's readable memories, newest first (``limit``, ``offset``, ``scopes``); content is text."""
    user = user_of(call, "required")
    limit = call.query_int("limit", 10, 1, 100)
    offset = call.query_int("offset", 0, 0, 1_000_000_000)
    scopes = _requested_scopes(call)
    visible = [m for m in memory_state(call.runtime).memories.values() if _visible(m, user, scopes)]
    page = [_memory_view(m) for m in list(reversed(visible))[offset : offset + limit]]  # newest first
    return {"memories": page, "count": len(page)}


@logged_operation("create_memory", object="memory", type="memory.created")
async def create_memory(call: Call) -> Any:
    """The created memory, its content echoed as ``{type, detail}``; or, with a ``source``, the
    ingestion receipt: 202 with a ``processing_id``, 200 ``duplicate`` for a known source id."""
    user = user_of(call, "required")
    body = await call.body()
    state = memory_state(call.runtime)
    memory = _memory_item(body, user)
    scope_id = _answer_scope_id(memory, call.runtime)
    if not memory["source"]:
        state.memories[memory["id"]] = memory
        return {
            "id": memory["id"],
            "content": {"type": memory["type"] or "general", "detail": memory["content"]},
            "created_at": iso_now(),
            "metadata": memory["metadata"],
            "scope": memory["scope"],
            "scope_id": scope_id,
        }
    # With a source, the runtime queues the item for the ingestion pipeline and answers fast.
    outcome = {"index": 0, **_store(state, memory)}
    receipt: dict[str, Any] = {
        "status": outcome["status"],
        "duplicate": outcome["status"] == "duplicate",
        "event_id": outcome["event_id"],
        "source": memory["source"],
        "source_id": memory["source_id"],
        "scope": memory["scope"],
        "scope_id": scope_id,
    }
    if receipt["duplicate"]:
        return {**receipt, "derived_events": outcome["derived_events"]}
    processing_id = _ingestion_job(state, user, [outcome])
    status_url = f"/v1/memories/ingestion/{processing_id}"
    return Reply({**receipt, "processing_id": processing_id, "status_url": status_url}, status=202)


@logged_operation("ingest_memories_batch", object="memory_ingestion", type="memory.ingestion.accepted")
async def ingest_memories_batch(call: Call) -> Any:
    """Per-item outcomes (accepted, duplicate, invalid) in order; the accepted ones share one job."""
    user = user_of(call, "required")
    items = required_field(await call.body(), "items", list)
    if not items:
        raise invalid_params("items", "'items' must contain at least one item", "too_short")
    if len(items) > MAX_BATCH_ITEMS:
        raise invalid_params("items", f"At most {MAX_BATCH_ITEMS} items per batch", "too_long")
    state = memory_state(call.runtime)
    outcomes = [_batch_outcome(state, user, i, item) for i, item in enumerate(items)]
    processing_id = _ingestion_job(state, user, outcomes)
    answer: dict[str, Any] = {
        "processing_id": processing_id,
        "items": [{k: v for k, v in o.items() if k != "memory"} for o in outcomes],
        "counts": {s: sum(o["status"] == s for o in outcomes) for s in ("accepted", "duplicate", "invalid")},
    }
    if processing_id:
        answer["status_url"] = f"/v1/memories/ingestion/{processing_id}"
    return answer


@logged_operation("get_ingestion_status", object="memory_ingestion", type="memory.ingestion.status")
async def get_ingestion_status(call: Call) -> Any:
    """An ingestion job: 403 for another user's job with the client key; the admin key sees all."""
    user = user_of(call, "required")
    processing_id = call.path_params["processing_id"]
    job = memory_state(call.runtime).ingestions.get(processing_id)
    if job is None:
        raise not_found(
            f"Unknown or expired processing_id '{processing_id}' (completed results are retained for 5 minutes)",
            "NOT_FOUND",
        )
    if call.key == "client" and job["user_id"] != user:  # the admin key sees every job
        raise FormationError(403, "Ingestion job does not belong to this user", "FORBIDDEN")
    return {k: v for k, v in job.items() if k != "user_id"}


def _memory_event(memory: dict[str, Any]) -> dict[str, Any]:
    """A memory's event as provenance shows it."""
    return {
        "event_id": memory["event_id"],
        "event_type": "memory.ingested" if memory.get("source") else "fact.extracted",
        "source": memory.get("source") or "user_edit",
        "source_id": memory.get("source_id"),
        "source_confidence": 1.0,
        "effective_confidence": 1.0,
        "decay_rate": "static",
        "occurred_at": memory["created_at"],
        "agent_id": None,
        "conversation_id": None,
        "request_id": None,
        "payload": {"memory": memory["content"]},
        "deleted_at": None,
    }


@logged_operation("get_memory_provenance", object="memory", type="memory.retrieved")
async def get_memory_provenance(call: Call) -> Any:
    """Why the formation believes something: an ``entity`` (named in the user's memories) with the
    events it comes from, or one ``event_id``'s chain; 404 when unknown."""
    user = user_of(call, "required")
    entity, event_id = call.query.get("entity"), call.query.get("event_id")
    if not entity and not event_id:
        raise FormationError(422, "Provide 'entity' (a knowledge graph entity name) or 'event_id'", "INVALID_PARAMS")
    own = [m for m in memory_state(call.runtime).memories.values() if m["user_id"] == user]
    if entity:
        # The dev server has no knowledge graph: an entity is a word of the user's memories, or
        # "User" (the person), whom the runtime's graph knows once the user has chatted or remembered.
        mentions = [m for m in own if entity.lower() in str(m["content"]).lower()]
        chatted = any(key[0] == user for key in chat_state(call.runtime).sessions)
        person = entity.lower() == "user" and bool(own or chatted)
        if not (mentions or person):
            raise not_found(f"Unknown entity '{entity}'", "NOT_FOUND")
        described: dict[str, Any] = {
            "name": "User" if person else entity,
            "type": "person" if person else "concept",
            "status": "active",
            "confidence": 1.0,
            "attributes": {},
            "events": [[_memory_event(m)] for m in (own if person else mentions)],
        }
        return {"entity": described, "facts": [], "count": 0}
    memory = next((m for m in own if m["event_id"] == event_id), None)
    if memory is None:
        raise not_found(f"Unknown event '{event_id}'", "NOT_FOUND")
    return {"event": _memory_event(memory), "chain": [_memory_event(memory)]}


@logged_operation("delete_memory", object="memory", type="memory.deleted")
async def delete_memory(call: Call) -> Any:
    """``{deleted, user_id}``; 404 unless the memory is the user's."""
    user = user_of(call, "required")
    memory_id = call.path_params["memory_id"]
    memories = memory_state(call.runtime).memories
    if memories.get(memory_id, {}).get("user_id") != user:
        raise not_found(f"Memory {memory_id} not found", "NOT_FOUND")
    del memories[memory_id]
    return {"deleted": memory_id, "user_id": user}


@logged_operation("get_history", object="memory", type="memory.retrieved")
async def get_history(call: Call) -> Any:
    """The user's captain's log, newest first (``limit``, ``date_from``, ``date_to``, ``include_sources``)."""
    user = user_of(call, "required")
    limit = call.query_int("limit", 10, 1, 100)
    since, until = query_datetime(call, "date_from"), query_datetime(call, "date_to")
    with_sources = call.query_bool("include_sources", False)
    # The captain's log of the dev server: one entry per memory of the user, newest first.
    memories = [
        memory
        for memory in reversed(memory_state(call.runtime).memories.values())
        if memory["user_id"] == user and between(memory["created_at"], since, until)
    ][:limit]
    entries = [
        {
            "id": memory["id"],
            "date": memory["created_at"][:10],
            "summary": memory["content"] if isinstance(memory["content"], str) else dumps(memory["content"]),
            "decisions": [],
            "projects": [],
            "context": None,
            "created_at": memory["created_at"],
            "updated_at": memory["created_at"],
            **({"sources": [{"source_type": "memory", "source_id": memory["id"]}]} if with_sources else {}),
        }
        for memory in memories
    ]
    return {"entries": entries, "count": len(entries)}
