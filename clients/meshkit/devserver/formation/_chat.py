"""Chat (blocking and SSE), audio chat, sessions, requests and the event streams.

The echo agent answers ``You said: <message>`` token by token (``config.token_delay`` between
tokens, keepalive comments whenever it waits ``config.keepalive_interval``). Messages starting with
a command steer it, so tests can reach every frame the contract lists:

    /ui <text>             adds an ``event: ui`` options widget before done
    /fail <text>           fails after the first content token (``event: error``; blocking: 500)
    /discontinuity <text>  the completed token replaces the deltas (``stream_discontinuity: true``)
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import math
import re
import time
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from starlette.responses import Response, StreamingResponse

from .._scripts import Answer, Step, unmatched_error
from .._wire import KEEPALIVE, SSE_HEADERS, sse_frame
from ._core import Call, FormationError, Reply, invalid_params, not_found, operation

if TYPE_CHECKING:
    from . import FormationRuntime


def iso_now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


@dataclass
class Session:
    """A session of the buffer memory. Times are epoch seconds (floats), as the runtime sends them;
    messages are stored as the runtime's buffer stores them (see ``buffer_item``)."""

    session_id: str
    user_id: str
    created_at: float = field(default_factory=time.time)
    last_activity: float = field(default_factory=time.time)
    active: bool = True
    messages: list[dict[str, Any]] = field(default_factory=list)

    def add(self, text: str, role: str, **metadata: Any) -> None:
        item = buffer_item(text, role, user_id=self.user_id, session_id=self.session_id, **metadata)
        self.messages.append(item)
        self.last_activity = item["timestamp"]

    def summary(self) -> dict[str, Any]:
        return {
            "session_id": self.session_id,
            "user_id": self.user_id,
            "last_activity": self.last_activity,
            "active": self.active,
        }


def buffer_item(text: str, role: str, *, timestamp: float | None = None, **metadata: Any) -> dict[str, Any]:
    """A message as the runtime's buffer memory stores it and GET /v1/sessions/{id}/messages
    answers it: ``{text, metadata: {role, timestamp, agent_id, user_id, session_id, request_id,
    formation_id}, timestamp, namespace, embedding}`` (times in epoch seconds)."""
    now = time.time() if timestamp is None else timestamp
    meta = {"role": role, "timestamp": now, "agent_id": None, "request_id": None, "formation_id": "dev-formation"}
    meta.update(metadata)
    return {"text": text, "metadata": meta, "timestamp": now, "namespace": "buffer", "embedding": None}


@dataclass
class RequestRecord:
    """A tracked request; times in epoch seconds, ``progress`` a text or None (as the runtime)."""

    request_id: str
    user_id: str
    session_id: str | None
    streaming: bool
    status: str = "processing"
    progress: str | None = None
    created_at: float = field(default_factory=time.time)
    completed_at: float | None = None
    result: Any = None
    error: str | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    cancelled: bool = False

    def view(self, full: bool) -> dict[str, Any]:
        """The list's item (``full=False``: completed_at always, null while running) or the status
        answer (completed_at only once ended, result once completed)."""
        view: dict[str, Any] = {
            "request_id": self.request_id,
            "user_id": self.user_id,
            "status": self.status,
            "progress": self.progress,
            "created_at": self.created_at,
        }
        if not full or self.completed_at is not None:
            view["completed_at"] = self.completed_at
        if self.error is not None:
            view["error"] = self.error
        if full and self.status == "completed" and self.result is not None:
            view["result"] = self.result
        return view


class EventBus:
    """Runtime events for the /events streams: subscribers get each published event."""

    def __init__(self) -> None:
        self.subscribers: set[asyncio.Queue[dict[str, Any]]] = set()

    def publish(self, event: dict[str, Any]) -> None:
        for queue in list(self.subscribers):
            queue.put_nowait(event)


@dataclass
class ChatState:
    sessions: dict[tuple[str, str], Session] = field(default_factory=dict)
    requests: dict[str, RequestRecord] = field(default_factory=dict)
    bus: EventBus = field(default_factory=EventBus)


