"""Opt-in client-side guards: a token-bucket rate limiter, a circuit breaker and a max in-flight
limit. All off by default; one argument turns them on, the same for every façade::

    Formation(..., guards=Guards(rate_limit=20, circuit_breaker=CircuitBreaker(), max_in_flight=8))

They act in the send loop every call goes through (blocking calls and streams, sync and async):

* ``rate_limit`` — a token bucket charged one token per *attempt* (retries included); a call waits
  for its token instead of failing. A number means "that many per second, burst of the same".
* ``circuit_breaker`` — counts consecutive failed attempts (5xx answers, connection errors,
  timeouts; 4xx answers are the caller's problem and count as healthy). After
  ``failure_threshold`` of them it opens: every call raises :class:`CircuitOpenError` before
  anything is sent, for ``reset_timeout`` seconds. Then it is half-open: exactly
  ``half_open_probes`` attempts go through; if all succeed it closes, if one fails it opens again.
* ``max_in_flight`` — at most that many calls of this client at once (a call keeps its slot through
  its retries; a stream until its response headers arrived). Meant for async fan-out; it works for
  threads too.

A ``Guards`` object holds state: copies made by ``with_options``/``for_user`` share it; give each
client its own.
"""

from __future__ import annotations

import asyncio
import collections
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass

import httpx

from .errors import CircuitOpenError, ConfigurationError

Clock = Callable[[], float]


class RateLimit:
    """A token bucket: ``per_second`` tokens refill each second, up to ``burst`` (default: one
    second's worth, at least 1). :meth:`reserve` takes a token and says how long to wait for it."""

    def __init__(self, per_second: float, burst: float | None = None, *, clock: Clock = time.monotonic) -> None:
        if not per_second > 0:
            raise ConfigurationError(f"rate_limit must be > 0 per second, got {per_second!r}")
        if burst is not None and not burst >= 1:
            raise ConfigurationError(f"burst must be >= 1, got {burst!r}")
        self.per_second = float(per_second)
        self.burst = float(burst if burst is not None else max(1.0, per_second))
        self._clock = clock
        self._tokens = self.burst
        self._updated = clock()
        self._lock = threading.Lock()

    def reserve(self) -> float:
        """Take one token (the bucket may go into debt) and return the seconds to wait before using it."""
        with self._lock:
            now = self._clock()
            self._tokens = min(self.burst, self._tokens + (now - self._updated) * self.per_second)
            self._updated = now
            self._tokens -= 1.0
            return 0.0 if self._tokens >= 0 else -self._tokens / self.per_second

    def __repr__(self) -> str:
        return f"RateLimit(per_second={self.per_second}, burst={self.burst})"


@dataclass(frozen=True)
class _Ticket:
    generation: int
    probe: bool


class CircuitBreaker:
    """Closed → (``failure_threshold`` consecutive failures) → open → (``reset_timeout`` s) →
    half-open (``half_open_probes`` attempts allowed) → closed when they all succeed, open on a failure."""

    def __init__(
        self,
        failure_threshold: int = 5,
        reset_timeout: float = 30.0,
        half_open_probes: int = 1,
        *,
        clock: Clock = time.monotonic,
    ) -> None:
        if failure_threshold < 1 or half_open_probes < 1 or reset_timeout < 0:
            raise ConfigurationError("circuit breaker: failure_threshold and half_open_probes >= 1, reset_timeout >= 0")
        self.failure_threshold = failure_threshold
        self.reset_timeout = float(reset_timeout)
        self.half_open_probes = half_open_probes
        self._clock = clock
        self._lock = threading.Lock()
        self._state = "closed"
        self._failures = 0
        self._opened_at = 0.0
        self._probes_started = 0
        self._probes_ok = 0
        # Bumped on every transition: a verdict from an attempt admitted in an earlier state is ignored.
        self._generation = 0

    @property
    def state(self) -> str:
        """``"closed"``, ``"open"`` or ``"half_open"`` (an open breaker whose timeout passed reads half-open)."""
        with self._lock:
            self._maybe_half_open()
            return self._state

    def _maybe_half_open(self) -> None:
        if self._state == "open" and self._clock() - self._opened_at >= self.reset_timeout:
            self._transition("half_open")

    def _transition(self, state: str) -> None:
        self._state = state
        self._generation += 1
        self._probes_started = self._probes_ok = 0
        if state == "open":
            self._opened_at = self._clock()
        if state == "closed":
            self._failures = 0

    def acquire(self) -> _Ticket:
        """Admit one attempt, or raise :class:`CircuitOpenError` (nothing is sent then)."""
        with self._lock:
            self._maybe_half_open()
            if self._state == "open":
                wait = max(0.0, self.reset_timeout - (self._clock() - self._opened_at))
                raise CircuitOpenError(f"circuit open: calls refused for {wait:.1f} s more", retry_after=wait)
            if self._state == "half_open":
                if self._probes_started >= self.half_open_probes:
                    raise CircuitOpenError("circuit half-open: its probe calls are under way", retry_after=0.0)
                self._probes_started += 1
                return _Ticket(self._generation, probe=True)
            return _Ticket(self._generation, probe=False)

    def record(self, ticket: _Ticket, success: bool | None) -> None:
        """The verdict of an admitted attempt (None: it ended without one, e.g. cancelled)."""
        with self._lock:
            if ticket.generation != self._generation:
                return
            if success is None:
                if ticket.probe:
                    self._probes_started -= 1  # give the probe back
                return
            if self._state == "half_open":
                if not success:
                    self._transition("open")
                else:
                    self._probes_ok += 1
                    if self._probes_ok >= self.half_open_probes:
                        self._transition("closed")
            elif self._state == "closed":
                if success:
                    self._failures = 0
                else:
                    self._failures += 1
                    if self._failures >= self.failure_threshold:
                        self._transition("open")

    def __repr__(self) -> str:
        return (
            f"CircuitBreaker(failure_threshold={self.failure_threshold}, reset_timeout={self.reset_timeout}, "
            f"half_open_probes={self.half_open_probes}, state={self.state!r})"
        )


