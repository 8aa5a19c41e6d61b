"""The send loop: the only code that differs between the blocking and the asyncio clients.

Written once, here, for asyncio; generator/unasync.py writes the blocking ``SyncTransport`` into
``transport_sync.py``. Every call (blocking or stream) goes through ``send``: one attempt, then
the retry policy (tenacity) only when that attempt's outcome is retryable, and the client's
opt-in guards (``_core/guards``) around each attempt (circuit breaker, rate limiter) and around
the whole call (max in flight).

Redirects are never followed, even on an injected client built with ``follow_redirects=True``:
httpx strips only ``Authorization`` across origins, so the formation keys would travel on. A 3xx
answer is a :class:`~meshkit.RedirectError` naming its ``Location``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

import httpx
import tenacity

from .errors import MeshkitError
from .io_hooks import asleep
from .limits import DEADLINE, aread_body, fit_attempt_to_deadline
from .options import apply_options
from .plan import Plan
from .pool_watch import PoolWatch
from .raw import CAPTURED
from .retry import retry_reason
from .streams import EventDecoder
from .streams_async import AsyncStream
from .telemetry import TRACE, result_request_id
from .wire import Call, Wire, mapped_transport_errors, where

T = TypeVar("T")
E = TypeVar("E")


class AsyncTransport:
    """Sends prepared calls on one pooled ``httpx.AsyncClient``, with the wire's retry policy."""

    def __init__(
        self, wire: Wire, http: httpx.AsyncClient, *, owns_http: bool, pool_watch: PoolWatch | None = None
    ) -> None:
        self.wire = wire
        self.http = http
        self.owns_http = owns_http
        self.pool_watch = pool_watch

    async def send(self, call: Call) -> httpx.Response:
        """The final response of a call (after retries); a stream's body is left unread."""
        if self.http.is_closed:  # httpx would raise a bare RuntimeError
            raise MeshkitError(
                f"{where(call.request)}: the client is closed",
                hint="closing a client (or leaving its with block) closes its pool; create a new client",
            )
        guards = self.wire.guards
        if guards is None:
            with mapped_transport_errors():
                response = await self._retried(call, self._attempt)
        else:
            async with guards.async_slot():
                with mapped_transport_errors():
                    response = await self._retried(call, self._guarded_attempt)
        captured = CAPTURED.get()
        if captured is not None:  # inside with_raw_response
            captured.append(response)
        return response

    async def _retried(self, call: Call, attempt: Callable[..., Awaitable[httpx.Response]]) -> httpx.Response:
        """The first attempt's answer when the policy would not retry it (nearly every call, without
        tenacity's per-call cost, ~15 µs); otherwise tenacity runs the call on from that outcome."""
        first: httpx.Response | Exception
        try:
            response = await attempt(call.request, stream=call.stream)
        except Exception as exc:
            first = exc
        else:
            if not self.wire.retry.response_is_retryable(call.retry_class, response):
                return response
            first = response
        policy = self.wire.retry.async_tenacity_kwargs(call.retry_class)
        log_retry = policy["before_sleep"]

        async def release_then_wait(state: tenacity.RetryCallState) -> None:
            # The answer being retried goes back to the pool before the wait, not after it: a
            # stream's body is unread, and a wait may last a minute or be cancelled.
            trace = call.request.extensions.get(TRACE)
            if trace is None:
                log_retry(state)
            else:
                trace.retry(state.attempt_number, *retry_reason(state))
            if state.outcome is not None and not state.outcome.failed:
                await state.outcome.result().aclose()

        policy["before_sleep"] = release_then_wait
        retrying = tenacity.AsyncRetrying(**policy)
        final: httpx.Response = await retrying(_replaying(first, attempt), call.request, stream=call.stream)
        return final

    async def _attempt(self, request: httpx.Request, *, stream: bool) -> httpx.Response:
        extensions = request.extensions
        if DEADLINE in extensions:
            fit_attempt_to_deadline(request)
        trace = extensions.get(TRACE)
        if trace is not None:
            trace.attempt()
        watch = self.pool_watch
        if watch is not None:
            watch.attempt(request, awaited=True)  # sync: watch.attempt(request, awaited=False)
        response = await self.http.send(request, stream=True, auth=self.wire.auth, follow_redirects=False)
        if not stream:
            await aread_body(response, self.wire.limits.max_body_bytes)
        return response

    async def _guarded_attempt(self, request: httpx.Request, *, stream: bool) -> httpx.Response:
        guards = self.wire.guards
        assert guards is not None
        ticket, wait = guards.admit()
        try:
            if wait > 0:
                await asleep(wait)
            response = await self._attempt(request, stream=stream)
        except BaseException as exc:
            guards.settle(ticket, exc)
            raise
        guards.settle(ticket, response)
        return response

    async def run(self, plan: Plan[T], options: Mapping[str, Any] | None = None) -> T:
        """Send a planned call, with the caller's per-call ``options``, and return its result (or
        raise its typed error)."""
        if options:
            plan = apply_options(plan, options)
        answer = await self.call(plan.operation_id, plan.arguments, typed=plan.typed, **plan.options())
        return plan.finished(answer)

    def stream(
        self, plan: Plan[Any], decoder: EventDecoder[E], options: Mapping[str, Any] | None = None
    ) -> AsyncStream[E]:
        """The planned call's events; the request is sent when the stream is first used."""
        if options:
            plan = apply_options(plan, options)

        async def opener() -> httpx.Response:
            return await self.open_stream(plan.operation_id, plan.arguments, **plan.options())

        return AsyncStream(opener, decoder)

    async def call(
        self,
        operation_id: str,
        arguments: Mapping[str, Any] | None = None,
        *,
        typed: bool = True,
        **options: Any,
    ) -> Any:
        """Send one operation and return its decoded answer, or raise its typed error."""
        prepared = self.wire.prepare(self.http, operation_id, arguments or {}, **options)
        telemetry = self.wire.telemetry
        trace = telemetry.start(operation_id, prepared.request, stream=False) if telemetry is not None else None
        if trace is None:  # nobody listens: the path every call takes unless asked
            response = await self.send(prepared)
            if response.status_code >= 300:
                raise self.wire.error_for(response)
            return self.wire.result(operation_id, response, typed=typed)
        answer: httpx.Response | None = None
        try:
            with trace.current():
                answer = await self.send(prepared)
            if answer.status_code >= 300:
                raise self.wire.error_for(answer)
            envelope_ids: list[str] = []
            result = self.wire.result(operation_id, answer, typed=typed, seen=envelope_ids)
        except BaseException as exc:
            trace.answered(answer, exc)
            raise
        trace.answered(answer, request_id=envelope_ids[0] if envelope_ids else result_request_id(result))
        return result

    async def open_stream(
        self, operation_id: str, arguments: Mapping[str, Any] | None = None, **options: Any
    ) -> httpx.Response:
        """Start a streaming call; its status is checked before any event is read."""
        prepared = self.wire.prepare(self.http, operation_id, arguments or {}, stream=True, **options)
        telemetry = self.wire.telemetry
        trace = telemetry.start(operation_id, prepared.request, stream=True) if telemetry is not None else None
        response: httpx.Response | None = None
        try:
            if trace is None:
                response = await self.send(prepared)
            else:
                with trace.current():
                    response = await self.send(prepared)
            if response.status_code >= 300:
                with mapped_transport_errors():
                    await aread_body(response, self.wire.limits.max_body_bytes)
                raise self.wire.error_for(response)
        except BaseException as exc:
            if trace is not None:
                trace.answered(response, exc)
            raise
        if trace is not None:
            trace.answered(response)  # its events and its close follow (the stream tells the trace)
        return response

    async def aclose(self) -> None:
        """Close the pool, when this transport made it (an injected client stays the caller's)."""
        if self.owns_http:
            await self.http.aclose()


# tenacity drives every retry from the first attempt's real outcome: attempt 1 replays it (the
# response, or the exception re-raised), so its decision, Retry-After wait, logging and attempt
# count are exactly what they would be had tenacity sent attempt 1 itself.


def _replaying(
    first: httpx.Response | Exception, attempt: Callable[..., Awaitable[httpx.Response]]
) -> Callable[..., Awaitable[httpx.Response]]:
    pending = [first]

    async def replay_then_attempt(request: httpx.Request, *, stream: bool) -> httpx.Response:
        if pending:
            outcome = pending.pop()
            if isinstance(outcome, Exception):
                raise outcome
            return outcome
        return await attempt(request, stream=stream)

    return replay_then_attempt
