"""The buffer memory: the recent chat messages of each session, read and cleared per user,
per session or all at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._wire import dumps
from ._audit import audit
from ._chat import chat_state
from ._core import Call
from ._definition import section
from ._logs import logged_operation
from ._memories import memory_state
from ._shared import user_of

if TYPE_CHECKING:
    from . import FormationRuntime


def buffered_messages(
    runtime: FormationRuntime, user: str | None = None, session_id: str | None = None
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Messages still in the buffer per (user, session), optionally for one user and one session."""
    marks = memory_state(runtime).buffer_marks
    return {
        key: session.messages[marks.get(key, 0) :]
        for key, session in chat_state(runtime).sessions.items()
        if (user is None or key[0] == user) and (session_id is None or key[1] == session_id)
    }


def _size_kb(groups: Any) -> float:
    return round(sum(len(dumps(messages)) for messages in groups) / 1024, 2)


def _buffer_capacity(runtime: FormationRuntime) -> int:
    buffer = section(runtime, "memory")["buffer"]
    return int(buffer.get("size", 50)) * int(buffer.get("multiplier", 1))


def clear_buffers(call: Call, user: str | None = None, session_id: str | None = None) -> tuple[int, int]:
    """Clear the buffer of every session, of one user's sessions, or of one session:
    (messages cleared, sessions that had any)."""
    buffered = buffered_messages(call.runtime, user, session_id)
    marks = memory_state(call.runtime).buffer_marks
    for key, session in chat_state(call.runtime).sessions.items():
        if key in buffered:
            marks[key] = len(session.messages)
    cleared = sum(len(messages) for messages in buffered.values())
    audit(call, "memory.buffer.cleared", "memory", session_id or user or "*", messages=cleared)
    return cleared, sum(1 for messages in buffered.values() if messages)


@logged_operation("get_user_buffer", object="memory", type="memory.buffer.status")
async def get_user_buffer(call: Call) -> Any:
    """The user's buffered messages (``sessions`` is empty, as the runtime's is)."""
    user = user_of(call, "required")
    buffered = buffered_messages(call.runtime, user)
    return {
        "user_id": user,
        "total_messages": sum(len(messages) for messages in buffered.values()),
        "sessions": [],
        "buffer_size_kb": _size_kb(buffered.values()),
    }


@logged_operation("clear_user_buffer", object="message", type="memory.buffer.user.cleared")
async def clear_user_buffer(call: Call) -> Any:
    """Clear the user's buffer; the admin key without a user clears every buffer."""
    user = call.user("filter")
    messages, sessions = clear_buffers(call, user)
    return {
        "message": "Buffer cleared successfully",
        "user_id": user,
        "messages_cleared": messages,
        "sessions_cleared": sessions,
    }


@logged_operation("clear_session_buffer", object="message", type="memory.buffer.session.cleared")
async def clear_session_buffer(call: Call) -> Any:
    """Clear one session's buffer (0 messages for a session the user does not have, as in the runtime)."""
    user = user_of(call, "required")
    session_id = call.path_params["session_id"]
    messages, _ = clear_buffers(call, user, session_id)
    return {
        "message": "Session buffer cleared successfully",
        "user_id": user,
        "session_id": session_id,
        "messages_cleared": messages,
    }


@logged_operation("get_buffer_stats", object="memory", type="memory.retrieved")
async def get_buffer_stats(call: Call) -> Any:
    """Aggregate buffer statistics across users."""
    buffered = {key: messages for key, messages in buffered_messages(call.runtime).items() if messages}
    total = sum(len(messages) for messages in buffered.values())
    if not total:  # the runtime's empty buffer is falsy: it answers its "no buffer" zeros
        return {
            "total_entries": 0,
            "total_users": 0,
            "total_sessions": 0,
            "buffer_size_kb": 0,
            "max_size": 0,
            "utilization": 0.0,
        }
    capacity = _buffer_capacity(call.runtime)
    return {
        "total_entries": total,
        "total_users": len({user for user, _ in buffered}),
        "total_sessions": len(buffered),
        "buffer_size_kb": _size_kb(buffered.values()),
        "max_size": capacity,
        "utilization": round(total / capacity, 2) if capacity > 0 else 0.0,
    }


@logged_operation("list_memory_buffers", object="list", type="memory.list")
async def list_memory_buffers(call: Call) -> Any:
    """The buffer's occupancy (deprecated route, admin key)."""
    total = sum(len(messages) for messages in buffered_messages(call.runtime).values())
    if not total:  # the runtime's empty buffer is falsy: it answers its "no buffer" listing
        return {"buffers": [], "total_entries": 0}
    capacity = _buffer_capacity(call.runtime)
    summary: dict[str, Any] = {
        "total_entries": total,
        "max_size": capacity,
        "utilization": round(total / capacity, 2) if capacity > 0 else 0,
        "kv_namespaces": {},
    }
    return {"buffers": [summary]}


@logged_operation("clear_memory_buffers", object="message", type="memory.buffer.cleared")
async def clear_memory_buffers(call: Call) -> Any:
    """Clear every buffer (deprecated route, admin key). The runtime 1.20260928.0 answers 500 after
    clearing (a missing event type), and 503 when the buffers are empty; the dev server answers what
    its code means to send, which never is a 5xx."""
    messages, _ = clear_buffers(call)
    return {"message": "All buffers cleared successfully", "entries_cleared": messages, "kv_entries_cleared": 0}