def chat_state(runtime: FormationRuntime) -> ChatState:
    return runtime.area("chat", ChatState)


def tokens_of(text: str) -> list[str]:
    """Words with their trailing spaces: joining them gives the text back."""
    return re.findall(r"\S+\s*|\s+", text)


@dataclass
class Turn:
    """One chat exchange as the echo agent plays it."""

    message: str
    user_id: str
    session: Session
    agent_id: str
    record: RequestRecord
    ui: list[dict[str, Any]] | None = None
    fail: bool = False
    discontinuity: bool = False
    script: Answer | None = None

    @property
    def answer(self) -> str:
        return f"You said: {self.message}"


def _identity(call: Call, body: dict[str, Any]) -> tuple[str, str, str]:
    """The turn's user, agent and session id (generated when the body names none), checked."""
    runtime = call.runtime
    for name in ("agent_id", "session_id", "user_id", "request_id"):
        if body.get(name) is not None and not isinstance(body[name], str):
            raise invalid_params(name, "Input should be a valid string", "string_type")
    user_id = call.header_user or _str(body.get("user_id")) or "0"
    agent_id = _str(body.get("agent_id")) or next(iter(runtime.agents))
    if agent_id not in runtime.agents:
        raise not_found(f"Agent '{agent_id}' not found")
    session_id = _str(body.get("session_id")) or "sess_" + uuid.uuid4().hex[:16]
    return user_id, agent_id, session_id


def _start_turn(
    call: Call,
    body: dict[str, Any],
    *,
    streaming: bool,
    message: str,
    tracked_id: str | None = None,
    identity: tuple[str, str, str] | None = None,
    script: Answer | None = None,
) -> Turn:
    """``tracked_id``: the id the request is tracked under (the body's request_id for a chat; the
    runtime generates one otherwise, never the envelope's request.id). ``script``: the scripted
    answer (its message is taken verbatim, no echo commands)."""
    runtime = call.runtime
    state = chat_state(runtime)
    user_id, agent_id, session_id = identity or _identity(call, body)
    session = state.sessions.get((user_id, session_id))
    if session is None:
        session = state.sessions[(user_id, session_id)] = Session(session_id, user_id)
    record = RequestRecord(tracked_id or "req_" + uuid.uuid4().hex[:21], user_id, session_id, streaming)
    state.requests[record.request_id] = record
    command, _, rest = message.partition(" ")
    steered = script is None and command in ("/ui", "/fail", "/discontinuity")
    turn = Turn(rest if steered else message, user_id, session, agent_id, record, script=script)
    if steered and command == "/ui":
        turn.ui = [{"type": "options", "id": "w1", "question": rest or "Continue?", "options": ["Yes", "No"]}]
    turn.fail = steered and command == "/fail"
    turn.discontinuity = steered and command == "/discontinuity"
    session.add(message, "user", agent_id=agent_id, request_id=record.request_id)
    if call.idempotency_key:
        runtime.book.record("chats", call.idempotency_key)
    state.bus.publish(_bus_event("chat.started", turn, f"Request received: {message[:50]}"))
    return turn


def _finish_turn(runtime: FormationRuntime, turn: Turn, text: str) -> None:
    turn.session.add(text, "assistant", agent_id=turn.agent_id, request_id=turn.record.request_id)
    record = turn.record
    record.status, record.progress, record.completed_at, record.result = "completed", None, time.time(), text
    chat_state(runtime).bus.publish(_bus_event("chat.completed", turn, text))


def _fail_turn(runtime: FormationRuntime, turn: Turn, message: str) -> None:
    record = turn.record
    record.status, record.completed_at, record.error = "failed", time.time(), message
    chat_state(runtime).bus.publish(_bus_event("chat.failed", turn, message))


def _bus_event(kind: str, turn: Turn, message: str) -> dict[str, Any]:
    return {
        "type": kind,
        "timestamp": time.time(),
        "message": message,
        "session_id": turn.session.session_id,
        "request_id": turn.record.request_id,
        "user_id": turn.user_id,
    }


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


