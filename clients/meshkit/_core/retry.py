"""The one retry policy (tenacity), shared by the sync and async transports.

What is retried (contract README "Retry safety"): a connect failure always (nothing was sent);
otherwise only operations whose retry class allows it — ``safe`` (GETs, formation PUT/DELETE,
every broker route) and ``idempotency-key`` (chat, trigger fires and job creation, resent with
the same key) — on 408, 409, 429 and 5xx answers and on transport errors. A stream of those
operations is re-sent only when it never started: a 429, a 503 with Retry-After, or a failed
connect (the servers never replay a stream, so anything else may have run); never once its
events are read. The MUXI Server's mutations are never re-sent once they may have reached it. Waits are
``min(0.5·2^n, 8)`` seconds with full jitter, or the server's ``Retry-After`` when it sent one, up
to a cap (60 s): beyond it the error surfaces at once, with ``retry_after`` set.
"""

from __future__ import annotations

import email.utils
import logging
import math
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
import tenacity

from .limits import DEADLINE

RETRYABLE_STATUSES = frozenset({408, 409, 429})
# The retry class of a stream's start: the servers never replay a stream, so only a refusal that
# says nothing ran (429; 503 with Retry-After) or a connect that never reached them is re-sent.
STREAM_START = "stream-start"
# 5xx answers that will not change on a retry.
PERMANENT_SERVER_STATUSES = frozenset({501, 505})
BACKOFF_BASE = 0.5
BACKOFF_CAP = 8.0
RETRY_AFTER_CAP = 60.0

logger = logging.getLogger("meshkit")


def parse_retry_after(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """Seconds to wait from ``retry-after-ms`` or ``Retry-After`` (number or HTTP-date); None when
    absent, negative or unparseable — garbage is ignored, never raised."""
    milliseconds = _number(headers.get("retry-after-ms"))
    if milliseconds is not None:
        return milliseconds / 1000.0
    raw = headers.get("retry-after")
    if raw is None:
        return None
    seconds = _number(raw)
    if seconds is not None:
        return seconds
    try:
        moment = email.utils.parsedate_to_datetime(raw.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))


def _number(raw: str | None) -> float | None:
    if raw is None:
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


# httpx-aiohttp (an injected ``HttpxAiohttpClient``) raises httpx.ConnectTimeout for every aiohttp
# ClientConnectionError: a refused connect, but also a server that closed the connection after
# reading the request. Its cause (the aiohttp exception) tells them apart; matched by class name,
# so aiohttp is never imported.
_AIOHTTP_NOT_CONNECTED = frozenset({"ClientConnectorError", "ClientProxyConnectionError"})
_AIOHTTP_CONNECT_TIMEOUT = frozenset({"ConnectionTimeoutError"})


def as_httpx_would_raise(exc: BaseException) -> BaseException:
    """The exception httpx's own transport would have raised for ``exc``: an aiohttp transport's
    ConnectTimeout becomes a ConnectError (the connect failed: nothing was sent) or a
    RemoteProtocolError (the connection broke: the request may have reached the server); any
    other exception is returned as it is."""
    cause = exc.__cause__
    if not isinstance(exc, httpx.ConnectTimeout) or cause is None or not type(cause).__module__.startswith("aiohttp"):
        return exc
    names = {kind.__name__ for kind in type(cause).__mro__}
    if names & _AIOHTTP_CONNECT_TIMEOUT:
        return exc
    try:
        request: httpx.Request | None = exc.request
    except RuntimeError:  # raised before a request was attached
        request = None
    kind = httpx.ConnectError if names & _AIOHTTP_NOT_CONNECTED else httpx.RemoteProtocolError
    native = kind(str(exc) or type(cause).__name__, request=request)
    native.__cause__ = cause
    return native


