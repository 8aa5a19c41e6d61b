"""The opt-in client-side guards (``meshkit._core.guards``): rate limiter, circuit breaker, max in
flight — sync and async, blocking calls and streams, on all three façades."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from meshkit import AiMeshClient, AsyncFormation, Formation, Message, ServerClient
from meshkit._core.errors import ConfigurationError, NotFoundError, ServerError
from meshkit._core.guards import CircuitBreaker, CircuitOpenError, Guards, RateLimit
from resilience_support import CLIENT_KEY, KEY_ID, SECRET, Script, chat_ok, error, record_waits

URL = "http://formation.test"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class CountingRateLimit(RateLimit):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.charged = 0

    def reserve(self) -> float:
        self.charged += 1
        return super().reserve()


def _formation(script: Script, guards: Guards | None, **options: object) -> Formation:
    formation = Formation(url=URL, client_key=CLIENT_KEY, http_client=script.sync(), guards=guards, **options)  # type: ignore[arg-type]
    record_waits(formation)
    return formation


# --- off by default ------------------------------------------------------------------------------


def test_guards_are_off_by_default() -> None:
    assert Formation(url=URL, client_key=CLIENT_KEY)._wire.guards is None
    assert AiMeshClient("http://broker.test")._wire.guards is None
    assert ServerClient("http://s.test", key_id=KEY_ID, secret_key=SECRET)._wire.guards is None


def test_every_facade_takes_guards_and_copies_share_them() -> None:
    guards = Guards(rate_limit=10)
    formation = Formation(url=URL, client_key=CLIENT_KEY, guards=guards)
    assert formation.with_options(timeout=3)._wire.guards is guards
    assert formation.for_user("u")._wire.guards is guards
    broker = AiMeshClient("http://broker.test", guards=guards)
    assert broker.with_options(max_retries=0)._wire.guards is guards
    assert ServerClient("http://s.test", key_id=KEY_ID, secret_key=SECRET, guards=guards)._wire.guards is guards


def test_bad_guard_settings_are_configuration_errors() -> None:
    with pytest.raises(ConfigurationError):
        Guards(max_in_flight=0)
    with pytest.raises(ConfigurationError):
        RateLimit(0)
    with pytest.raises(ConfigurationError):
        CircuitBreaker(failure_threshold=0)


# --- rate limiter ----------------------------------------------------------------------------------


def test_token_bucket_reservations() -> None:
    clock = FakeClock()
    bucket = RateLimit(10, burst=2, clock=clock)
    assert [bucket.reserve() for _ in range(4)] == pytest.approx([0.0, 0.0, 0.1, 0.2])
    clock.now += 1.0  # refilled (the debt is paid first)
    assert bucket.reserve() == 0.0


def test_rate_limit_paces_sync_calls() -> None:
    script = Script(chat_ok)
    formation = _formation(script, Guards(rate_limit=RateLimit(50, burst=1)))
    started = time.perf_counter()
    for _ in range(4):
        formation.chat("hi")
    assert time.perf_counter() - started >= 0.055  # 3 waits of 20 ms


def test_retries_are_charged_to_the_rate_limiter() -> None:
    limiter = CountingRateLimit(1000)
    script = Script(error(503, **{"retry-after": "0"}), error(503, **{"retry-after": "0"}), chat_ok)
    formation = _formation(script, Guards(rate_limit=limiter))
    formation.chat("hi")
    assert limiter.charged == 3 == len(script.requests)


def test_rate_limit_paces_async_calls() -> None:
    script = Script(chat_ok)

    async def run() -> float:
        guards = Guards(rate_limit=RateLimit(50, burst=1))
        async with AsyncFormation(
            url=URL, client_key=CLIENT_KEY, http_client=script.asynchronous(), guards=guards
        ) as f:
            started = time.perf_counter()
            await asyncio.gather(*(f.chat("hi") for _ in range(4)))
            return time.perf_counter() - started

    assert asyncio.run(run()) >= 0.055


# --- circuit breaker -------------------------------------------------------------------------------


def test_breaker_opens_after_consecutive_server_failures_and_refuses_before_sending() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout=10, clock=clock)
    script = Script(error(503))
    formation = _formation(script, Guards(circuit_breaker=breaker), max_retries=0)
    for _ in range(3):
        with pytest.raises(ServerError):
            formation.chat("hi")
    assert breaker.state == "open"
    with pytest.raises(CircuitOpenError) as caught:
        formation.chat("hi")
    assert caught.value.retry_after == pytest.approx(10.0)
    assert len(script.requests) == 3  # the refused call sent nothing
    # Streams go through the same guard.
    with pytest.raises(CircuitOpenError), formation.chat_stream("hi"):
        pass
    assert len(script.requests) == 3


def test_failed_retries_count_as_failures_and_open_mid_call() -> None:
    breaker = CircuitBreaker(failure_threshold=2, reset_timeout=10)
    script = Script(error(503, **{"retry-after": "0"}))
    formation = _formation(script, Guards(circuit_breaker=breaker), max_retries=5)
    with pytest.raises(CircuitOpenError):
        formation.chat("hi")
    assert len(script.requests) == 2


def test_client_errors_do_not_trip_the_breaker() -> None:
    breaker = CircuitBreaker(failure_threshold=2)
    script = Script(error(404))
    formation = _formation(script, Guards(circuit_breaker=breaker))
    for _ in range(5):
        with pytest.raises(NotFoundError):
            formation.chat("hi")
    assert breaker.state == "closed"


def test_a_success_resets_the_failure_count() -> None:
    breaker = CircuitBreaker(failure_threshold=2)
    script = Script(error(503), chat_ok, error(503), chat_ok)
    formation = _formation(script, Guards(circuit_breaker=breaker), max_retries=0)
    for _ in range(2):
        with pytest.raises(ServerError):
            formation.chat("hi")
        formation.chat("hi")
    assert breaker.state == "closed"


def test_connection_errors_trip_the_breaker() -> None:
    breaker = CircuitBreaker(failure_threshold=2)
    script = Script(httpx.ConnectError("refused"))
    formation = _formation(script, Guards(circuit_breaker=breaker), max_retries=0)
    for _ in range(2):
        with pytest.raises(ConnectionError):
            formation.chat("hi")
    assert breaker.state == "open"


def test_half_open_lets_exactly_n_probes_through() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout=5, half_open_probes=2, clock=clock)
    ticket = breaker.acquire()
    breaker.record(ticket, False)
    assert breaker.state == "open"
    clock.now += 5
    assert breaker.state == "half_open"
    probes = [breaker.acquire(), breaker.acquire()]
    with pytest.raises(CircuitOpenError):
        breaker.acquire()
    breaker.record(probes[0], True)
    assert breaker.state == "half_open"
    breaker.record(probes[1], True)
    assert breaker.state == "closed"


def test_a_failed_probe_opens_again() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout=5, clock=clock)
    breaker.record(breaker.acquire(), False)
    clock.now += 5
    breaker.record(breaker.acquire(), False)
    assert breaker.state == "open"
    with pytest.raises(CircuitOpenError):
        breaker.acquire()


def test_a_stale_verdict_from_before_the_transition_is_ignored() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout=5, clock=clock)
    slow = breaker.acquire()
    breaker.record(breaker.acquire(), False)  # opens
    clock.now += 5
    probe = breaker.acquire()
    breaker.record(slow, False)  # admitted while closed: no say in the half-open verdict
    assert breaker.state == "half_open"
    breaker.record(probe, True)
    assert breaker.state == "closed"


def test_async_half_open_probes_through_the_transport() -> None:
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout=5, half_open_probes=2, clock=clock)
    breaker.record(breaker.acquire(), False)
    clock.now += 5
    sent: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.url.path)
        await asyncio.sleep(0.05)
        return chat_ok(request)

    async def run() -> list[object]:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncFormation(
            url=URL, client_key=CLIENT_KEY, http_client=http, guards=Guards(circuit_breaker=breaker)
        ) as f:
            return await asyncio.gather(*(f.chat("hi") for _ in range(3)), return_exceptions=True)

    results = asyncio.run(run())
    refused = [r for r in results if isinstance(r, CircuitOpenError)]
    assert len(sent) == 2 and len(refused) == 1
    assert breaker.state == "closed"


# --- max in flight ---------------------------------------------------------------------------------


def test_async_max_in_flight() -> None:
    active = peak = 0

    async def handler(request: httpx.Request) -> httpx.Response:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        await asyncio.sleep(0.01)
        active -= 1
        return chat_ok(request)

    async def run() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
        async with AsyncFormation(
            url=URL, client_key=CLIENT_KEY, http_client=http, guards=Guards(max_in_flight=3)
        ) as f:
            await asyncio.gather(*(f.chat("hi") for _ in range(12)))

    asyncio.run(run())
    assert peak == 3


def test_sync_max_in_flight_across_threads() -> None:
    lock = threading.Lock()
    active = peak = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.01)
        with lock:
            active -= 1
        return chat_ok(request)

    formation = Formation(
        url=URL,
        client_key=CLIENT_KEY,
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        guards=Guards(max_in_flight=2),
    )
    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(lambda _: formation.chat("hi"), range(12)))
    assert peak == 2


def test_broker_and_server_clients_go_through_the_guards() -> None:
    breaker = CircuitBreaker(failure_threshold=1)
    script = Script(error(503))
    broker = AiMeshClient(
        "http://broker.test", max_retries=0, http_client=script.sync(), guards=Guards(circuit_breaker=breaker)
    )
    with pytest.raises(ServerError):
        broker.send_message(Message(agent_id="a", payload=b"x"))
    with pytest.raises(CircuitOpenError):
        broker.send_message(Message(agent_id="a", payload=b"y"))
    server = ServerClient(
        "http://s.test",
        key_id=KEY_ID,
        secret_key=SECRET,
        max_retries=0,
        http_client=script.sync(),
        guards=Guards(circuit_breaker=CircuitBreaker(failure_threshold=1)),
    )
    with pytest.raises(ServerError):
        server.list_formations()
    with pytest.raises(CircuitOpenError):
        server.list_formations()
    assert len(script.requests) == 2