async def _chat_body(call: Call) -> dict[str, Any]:
    body = await call.body()
    if body.get("mode", "sync") == "async":
        raise FormationError(501, "Async mode requires webhooks configured on the formation", "METHOD_NOT_FOUND")
    stream = body.get("stream", True)
    if stream is not None and not isinstance(stream, bool):
        raise invalid_params("stream", "Input should be a valid boolean", "bool_type")
    return body


@operation("chat", idempotent=True, object="message", type="chat.completed")
async def chat(call: Call) -> Any:
    body = await _chat_body(call)
    message = body.get("message")
    if message is None:
        raise invalid_params("message", "Field required", "missing")
    if not isinstance(message, str):
        raise invalid_params("message", "Input should be a valid string", "string_type")
    return await _respond(call, body, message, tracked_id=_str(body.get("request_id")))


@operation("audio_chat", object="message", type="chat.completed")
async def audio_chat(call: Call) -> Any:
    body = await _chat_body(call)
    files = body.get("files")
    if not isinstance(files, list) or not files:
        raise invalid_params("files", "Field required", "missing")
    transcripts = []
    for item in files:
        kind = item.get("content_type") or item.get("mime_type") or "" if isinstance(item, dict) else ""
        if not isinstance(kind, str) or not kind.startswith("audio/"):
            raise FormationError(
                400, "Only audio files are accepted", "VALIDATION_ERROR", {"field": "files", "value": kind}
            )
        transcripts.append(_transcribe(item.get("content")))
    return await _respond(call, body, " ".join(transcripts), audio=True)


def _transcribe(content: Any) -> str:
    """The dev server's "speech recognition": base64 of UTF-8 text reads as that text."""
    try:
        return base64.b64decode(str(content), validate=True).decode("utf-8").strip() or "[silence]"
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return "[audio]"


async def _respond(
    call: Call, body: dict[str, Any], message: str, *, tracked_id: str | None = None, audio: bool = False
) -> Any:
    """Chat tracks the turn under the body's request_id; audio chat never passes it on (the
    runtime's audiochat does not), so its turn gets an id of its own. Both echo the body's
    request_id (or null) in the answer; audio chat also echoes the body's session_id."""
    streaming = body.get("stream", True) is not False
    identity = _identity(call, body)
    script = await _script_for(call, message, identity)
    turn = _start_turn(
        call, body, streaming=streaming, message=message, tracked_id=tracked_id, identity=identity, script=script
    )
    if script is not None:
        if streaming:
            frames = _scripted_stream(call.runtime, turn, script)
            return StreamingResponse(frames, media_type="text/event-stream", headers=SSE_HEADERS)
        return await _scripted_reply(call, body, turn, script, audio)
    if streaming:
        return StreamingResponse(_stream(call.runtime, turn), media_type="text/event-stream", headers=SSE_HEADERS)
    if turn.fail:
        _fail_turn(call.runtime, turn, "The echo agent was asked to fail")
        raise FormationError(500, "The echo agent was asked to fail", "INTERNAL_ERROR")
    text = turn.answer
    _finish_turn(call.runtime, turn, text)
    reply: dict[str, Any] = {
        "role": "assistant",
        "content": text,
        "artifacts": None,
        "metadata": {"session_id": turn.session.session_id},
    }
    if turn.ui:
        reply["ui"] = turn.ui
    session_id = _str(body.get("session_id")) if audio else turn.session.session_id
    request_id = _str(body.get("request_id"))
    return Reply({"message": reply, "user_id": turn.user_id, "session_id": session_id, "request_id": request_id})


def _token_frames(turn: Turn) -> Callable[..., bytes]:
    """The turn's token frames, as the runtime frames them: each one also recorded on the turn."""
    record = turn.record
    base = {"request_id": record.request_id, "user_id": turn.user_id, "session_id": turn.session.session_id}

    def token(kind: str, content: Any, **extra: Any) -> bytes:
        event = {**base, "type": kind, "content": content, "timestamp": time.time(), **extra}
        record.events.append(event)
        return sse_frame({"token": event})

    return token


