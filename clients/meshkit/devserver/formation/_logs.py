"""The runtime's log buffer and ``GET /v1/logs``.

Every request handled by a handler registered with :func:`logged_operation` (every operation but
chat, sessions, requests, events and the health check) appends one record to the runtime's log
buffer, which ``GET /v1/logs`` streams; chat turns are logged from the chat event bus, and
:func:`log` is the entry point for any other module.
"""

from __future__ import annotations

import asyncio
import fnmatch
import functools
from collections import deque
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

from starlette.responses import Response, StreamingResponse

from .._wire import KEEPALIVE, SSE_HEADERS, sse_frame
from ._chat import chat_state, iso_now
from ._core import Call, FormationError, Handler, Reply, declared_route, invalid_params, operation

if TYPE_CHECKING:
    from . import FormationRuntime

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_FILTERS = ("user_id", "session_id", "request_id", "agent_id")
LOG_BUFFER_SIZE = 1000


class LogBook:
    """The runtime's recent log records, and the live followers of ``GET /v1/logs``."""

    def __init__(self) -> None:
        self.records: deque[dict[str, Any]] = deque(maxlen=LOG_BUFFER_SIZE)
        self.followers: set[asyncio.Queue[dict[str, Any]]] = set()

    def append(self, record: dict[str, Any]) -> None:
        self.records.append(record)
        for queue in list(self.followers):
            queue.put_nowait(record)


class _ChatEventsToLog(asyncio.Queue[dict[str, Any]]):
    """Subscribed to the chat event bus (which only knows queues): each event becomes a log record."""

    def __init__(self, runtime: FormationRuntime) -> None:
        super().__init__()
        self.runtime = runtime

    def put_nowait(self, item: dict[str, Any]) -> None:
        level = "ERROR" if item.get("type", "").endswith(".failed") else "INFO"
        fields = {name: item.get(name) for name in ("user_id", "session_id", "request_id")}
        log(self.runtime, level, str(item.get("message", "")), event_type=item.get("type", "chat"), **fields)


def log_book(runtime: FormationRuntime) -> LogBook:
    """The runtime's log buffer. Created on first use, when it also starts listening to chat events
    (so chat turns before the first non-chat request are not logged; the dev server accepts that)."""

    def create() -> LogBook:
        chat_state(runtime).bus.subscribers.add(_ChatEventsToLog(runtime))
        return LogBook()

    return runtime.area("logs", create)


def log(runtime: FormationRuntime, level: str, message: str, **fields: Any) -> None:
    """Append one log record (``level`` one of :data:`LOG_LEVELS`); ``fields`` may set ``event_type``
    and the filter fields ``user_id``, ``session_id``, ``request_id``, ``agent_id``."""
    if level.upper() not in LOG_LEVELS:
        raise ValueError(f"log level must be one of {LOG_LEVELS}, not {level!r}")
    record: dict[str, Any] = {
        "timestamp": iso_now(),
        "level": level.upper(),
        "event_type": "log",
        "message": message,
        "formation_id": runtime.formation_id,
        **dict.fromkeys(LOG_FILTERS),
        **fields,
    }
    log_book(runtime).append(record)


def _log_request(call: Call, method: str, path: str, status: int) -> None:
    level = "ERROR" if status >= 500 else "WARNING" if status >= 400 else "INFO"
    log(
        call.runtime,
        level,
        f"{method} {path} {status}",
        event_type="api.request",
        user_id=call.header_user,
        request_id=call.request_id,
        status=status,
    )


def _status_of(result: Any) -> int:
    if isinstance(result, Reply):
        return result.status
    if isinstance(result, Response):
        return result.status_code
    return 200


def logged_operation(
    operation_id: str, *, idempotent: bool = False, object: str = "response", type: str | None = None
) -> Callable[[Handler], Handler]:
    """:func:`operation`, plus one log record per handled request (errors included)."""
    method, path, _ = declared_route(operation_id)

    def register(handler: Handler) -> Handler:
        @functools.wraps(handler)  # the envelope's default ``type`` is the handler's name
        async def handle(call: Call) -> Any:
            try:
                result = await handler(call)
            except FormationError as exc:
                _log_request(call, method, path, exc.status)
                raise
            _log_request(call, method, path, _status_of(result))
            return result

        operation(operation_id, idempotent=idempotent, object=object, type=type)(handle)
        return handler

    return register


# --- GET /v1/logs: the log buffer, then live records, as server-sent events ---------------------------


def _log_filter(call: Call) -> Callable[[dict[str, Any]], bool]:
    """The record predicate of the query: exact user/session/request/agent, a minimum level, and an
    ``event_type`` pattern with wildcards (``chat.*``)."""
    exact = {name: call.query[name] for name in LOG_FILTERS if call.query.get(name)}
    level = (call.query.get("level") or "DEBUG").upper()
    if level not in LOG_LEVELS:
        raise invalid_params("query.level", f"Input should be one of {', '.join(LOG_LEVELS)}", "enum")
    pattern = call.query.get("event_type") or "*"

    def wanted(record: dict[str, Any]) -> bool:
        return (
            all(record.get(name) == value for name, value in exact.items())
            and LOG_LEVELS.index(record["level"]) >= LOG_LEVELS.index(level)
            and fnmatch.fnmatchcase(record["event_type"], pattern)
        )

    return wanted


@logged_operation("stream_logs")
async def stream_logs(call: Call) -> Response:
    """Buffered, then live, log records matching the query filters, as ``event: log`` frames."""
    wanted = _log_filter(call)
    book = log_book(call.runtime)
    interval = call.runtime.config.keepalive_interval

    async def frames() -> AsyncIterator[bytes]:
        live: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        book.followers.add(live)
        backlog = list(book.records)  # taken with the subscription, before any await: no gap, no repeat
        try:
            yield KEEPALIVE
            for record in backlog:
                if wanted(record):
                    yield sse_frame(record, event="log")
            while True:
                try:
                    record = await asyncio.wait_for(live.get(), interval)
                except TimeoutError:
                    yield KEEPALIVE
                    continue
                if wanted(record):
                    yield sse_frame(record, event="log")
        finally:
            book.followers.discard(live)

    return StreamingResponse(frames(), media_type="text/event-stream", headers=SSE_HEADERS)
