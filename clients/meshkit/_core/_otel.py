"""OpenTelemetry for meshkit's calls, when ``opentelemetry-api`` is installed (extra ``otel``).

Each call is a CLIENT span named after its operation id, with the stable HTTP semantic
conventions' attributes (``http.request.method``, ``url.template``, ``server.address``,
``server.port``, ``http.response.status_code``, ``error.type``) and meshkit's own
(``meshkit.request_id``, ``meshkit.attempts``; for a stream ``meshkit.stream.events`` and
``meshkit.stream.time_to_first_event``). Each retry is a span event. A stream's span lasts until the
stream closes. W3C ``traceparent`` goes out on the request (the global propagator). Metrics, with
the same names: ``meshkit.client.duration`` (histogram, seconds), ``meshkit.client.retries`` and
``meshkit.client.errors`` (counters, the latter by ``error.type``).

Without the package nothing here is imported: :func:`tracer` answers None and the transport traces
nothing. With it, calls are traced once the application sets a tracer provider (the SDK's, usually
with an exporter); until then nothing is made per call. Metrics go to the global meter provider.
"""

from __future__ import annotations

import time
from contextlib import AbstractContextManager
from functools import cache
from typing import Any

import httpx

from .wire import operation


@cache
def tracer() -> OtelTracer | None:
    """The process's meshkit tracer, or None without ``opentelemetry-api``."""
    try:
        import opentelemetry  # noqa: F401
    except ImportError:
        return None
    return OtelTracer()


class OtelTracer:
    """meshkit's tracer, meter and instruments (created once per process)."""

    def __init__(self) -> None:
        from opentelemetry import metrics, propagate, trace

        from .. import __version__

        self._trace = trace
        self._propagate = propagate
        self._active = False
        self._next_check = 0.0
        self.tracer = trace.get_tracer("meshkit", __version__)
        meter = metrics.get_meter("meshkit", __version__)
        self.duration = meter.create_histogram(
            "meshkit.client.duration", unit="s", description="Duration of meshkit calls, retries included"
        )
        self.retries = meter.create_counter("meshkit.client.retries", description="Retries of meshkit calls")
        self.errors = meter.create_counter("meshkit.client.errors", description="meshkit calls that failed")

    def active(self) -> bool:
        """Whether the application set a tracer provider: until then (the API's default proxy) no
        span would be recorded, and meshkit makes none. Asked at most once a second while unset
        (the API reads the environment each time), and never again once it is."""
        if self._active:
            return True
        now = time.monotonic()
        if now < self._next_check:
            return False
        self._next_check = now + 1.0
        self._active = not isinstance(self._trace.get_tracer_provider(), self._trace.ProxyTracerProvider)
        return self._active

    def start(self, operation_id: str, request: httpx.Request) -> OtelCall:
        """A span for the call, current for the propagator, which writes ``traceparent`` on ``request``."""
        url = request.url
        attributes: dict[str, Any] = {
            "http.request.method": request.method,
            "url.template": operation(operation_id)["path"],
            "server.address": url.host,
            "meshkit.operation": operation_id,
        }
        if url.port is not None:
            attributes["server.port"] = url.port
        span = self.tracer.start_span(operation_id, kind=self._trace.SpanKind.CLIENT, attributes=attributes)
        self._propagate.inject(request.headers, context=self._trace.set_span_in_context(span))
        return OtelCall(self, span, operation_id, request.method)


class OtelCall:
    """One call's span and its metrics."""

    __slots__ = ("method", "operation_id", "owner", "span", "started")

    def __init__(self, owner: OtelTracer, span: Any, operation_id: str, method: str) -> None:
        self.owner = owner
        self.span = span
        self.operation_id = operation_id
        self.method = method
        self.started = time.monotonic()

    def current(self) -> AbstractContextManager[object]:
        """The span as the current one while the call's attempts are sent, so that spans made below
        it (``opentelemetry-instrumentation-httpx``: one per attempt) are its children."""
        return self.owner._trace.use_span(self.span, end_on_exit=False)  # type: ignore[no-any-return]

    def _labels(self) -> dict[str, str]:
        return {"meshkit.operation": self.operation_id, "http.request.method": self.method}

    def retry(self, attempt: int, reason: str, wait: float) -> None:
        self.span.add_event(
            "retry", {"meshkit.attempt": attempt, "meshkit.retry.reason": reason, "meshkit.retry.wait": wait}
        )
        self.owner.retries.add(1, self._labels())

    def answered(
        self, status: int | None, request_id: str | None, attempts: int, error: BaseException | None, *, ended: bool
    ) -> None:
        span = self.span
        if status is not None:
            span.set_attribute("http.response.status_code", status)
        if request_id:
            span.set_attribute("meshkit.request_id", request_id)
        span.set_attribute("meshkit.attempts", attempts)
        if error is not None:
            self._failed(error)
        if ended:
            self._end()

    def stream_closed(self, events: int, first_event: float | None, error: BaseException | None) -> None:
        self.span.set_attribute("meshkit.stream.events", events)
        if first_event is not None:
            self.span.set_attribute("meshkit.stream.time_to_first_event", first_event)
        if error is not None:
            self._failed(error)
        self._end()

    def _failed(self, error: BaseException) -> None:
        from opentelemetry.trace import Status, StatusCode

        kind = type(error).__name__
        self.span.set_attribute("error.type", kind)
        self.span.set_status(Status(StatusCode.ERROR, kind))
        self.owner.errors.add(1, {**self._labels(), "error.type": kind})

    def _end(self) -> None:
        self.owner.duration.record(time.monotonic() - self.started, self._labels())
        self.span.end()


__all__ = ["OtelCall", "OtelTracer", "tracer"]