async def _stream(runtime: FormationRuntime, turn: Turn) -> AsyncIterator[bytes]:
    config = runtime.config
    record = turn.record
    token = _token_frames(turn)

    yield KEEPALIVE
    yield token("progress", "Request received...", stage="init")
    yield token("planning", "Determining the best agent to handle this request...", stage="agent_selection")
    yield token("thinking", "Give me a moment...", stage="agent_processing", agent_name=turn.agent_id)
    started = time.monotonic()
    words = tokens_of(turn.answer)
    for index, word in enumerate(words):
        async for keepalive in _wait(config.token_delay, config.keepalive_interval):
            yield keepalive
        if record.cancelled:
            _fail_turn(runtime, turn, "cancelled")
            yield token("cancelled", "Request cancelled", status="cancelled")
            yield sse_frame({"error": "Request cancelled", "type": "CancelledError"}, event="error")
            return
        yield token("content", word, stage="response_generation")
        record.progress = f"{index + 1}/{len(words)} tokens"
        if turn.fail:
            _fail_turn(runtime, turn, "The echo agent was asked to fail")
            yield sse_frame({"error": "The echo agent was asked to fail", "type": "EchoAgentError"}, event="error")
            return
    final = turn.answer
    extra: dict[str, Any] = {}
    if turn.discontinuity:
        final = "(revised) " + final
        extra["stream_discontinuity"] = True
    elapsed_ms = int((time.monotonic() - started) * 1000)
    _finish_turn(runtime, turn, final)
    yield token("completed", final, status="success", processing_time_ms=elapsed_ms, agent_used=turn.agent_id, **extra)
    if turn.ui:
        yield sse_frame({"ui": turn.ui}, event="ui")
    yield sse_frame({"finished": True}, event="done")


# --- scripted answers (see .._scripts) ----------------------------------------------------------


async def _script_for(call: Call, message: str, identity: tuple[str, str, str]) -> Answer | None:
    """The scripted answer for this message, if a script matches; a scripted refusal (after its
    delays) and strict mode's refusal of an unmatched message are raised before anything is done."""
    user_id, agent_id, session_id = identity
    scripts = call.runtime.book.scripts
    script: Answer | None = scripts.take("formation", message=message, agent=agent_id, user=user_id, session=session_id)
    if script is None:
        if scripts.strict:
            raise FormationError(*unmatched_error(message))
        return None
    refusal = script.find("status")
    if refusal is not None:
        for step in script.steps:
            if step.kind == "delay":
                await asyncio.sleep(step.data["seconds"])
        retry_after = refusal.data["retry_after"]
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
        raise FormationError(refusal.data["status"], refusal.data["message"], refusal.data["code"], headers=headers)
    return script


def _token_delays(step: Step, default: float) -> list[float]:
    delay = step.data["delay"]
    count = len(step.data["tokens"])
    return list(delay) if isinstance(delay, list) else [default if delay is None else delay] * count


async def _scripted_reply(call: Call, body: dict[str, Any], turn: Turn, script: Answer, audio: bool) -> Reply:
    """The blocking answer of a script: its delays waited, its text, widgets and artifacts."""
    runtime = call.runtime
    for step in script.steps:
        if step.kind == "delay":
            await asyncio.sleep(step.data["seconds"])
        elif step.kind == "tokens" and step.data["delay"] is not None:
            await asyncio.sleep(sum(_token_delays(step, 0.0)))
        elif step.kind == "error":
            _fail_turn(runtime, turn, step.data["message"])
            raise FormationError(500, step.data["message"], "INTERNAL_ERROR")
    text = script.reply_text
    _finish_turn(runtime, turn, text)
    reply = script.blocking_message(turn.session.session_id)
    session_id = _str(body.get("session_id")) if audio else turn.session.session_id
    request_id = _str(body.get("request_id"))
    return Reply({"message": reply, "user_id": turn.user_id, "session_id": session_id, "request_id": request_id})


