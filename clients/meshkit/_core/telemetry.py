"""Seeing each call: the ``MESHKIT_LOG`` switch, ``hooks=``, and OpenTelemetry (extra ``otel``).

One :class:`CallTrace` follows a call from its first attempt to its answer (or, for a stream, to
its close) and tells the three of them, in one place for the blocking and the asyncio transports:

- the ``meshkit`` logger: at INFO one line per call (operation, method, path, status, request id,
  attempts, duration); at DEBUG also each attempt, each retry and its wait, a stream's opening and
  its close with the event count and the time to its first event;
- the client's :class:`Hooks`, each given a small frozen record;
- OpenTelemetry, when ``opentelemetry-api`` is installed: a span per call (``_otel.py``).

Nothing is traced when none of them listens: the transport asks :meth:`Telemetry.start`, which
answers None without allocating anything. Keys, secrets and bodies are never part of a record or
a line: only the method, the URL's path, statuses, ids, counts and times.
"""

from __future__ import annotations

import functools
import inspect
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import httpx

from .errors import ConfigurationError

if TYPE_CHECKING:
    from ._otel import OtelCall, OtelTracer

logger = logging.getLogger("meshkit")
F = TypeVar("F", bound=Callable[..., Any])

# The request extension a call's trace rides on, from attempt to attempt (never sent).
TRACE = "meshkit.trace"


@dataclass(frozen=True, slots=True)
class RequestInfo:
    """``on_request``: an attempt is about to be sent (``attempt`` counts from 1)."""

    operation: str
    method: str
    url: str  # scheme, host and path: never the query or the credentials
    attempt: int


@dataclass(frozen=True, slots=True)
class RetryInfo:
    """``on_retry``: attempt ``attempt`` failed with ``reason`` and the call waits ``wait`` seconds."""

    operation: str
    method: str
    url: str
    attempt: int
    reason: str  # "HTTP 503", "ConnectError"…
    wait: float


@dataclass(frozen=True, slots=True)
class ResponseInfo:
    """``on_response``: the call's final answer (``status_code``), or the error it ended with
    (``error``: the exception's class name, ``status_code`` None when nothing answered). For a
    stream, when its response arrived (its events follow)."""

    operation: str
    method: str
    url: str
    status_code: int | None
    request_id: str | None
    attempts: int
    duration: float  # seconds, retries and their waits included
    error: str | None = None


@dataclass(frozen=True, slots=True)
class StreamEventInfo:
    """``on_stream_event``: the ``index``-th event (from 1) of a stream, ``elapsed`` seconds after the
    call started; ``event`` is its type (``content``, ``progress``, ``log``…)."""

    operation: str
    index: int
    event: str
    elapsed: float


_HOOK_NAMES = ("on_request", "on_response", "on_retry", "on_stream_event")


@dataclass(frozen=True)
class Hooks:
    """Callbacks a client calls for every call (``Formation(..., hooks=Hooks(on_response=...))``),
    on the blocking and the asyncio clients alike. Each gets a small record, never httpx objects or
    bodies. An exception raised in a hook is logged on the ``meshkit`` logger and never breaks the
    call. Hooks run inline: keep them quick (hand slow work to a queue).

    >>> from meshkit import Formation, Hooks
    >>> slow = []
    >>> hooks = Hooks(on_response=lambda info: slow.append(info) if info.duration > 1 else None)
    >>> formation = Formation(url="http://localhost:8001", client_key="fmc_...", hooks=hooks)  # doctest: +SKIP
    """

    on_request: Callable[[RequestInfo], object] | None = None
    on_response: Callable[[ResponseInfo], object] | None = None
    on_retry: Callable[[RetryInfo], object] | None = None
    on_stream_event: Callable[[StreamEventInfo], object] | None = None

    def __post_init__(self) -> None:
        for name in _HOOK_NAMES:
            value = getattr(self, name)
            if value is not None and not callable(value):
                raise ConfigurationError(f"Hooks({name}=...) must be callable, got {type(value).__name__}")
            if inspect.iscoroutinefunction(value) or inspect.iscoroutinefunction(type(value).__call__):
                raise ConfigurationError(
                    f"Hooks({name}=...) must be a plain function: hooks run inline, on the asyncio clients "
                    "too, and a coroutine would never be awaited (hand the record to a queue or a task)"
                )

    def __bool__(self) -> bool:
        return any(getattr(self, name) is not None for name in _HOOK_NAMES)