def attempt_succeeded(outcome: httpx.Response | BaseException) -> bool | None:
    """The breaker's verdict: 5xx and transport errors fail; any other answer (4xx too) succeeds;
    anything else (cancellation, a refusal of our own) gives no verdict."""
    if isinstance(outcome, httpx.Response):
        return outcome.status_code < 500
    if isinstance(outcome, httpx.TransportError):
        return False
    return None


class Guards:
    """The client-side guards of one client (see the module docstring); every part is optional.

    ``rate_limit``: a :class:`RateLimit` or attempts per second; ``circuit_breaker``: a
    :class:`CircuitBreaker` (or True for the defaults); ``max_in_flight``: concurrent calls.
    """

    def __init__(
        self,
        *,
        rate_limit: RateLimit | float | None = None,
        circuit_breaker: CircuitBreaker | bool | None = None,
        max_in_flight: int | None = None,
    ) -> None:
        self.rate_limit = RateLimit(rate_limit) if isinstance(rate_limit, int | float) else rate_limit
        self.circuit_breaker = (
            CircuitBreaker() if circuit_breaker is True else (circuit_breaker if circuit_breaker else None)
        )
        if max_in_flight is not None and (isinstance(max_in_flight, bool) or max_in_flight < 1):
            raise ConfigurationError(f"max_in_flight must be >= 1, got {max_in_flight!r}")
        self.max_in_flight = max_in_flight
        self._slots = _Slots(max_in_flight) if max_in_flight else None

    def __repr__(self) -> str:
        return (
            f"Guards(rate_limit={self.rate_limit!r}, circuit_breaker={self.circuit_breaker!r}, "
            f"max_in_flight={self.max_in_flight!r})"
        )

    # --- per attempt (pure logic; the loops only differ in how they wait) -------------------------

    def admit(self) -> tuple[_Ticket | None, float]:
        """Before an attempt: the breaker's ticket (raises CircuitOpenError when open) and the
        seconds the rate limiter wants this attempt to wait."""
        ticket = self.circuit_breaker.acquire() if self.circuit_breaker else None
        return ticket, self.rate_limit.reserve() if self.rate_limit else 0.0

    def settle(self, ticket: _Ticket | None, outcome: httpx.Response | BaseException) -> None:
        """After an attempt: tell the breaker how it went."""
        if ticket is not None and self.circuit_breaker is not None:
            self.circuit_breaker.record(ticket, attempt_succeeded(outcome))

    # --- per call ------------------------------------------------------------------------------------

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one of the ``max_in_flight`` slots (a thread)."""
        if self._slots is None:
            yield
            return
        self._slots.acquire()
        try:
            yield
        finally:
            self._slots.release()

    @asynccontextmanager
    async def async_slot(self) -> AsyncIterator[None]:
        """Hold one of the ``max_in_flight`` slots (an asyncio task, on any event loop)."""
        if self._slots is None:
            yield
            return
        await self._slots.acquire_async()
        try:
            yield
        finally:
            self._slots.release()


class _Slots:
    """A counting semaphore shared by threads and by tasks of any number of event loops.

    ``asyncio.Semaphore`` binds itself to the first loop that waits on it (a second
    ``asyncio.run`` then raises RuntimeError), and a ``threading`` semaphore would block a loop.
    Here one lock guards the count; a waiting task parks on a future of its own loop, and a release
    hands the slot over directly (thread-safely), so no waiter is starved by a newcomer.
    """

    def __init__(self, limit: int) -> None:
        self._free = limit
        self._lock = threading.Lock()
        self._waiters: collections.deque[_Waiter] = collections.deque()

    def acquire(self) -> None:
        with self._lock:
            if self._free > 0 and not self._waiters:
                self._free -= 1
                return
            event = threading.Event()
            self._waiters.append(_Waiter(event, None, None))
        event.wait()

    async def acquire_async(self) -> None:
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._free > 0 and not self._waiters:
                self._free -= 1
                return
            future: asyncio.Future[None] = loop.create_future()
            waiter = _Waiter(None, loop, future)
            self._waiters.append(waiter)
        try:
            await future
        except BaseException:
            with self._lock:
                if waiter in self._waiters:  # cancelled before its turn: leave the queue
                    self._waiters.remove(waiter)
                    raise
            # Cancelled after the slot was handed over: give it on.
            self.release()
            raise

    def release(self) -> None:
        with self._lock:
            while self._waiters:
                waiter = self._waiters.popleft()
                if waiter.event is not None:
                    waiter.event.set()
                    return
                if waiter.hand_over():
                    return
            self._free += 1


@dataclass
class _Waiter:
    event: threading.Event | None
    loop: asyncio.AbstractEventLoop | None
    future: asyncio.Future[None] | None

    def hand_over(self) -> bool:
        """Wake this task on its own loop; False when that loop is gone (the slot goes to the next)."""
        assert self.loop is not None and self.future is not None
        if self.loop.is_closed():
            return False
        future = self.future

        def wake() -> None:
            if not future.done():
                future.set_result(None)

        try:
            self.loop.call_soon_threadsafe(wake)
        except RuntimeError:  # the loop closed meanwhile
            return False
        return True


__all__ = ["CircuitBreaker", "CircuitOpenError", "Guards", "RateLimit"]