async def _scripted_stream(runtime: FormationRuntime, turn: Turn, script: Answer) -> AsyncIterator[bytes]:
    """A script's answer in the echo agent's frames: its events and tokens in order (keepalives
    while waiting), then ``completed``, ``event: ui`` and ``event: done`` (or ``event: error``)."""
    config = runtime.config
    record = turn.record
    token = _token_frames(turn)

    def error(step: Step) -> bytes:
        _fail_turn(runtime, turn, step.data["message"])
        return sse_frame({"error": step.data["message"], "type": step.data["type"]}, event="error")

    def cancelled() -> list[bytes]:
        """The frames that end a cancelled request, as the echo agent sends them."""
        _fail_turn(runtime, turn, "cancelled")
        return [
            token("cancelled", "Request cancelled", status="cancelled"),
            sse_frame({"error": "Request cancelled", "type": "CancelledError"}, event="error"),
        ]

    failure = script.find("error")
    cut = failure.data["after_tokens"] if failure is not None else None
    total = sum(len(step.data["tokens"]) for step in script.steps if step.kind == "tokens")
    sent = 0
    widgets: list[dict[str, Any]] = []
    artifacts: list[dict[str, Any]] = []
    started = time.monotonic()
    yield KEEPALIVE
    for step in script.steps:
        if record.cancelled:  # during a delay, or between two steps: the runtime stops there too
            for frame in cancelled():
                yield frame
            return
        if step.kind == "delay":
            async for keepalive in _scripted_wait(step.data["seconds"], config.keepalive_interval, record):
                yield keepalive
        elif step.kind == "event":
            yield token(step.data["type"], step.data["content"], **step.data["fields"])
        elif step.kind == "tokens":
            for word, delay in zip(step.data["tokens"], _token_delays(step, config.token_delay), strict=True):
                if failure is not None and cut is not None and sent >= cut:
                    yield error(failure)
                    return
                async for keepalive in _scripted_wait(delay, config.keepalive_interval, record):
                    yield keepalive
                if record.cancelled:
                    for frame in cancelled():
                        yield frame
                    return
                yield token("content", word, stage="response_generation")
                sent += 1
                record.progress = f"{sent}/{total} tokens"
        elif step.kind == "ui":
            widgets.extend(step.data["widgets"])
        elif step.kind == "artifact":
            artifacts.append(step.data["artifact"])
        elif step.kind == "error":
            yield error(step)
            return
    if record.cancelled:
        for frame in cancelled():
            yield frame
        return
    final = script.reply_text
    extra: dict[str, Any] = {"artifacts": artifacts} if artifacts else {}
    elapsed_ms = int((time.monotonic() - started) * 1000)
    _finish_turn(runtime, turn, final)
    yield token("completed", final, status="success", processing_time_ms=elapsed_ms, agent_used=turn.agent_id, **extra)
    if widgets:
        yield sse_frame({"ui": widgets}, event="ui")
    yield sse_frame({"finished": True}, event="done")


_CANCEL_POLL = 0.05  # seconds: how soon a scripted wait notices its request was cancelled


async def _scripted_wait(delay: float, keepalive_interval: float, record: RequestRecord) -> AsyncIterator[bytes]:
    """:func:`_wait` for a script's delays (up to 600 s): ends early once the request is cancelled."""
    interval = keepalive_interval if keepalive_interval > 0 else math.inf
    remaining, idle = delay, 0.0
    while remaining > 0 and not record.cancelled:
        step = min(remaining, interval - idle, _CANCEL_POLL)
        await asyncio.sleep(step)
        remaining -= step
        idle += step
        if idle >= interval:
            idle = 0.0
            yield KEEPALIVE


async def _wait(delay: float, keepalive_interval: float) -> AsyncIterator[bytes]:
    """Sleep ``delay`` seconds, yielding a keepalive comment for every full interval waited."""
    remaining = delay
    while remaining > 0:
        step = min(remaining, keepalive_interval)
        await asyncio.sleep(step)
        remaining -= step
        if step >= keepalive_interval:
            yield KEEPALIVE


# --- sessions ---------------------------------------------------------------------------------------