class Telemetry:
    """Who listens to a client's calls: its hooks, the ``meshkit`` logger, OpenTelemetry."""

    __slots__ = ("hooks", "tracer")

    def __init__(self, hooks: Hooks | None, tracer: OtelTracer | None) -> None:
        self.hooks = hooks
        self.tracer = tracer

    def start(self, operation: str, request: httpx.Request, *, stream: bool) -> CallTrace | None:
        """A trace for this call, or None when nobody listens (the common case: no cost)."""
        tracer = self.tracer if self.tracer is not None and self.tracer.active() else None
        if self.hooks is None and tracer is None and not logger.isEnabledFor(logging.INFO):
            return None
        trace = CallTrace(self, operation, request, stream, tracer)
        request.extensions[TRACE] = trace
        return trace


def client_telemetry(hooks: Hooks | None) -> Telemetry:
    """A client's telemetry: ``hooks`` (checked) and, with the ``otel`` extra, a tracer."""
    if hooks is not None and not isinstance(hooks, Hooks):
        raise ConfigurationError(f"hooks= must be a meshkit.Hooks, got {type(hooks).__name__}")
    configure_logging_from_env()
    from ._otel import tracer

    return Telemetry(hooks if hooks else None, tracer())


def _never_raises(method: F) -> F:
    """Telemetry must never change a call's outcome: a failure in it is logged and the call goes on."""

    @functools.wraps(method)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except Exception:
            logger.exception("meshkit: telemetry failed in %s (the call goes on)", method.__name__)
            return None

    return guarded  # type: ignore[return-value]


class CallTrace:
    """One call as the listeners see it: started, attempted, retried, answered, streamed, closed."""

    __slots__ = (
        "attempts",
        "events",
        "first_event",
        "method",
        "operation",
        "otel",
        "path",
        "started",
        "stream",
        "telemetry",
        "url",
    )

    def __init__(
        self, telemetry: Telemetry, operation: str, request: httpx.Request, stream: bool, tracer: OtelTracer | None
    ) -> None:
        self.telemetry = telemetry
        self.operation = operation
        self.method = request.method
        url = request.url
        # As sent (percent-encoded), without the query: an id holding a newline stays "%0A" in a
        # log line, never a second line.
        self.path = url.raw_path.split(b"?", 1)[0].decode("ascii")
        self.url = f"{url.scheme}://{url.netloc.decode('ascii')}{self.path}"
        self.stream = stream
        self.started = time.monotonic()
        self.attempts = 0
        self.events = 0
        self.first_event: float | None = None
        self.otel: OtelCall | None = tracer.start(operation, request) if tracer is not None else None

    # --- the call --------------------------------------------------------------------------------

    def current(self) -> AbstractContextManager[object]:
        """While the call's attempts are sent: its span as the current one (else nothing)."""
        return self.otel.current() if self.otel is not None else nullcontext()

    @_never_raises
    def attempt(self) -> None:
        self.attempts += 1
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("%s: attempt %d: %s %s", self.operation, self.attempts, self.method, self.url)
        hook = self.telemetry.hooks.on_request if self.telemetry.hooks is not None else None
        if hook is not None:
            _call_hook(hook, RequestInfo(self.operation, self.method, self.url, self.attempts))

    @_never_raises
    def retry(self, attempt: int, reason: str, wait: float) -> None:
        if logger.isEnabledFor(logging.DEBUG):  # the line retry.py writes when nothing is traced
            logger.debug(
                "meshkit retry: %s %s attempt %d got %s; retrying in %.2f s",
                self.method,
                self.url,
                attempt,
                reason,
                wait,
            )
        if self.otel is not None:
            self.otel.retry(attempt, reason, wait)
        hook = self.telemetry.hooks.on_retry if self.telemetry.hooks is not None else None
        if hook is not None:
            _call_hook(hook, RetryInfo(self.operation, self.method, self.url, attempt, reason, wait))

    @_never_raises
    def answered(
        self, response: httpx.Response | None, error: BaseException | None = None, request_id: str | None = None
    ) -> None:
        """The call's final response (or the error it ended with). A stream goes on to its events."""
        duration = time.monotonic() - self.started
        status = response.status_code if response is not None else None
        request_id = _request_id(response, error, request_id)
        kind = type(error).__name__ if error is not None else None
        if logger.isEnabledFor(logging.INFO):
            logger.info(
                "%s %s %s -> %s%s attempts=%d %.1f ms%s",
                self.operation,
                self.method,
                self.path,
                " ".join(str(part) for part in (status, kind) if part is not None),
                f" request_id={request_id}" if request_id else "",
                self.attempts,
                duration * 1000,
                " (stream open)" if self.stream and error is None else "",
            )
        if self.otel is not None:
            self.otel.answered(status, request_id, self.attempts, error, ended=not self.stream or error is not None)
        hook = self.telemetry.hooks.on_response if self.telemetry.hooks is not None else None
        if hook is not None:
            info = ResponseInfo(
                self.operation, self.method, self.url, status, request_id, self.attempts, duration, kind
            )
            _call_hook(hook, info)

    # --- a stream's events -------------------------------------------------------------------------

    @_never_raises
    def stream_event(self, event: object) -> None:
        self.events += 1
        now = time.monotonic()
        if self.first_event is None:
            self.first_event = now - self.started
        hook = self.telemetry.hooks.on_stream_event if self.telemetry.hooks is not None else None
        if hook is not None:
            _call_hook(hook, StreamEventInfo(self.operation, self.events, _event_name(event), now - self.started))

    @_never_raises
    def stream_closed(self, error: BaseException | None = None) -> None:
        duration = time.monotonic() - self.started
        if logger.isEnabledFor(logging.DEBUG):
            first = f"{self.first_event * 1000:.1f} ms" if self.first_event is not None else "none"
            logger.debug(
                "%s: stream closed after %.1f ms: %d events, first after %s%s",
                self.operation,
                duration * 1000,
                self.events,
                first,
                f", failed with {type(error).__name__}" if error is not None else "",
            )
        if self.otel is not None:
            self.otel.stream_closed(self.events, self.first_event, error)