@dataclass(frozen=True)
class RetryPolicy:
    """How many times and how long to retry; ``decide``/``wait`` are the whole policy."""

    max_retries: int = 2
    backoff_base: float = BACKOFF_BASE
    backoff_cap: float = BACKOFF_CAP
    retry_after_cap: float = RETRY_AFTER_CAP
    # How both loops wait between attempts (None: time.sleep / asyncio.sleep). A seam for tests:
    # a recorder (``waits.append``) sees every wait, and neither loop then sleeps for real.
    sleep: Callable[[float], None] | None = None

    def response_is_retryable(self, retry_class: str, response: httpx.Response) -> bool:
        status = response.status_code
        if retry_class == "never" or status < 400:  # a success is final (and skips a header scan)
            return False
        if retry_class == STREAM_START and not (status == 429 or (status == 503 and "retry-after" in response.headers)):
            return False
        override: str | None = response.headers.get("x-should-retry")
        if override in ("true", "false"):
            return override == "true"
        if status in PERMANENT_SERVER_STATUSES or (status not in RETRYABLE_STATUSES and status < 500):
            return False
        retry_after = parse_retry_after(response.headers)
        return retry_after is None or retry_after <= self.retry_after_cap

    @staticmethod
    def exception_is_retryable(retry_class: str, exc: BaseException) -> bool:
        exc = as_httpx_would_raise(exc)
        if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout):
            return True  # nothing reached the server
        if isinstance(exc, httpx.LocalProtocolError):
            return False  # the request itself could not be written: it will not be the next time
        return retry_class not in ("never", STREAM_START) and isinstance(exc, httpx.TransportError)

    def backoff(self, attempt: int) -> float:
        """Full jitter over ``min(base·2^(attempt-1), cap)``; ``attempt`` counts from 1."""
        return random.uniform(0, min(self.backoff_base * 2 ** (attempt - 1), self.backoff_cap))

    def tenacity_kwargs(self, retry_class: str) -> dict[str, Any]:
        """The arguments of a ``tenacity.Retrying``/``AsyncRetrying`` for one call."""

        def should_retry(state: tenacity.RetryCallState) -> bool:
            outcome = state.outcome
            if outcome is None:
                return False
            if outcome.failed:
                exc = outcome.exception()
                return exc is not None and self.exception_is_retryable(retry_class, exc)
            response: httpx.Response = outcome.result()
            return self.response_is_retryable(retry_class, response)

        def wait(state: tenacity.RetryCallState) -> float:
            outcome = state.outcome
            if outcome is not None and not outcome.failed:
                retry_after = parse_retry_after(outcome.result().headers)
                if retry_after is not None:
                    return retry_after
            return self.backoff(state.attempt_number)

        kwargs: dict[str, Any] = {
            "stop": tenacity.stop_after_attempt(self.max_retries + 1) | _stop_at_deadline,
            "retry": should_retry,
            "wait": wait,
            "reraise": True,
            "retry_error_callback": lambda state: state.outcome.result() if state.outcome else None,
            "before_sleep": _log_retry,
        }
        if self.sleep is not None:
            kwargs["sleep"] = self.sleep
        return kwargs

    def async_tenacity_kwargs(self, retry_class: str) -> dict[str, Any]:
        """:meth:`tenacity_kwargs` for ``tenacity.AsyncRetrying`` (the sleep seam, awaited)."""
        kwargs = self.tenacity_kwargs(retry_class)
        sleep = self.sleep
        if sleep is not None:

            async def async_sleep(seconds: float) -> None:
                sleep(seconds)

            kwargs["sleep"] = async_sleep
        return kwargs


class _StopAtDeadline(tenacity.stop.stop_base):
    """Stop when the next wait would end past the call's deadline (``Timeout(total=…)``): the
    last outcome surfaces now rather than after a wait that cannot help."""

    def __call__(self, state: tenacity.RetryCallState) -> bool:
        request = state.args[0] if state.args and isinstance(state.args[0], httpx.Request) else None
        deadline = request.extensions.get(DEADLINE) if request is not None else None
        return deadline is not None and time.monotonic() + state.upcoming_sleep >= deadline


_stop_at_deadline = _StopAtDeadline()


def retry_reason(state: tenacity.RetryCallState) -> tuple[str, float]:
    """Why an attempt is retried (``"HTTP 503"``, ``"ConnectError"``) and how long the wait is."""
    outcome = state.outcome
    if outcome is None:
        reason = "?"
    elif outcome.failed:
        reason = type(outcome.exception()).__name__
    else:
        reason = f"HTTP {outcome.result().status_code}"
    return reason, state.next_action.sleep if state.next_action is not None else 0.0


def _log_retry(state: tenacity.RetryCallState) -> None:
    """One DEBUG line per retry on the "meshkit" logger: method, URL, why, how long (never headers)."""
    if not logger.isEnabledFor(logging.DEBUG):
        return
    request = state.args[0] if state.args and isinstance(state.args[0], httpx.Request) else None
    reason, wait = retry_reason(state)
    target = f"{request.method} {request.url.copy_with(query=None)}" if request is not None else "call"
    logger.debug("meshkit retry: %s attempt %d got %s; retrying in %.2f s", target, state.attempt_number, reason, wait)