def _session(call: Call) -> Session:
    user = call.user("required")
    assert user is not None
    session = chat_state(call.runtime).sessions.get((user, call.path_params["session_id"]))
    if session is None:
        raise not_found(f"Session '{call.path_params['session_id']}' not found")
    return session


@operation("list_sessions", object="session_list", type="session.list")
async def list_sessions(call: Call) -> Any:
    user = call.user("required")
    active_only = call.query_bool("active_only", False)
    limit = call.query_int("limit", 50, 1, 1000)
    sessions = [s for (owner, _), s in chat_state(call.runtime).sessions.items() if owner == user]
    sessions = [s for s in sessions if s.active or not active_only]
    sessions.sort(key=lambda s: s.last_activity, reverse=True)
    items = [s.summary() for s in sessions[:limit]]
    return {"sessions": items, "count": len(items)}


@operation("get_session", object="session", type="session.retrieved")
async def get_session(call: Call) -> Any:
    session = _session(call)
    return {
        "session_id": session.session_id,
        "user_id": session.user_id,
        "message_count": len(session.messages),
        "active": session.active,
        "created_at": session.created_at,
        "last_activity": session.last_activity,
    }


@operation("get_session_messages", object="session", type="session.messages.list")
async def get_session_messages(call: Call) -> Any:
    """Mirrors muxi-runtime 1.20260928.0 (muxi/runtime/formation/server/routes/client/sessions.py,
    get_session_messages, lines 458-484): its buffer (WorkingMemory) has no ``get_messages``, so the
    route's fallback scans the buffer oldest first and answers the *oldest* ``limit`` messages,
    oldest first, with ``has_more`` when the session holds more. ``before`` is accepted as any
    string and ignored, so no page past the first can be reached; a session with no messages
    (unknown, or another user's) is an empty page, not a 404. The runtime is the arbiter: meshkit's
    façade notices the unmoving cursor (``get_session(...).complete`` is False,
    ``iter_session_messages`` raises)."""
    user = call.user("required")
    assert user is not None
    limit = call.query_int("limit", 50, 1, 1000)
    session_id = call.path_params["session_id"]
    session = chat_state(call.runtime).sessions.get((user, session_id))
    messages = session.messages if session is not None else []
    page = messages[:limit]
    return {"session_id": session_id, "messages": page, "count": len(page), "has_more": len(messages) > limit}


@operation("restore_session", object="session", type="session.restored")
async def restore_session(call: Call) -> Any:
    user = call.user("required")
    assert user is not None
    body = await call.body()
    messages = body.get("messages")
    if not isinstance(messages, list):
        raise invalid_params("messages", "Field required", "missing")
    session_id = call.path_params["session_id"]
    state = chat_state(call.runtime)
    session = state.sessions[(user, session_id)] = Session(session_id, user)
    for index, item in enumerate(messages):
        if not isinstance(item, dict):
            raise invalid_params(f"messages.{index}", "Input should be a valid dictionary", "dict_type")
        for name in ("role", "content", "timestamp"):
            if not isinstance(item.get(name), str):
                raise invalid_params(f"messages.{index}.{name}", "Field required", "missing")
    # Like the runtime: sorted by time, stored in the buffer's shape with epoch-second times (an
    # unreadable timestamp reads as 0), the message's own metadata merged over the defaults.
    restored = sorted(messages, key=lambda item: _epoch(item["timestamp"]))
    for item in restored:
        extra = item.get("metadata") if isinstance(item.get("metadata"), dict) else {}
        when = _epoch(item["timestamp"])
        metadata = {"timestamp": when, **({"agent_id": item["agent_id"]} if item.get("agent_id") else {}), **extra}
        item_ = buffer_item(item["content"], item["role"], user_id=user, session_id=session_id, **metadata)
        item_["timestamp"] = when
        session.messages.append(item_)
    if session.messages:
        session.created_at = min(m["timestamp"] for m in session.messages)
        session.last_activity = max(m["timestamp"] for m in session.messages)
    return {
        "session_id": session_id,
        "messages_loaded": len(session.messages),
        "messages_dropped": 0,
        "message": "Session restored successfully",
    }


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _epoch(value: str) -> float:
    """An ISO 8601 time as epoch seconds; unreadable → 0.0 (as the runtime's restore)."""
    try:
        return _aware(datetime.fromisoformat(value.replace("Z", "+00:00"))).timestamp()
    except ValueError:
        return 0.0