def stream_ended(response: httpx.Response, failure: BaseException | None = None) -> None:
    """A stream's response was closed: end its trace, once (whoever closes it first tells)."""
    trace = response.request.extensions.pop(TRACE, None)
    if trace is not None:
        trace.stream_closed(failure)


def _event_name(event: object) -> str:
    name = getattr(event, "type", None) or getattr(event, "event", None)
    return name if isinstance(name, str) else type(event).__name__


def _request_id(response: httpx.Response | None, error: BaseException | None, found: str | None) -> str | None:
    """The request id of an answer: the one its result or error carries, else the header."""
    if found:
        return found
    from_error = getattr(error, "request_id", None)
    if isinstance(from_error, str):
        return from_error
    return response.headers.get("x-request-id") if response is not None else None


def result_request_id(result: object) -> str | None:
    """The request id a call's result carries (a model's ``meta``, a chat answer's field)."""
    if isinstance(result, dict):
        found = result.get("request_id")
        return found if isinstance(found, str) else None
    meta = getattr(result, "meta", None)
    found = getattr(meta, "request_id", None)
    return found if isinstance(found, str) else None


def _call_hook(hook: Callable[[Any], object], info: object) -> None:
    try:
        hook(info)
    except Exception:  # a listener's bug must never break the call
        logger.exception("meshkit: a hook raised (the call goes on): %r", getattr(hook, "__name__", hook))


# --- MESHKIT_LOG -------------------------------------------------------------------------------------

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}
_lock = threading.Lock()
_handler: logging.Handler | None = None
_env_read = False


def set_log_level(level: Literal["debug", "info", "warning", "error"] | None) -> None:
    """Log meshkit's calls to stderr at ``level`` (what ``MESHKIT_LOG=info`` does), or stop (None).

    Only the ``meshkit`` logger is touched. Called explicitly, it wins over ``MESHKIT_LOG``; if you
    configure logging yourself, set that logger's level instead and leave this alone.

    >>> import meshkit
    >>> meshkit.set_log_level("info")   # doctest: +SKIP
    """
    global _env_read
    if level is not None and (not isinstance(level, str) or level.lower() not in _LEVELS):
        raise ConfigurationError(f"log level must be one of {', '.join(_LEVELS)}, got {level!r}")
    with _lock:
        _env_read = True  # an explicit choice: the environment no longer applies
        _apply(level)


def _apply(level: str | None) -> None:
    global _handler
    target = logging.getLogger("meshkit")
    if level is None:
        if _handler is not None:
            target.removeHandler(_handler)
            _handler = None
        target.setLevel(logging.NOTSET)
        return
    if _handler is None:
        _handler = logging.StreamHandler(sys.stderr)
        _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        target.addHandler(_handler)
    target.setLevel(_LEVELS[level.lower()])


def configure_logging_from_env() -> None:
    """Apply ``MESHKIT_LOG`` once per process, unless the application configured the ``meshkit``
    logger itself (a handler or a level) or called :func:`set_log_level`."""
    global _env_read
    if _env_read:
        return
    with _lock:
        if _env_read:
            return
        _env_read = True
        value = os.environ.get("MESHKIT_LOG", "").strip().lower()
        if not value:
            return
        if value not in _LEVELS:
            logger.warning("MESHKIT_LOG=%r is not one of %s: ignored", value, ", ".join(_LEVELS))
            return
        if logger.handlers or logger.level != logging.NOTSET:
            return  # the application's own logging setup wins
        _apply(value)


__all__ = [
    "TRACE",
    "CallTrace",
    "Hooks",
    "RequestInfo",
    "ResponseInfo",
    "RetryInfo",
    "StreamEventInfo",
    "Telemetry",
    "client_telemetry",
    "configure_logging_from_env",
    "result_request_id",
    "set_log_level",
    "stream_ended",
]