# --- requests ---------------------------------------------------------------------------------------


def _request(call: Call) -> RequestRecord:
    user = call.user("filter")
    record = chat_state(call.runtime).requests.get(call.path_params["request_id"])
    if record is None:
        raise not_found(f"Request '{call.path_params['request_id']}' not found", "REQUEST_NOT_FOUND")
    if user is not None and record.user_id != user:
        raise FormationError(403, "Access denied to this request", "FORBIDDEN")
    return record


@operation("list_requests", object="request_list", type="request.list.retrieved")
async def list_requests(call: Call) -> Any:
    user = call.user("filter")
    records = [r for r in chat_state(call.runtime).requests.values() if user is None or r.user_id == user]
    return {"requests": [r.view(full=False) for r in records], "count": len(records)}


@operation("get_request_status", object="request_status", type="request.status.retrieved")
async def get_request_status(call: Call) -> Any:
    return _request(call).view(full=True)


@operation("cancel_request", object="request_status", type="request.cancelled")
async def cancel_request(call: Call) -> Any:
    record = _request(call)
    if record.status != "processing":
        raise FormationError(400, f"Request already {record.status}", "OPERATION_FAILED")
    record.cancelled = True
    record.status, record.completed_at = "cancelled", time.time()
    immediate = not record.streaming
    return {
        "request_id": record.request_id,
        "status": "cancelled",
        "cancellation": "immediate" if immediate else "cooperative",
        "message": "Request cancelled"
        if immediate
        else "Request marked for cancellation; it will stop at the next checkpoint",
    }


# --- event streams ------------------------------------------------------------------------------------


def _sse(frames: AsyncIterator[bytes]) -> StreamingResponse:
    return StreamingResponse(frames, media_type="text/event-stream", headers=SSE_HEADERS)


async def _follow(call: Call, want: Any) -> AsyncIterator[bytes]:
    """Bus events accepted by ``want`` until the client goes away; keepalives while idle."""
    bus = chat_state(call.runtime).bus
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    bus.subscribers.add(queue)
    try:
        yield KEEPALIVE
        while True:
            try:
                event = await asyncio.wait_for(queue.get(), call.runtime.config.keepalive_interval)
            except TimeoutError:
                yield KEEPALIVE
                continue
            if want(event):
                yield sse_frame({k: v for k, v in event.items() if k != "user_id"})
    finally:
        bus.subscribers.discard(queue)


@operation("stream_events")
async def stream_events(call: Call) -> Response:
    user = call.user("filter")
    return _sse(_follow(call, lambda e: user is None or e["user_id"] == user))


@operation("stream_session_events")
async def stream_session_events(call: Call) -> Response:
    user = call.user("filter")
    session_id = call.path_params["session_id"]
    return _sse(_follow(call, lambda e: e["session_id"] == session_id and (user is None or e["user_id"] == user)))


@operation("stream_request_events")
async def stream_request_events(call: Call) -> Response:
    user = call.user("filter")
    record = chat_state(call.runtime).requests.get(call.path_params["request_id"])

    async def frames() -> AsyncIterator[bytes]:
        refused = (
            record is None
            or record.session_id != call.path_params["session_id"]
            or (user is not None and record.user_id != user)
            or not record.streaming
            or record.status != "processing"
        )
        if refused:
            yield sse_frame({"error": "Unauthorized or request not streaming"})
            return
        assert record is not None
        yield sse_frame({"type": "stream_open", "request_id": record.request_id, "timestamp": time.time()})
        sent = 0
        while True:
            while sent < len(record.events):
                yield sse_frame(record.events[sent])
                sent += 1
            if record.status != "processing":
                break
            await asyncio.sleep(0.01)
        yield sse_frame({"type": "stream_completed", "request_id": record.request_id, "status": record.status})

    return _sse(frames())
