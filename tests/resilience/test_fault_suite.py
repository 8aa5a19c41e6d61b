"""Fault-injection suite, live against the dev server: formation chats and broker sends while about
one call in five meets a fault (429 with ``Retry-After: 0``, 503, a connection reset before or after
the server acted, or an answer held beyond the client's read timeout).

Afterwards the server's ledger (``dev.accepted()``) proves: every call that returned success was
accepted exactly once, no idempotency key / message id was accepted twice, and every failure
surfaced as a typed meshkit error. The tallies are printed (run with ``-s`` or read the report).

Every seventh call goes through a ``max_retries=0`` copy, so some faults surface as typed errors
(a failed call may still have been accepted: reset after / held answer — counted, never twice).

Faults are armed one at a time (``count=1``) on a schedule: before every fifth call a worker arms
the next fault kind in rotation; the fault hits whichever matching request reaches the server next
(a first attempt or a retry), so faults are spread over the whole run.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import pytest
from meshkit import AiMeshClient, EndpointMetrics, Formation, Message
from meshkit._core.errors import MeshkitError
from meshkit.devserver import DevServer

# 1,000 + 1,000 calls fit in well under 60 s on a 2-core machine with 8 worker threads.
N_CHATS = 1000
N_SENDS = 1000
WORKERS = 8
FAULT_EVERY = 5  # one fault armed per five calls: ~20 %
READ_TIMEOUT = 0.3
HELD_FOR = 0.45  # delay_response beyond the read timeout: the server acted, the client timed out
NO_RETRY_EVERY = 7  # every seventh call (coprime with FAULT_EVERY) uses a max_retries=0 copy: failures surface
AGENTS = 10  # spread over agents so the broker's own per-agent rate limit stays out of the way

FAULT_KINDS: list[dict[str, Any]] = [
    {"status": 429, "retry_after": "0"},
    {"status": 503},
    {"reset": "before"},
    {"reset": "after"},
    {"delay_response": HELD_FOR},
]


class _RetryCounter(logging.Handler):
    """Counts the core's "meshkit retry:" DEBUG lines (one per retry)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0
        self._lock2 = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("meshkit retry:"):
            with self._lock2:
                self.count += 1


@pytest.fixture
def retries() -> Iterator[_RetryCounter]:
    logger = logging.getLogger("meshkit")
    counter = _RetryCounter()
    level = logger.level
    logger.addHandler(counter)
    logger.setLevel(logging.DEBUG)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)
        logger.setLevel(level)


@dataclass
class Tally:
    name: str
    sent: int = 0
    succeeded: list[str] = field(default_factory=list)
    failed: Counter[str] = field(default_factory=Counter)
    failed_keys: list[str] = field(default_factory=list)
    untyped: list[BaseException] = field(default_factory=list)
    faults_armed: int = 0
    retries: int = 0
    accepted: int = 0
    duplicates: int = 0
    lost: int = 0
    failed_but_accepted: int = 0
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def line(self) -> str:
        failed = ", ".join(f"{name}={n}" for name, n in sorted(self.failed.items())) or "none"
        return (
            f"[{self.name}] sent={self.sent} succeeded={len(self.succeeded)} failed={sum(self.failed.values())}"
            f" ({failed}) faults_armed={self.faults_armed} retries_observed={self.retries}"
            f" accepted={self.accepted} duplicates={self.duplicates} lost={self.lost}"
            f" failed_but_accepted={self.failed_but_accepted} untyped={len(self.untyped)} in {self.seconds:.1f}s"
        )


def _campaign(
    dev: DevServer,
    tally: Tally,
    retries: _RetryCounter,
    *,
    api: str,
    method: str,
    path: str,
    keys: list[str],
    call: Callable[[int, str], None],
) -> None:
    kinds = itertools.cycle(FAULT_KINDS)
    kinds_lock = threading.Lock()
    before = retries.count
    started = time.perf_counter()

    def one(index: int) -> None:
        if index % FAULT_EVERY == 0:
            with kinds_lock:
                kind = next(kinds)
            dev.fault(api=api, method=method, path=path, count=1, **kind)
            with tally.lock:
                tally.faults_armed += 1
        key = keys[index]
        try:
            call(index, key)
        except MeshkitError as exc:
            with tally.lock:
                tally.failed[type(exc).__name__] += 1
                tally.failed_keys.append(key)
            return
        except Exception as exc:
            with tally.lock:
                tally.untyped.append(exc)
            return
        with tally.lock:
            tally.succeeded.append(key)

    tally.sent = len(keys)
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(one, range(len(keys))))
    dev.book.clear()  # faults nobody met
    tally.seconds = time.perf_counter() - started
    tally.retries = retries.count - before


def _check_ledger(tally: Tally, ledger: dict[str, int], keys: list[str]) -> None:
    tally.accepted = len(ledger)
    tally.duplicates = sum(1 for n in ledger.values() if n > 1)
    tally.lost = sum(1 for key in tally.succeeded if ledger.get(key, 0) != 1)
    tally.failed_but_accepted = sum(1 for key in tally.failed_keys if ledger.get(key, 0) >= 1)
    assert set(ledger) <= set(keys), "the server accepted work nobody sent"


def _report(tally: Tally, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print("\n" + tally.line())


def test_chats_under_faults(
    meshkit_fresh_dev_server: DevServer, retries: _RetryCounter, capsys: pytest.CaptureFixture[str]
) -> None:
    dev = meshkit_fresh_dev_server
    keys = [str(uuid.uuid4()) for _ in range(N_CHATS)]
    tally = Tally("formation chats")
    with Formation(url=dev.formation_url, client_key=dev.config.client_key, timeout=READ_TIMEOUT) as formation:
        no_retry = formation.with_options(max_retries=0)

        def chat(index: int, key: str) -> None:
            chosen = no_retry if index % NO_RETRY_EVERY == 0 else formation
            result = chosen.chat(f"hello {index}", idempotency_key=key)
            assert result.text == f"You said: hello {index}"

        _campaign(dev, tally, retries, api="formation", method="POST", path="/v1/chat", keys=keys, call=chat)
    _check_ledger(tally, dev.accepted()["chats"], keys)
    _report(tally, capsys)

    assert not tally.untyped, tally.untyped[:3]
    assert tally.duplicates == 0
    assert tally.lost == 0
    assert len(tally.succeeded) + sum(tally.failed.values()) == N_CHATS
    assert tally.retries >= tally.faults_armed // 2  # faults were met and retried
    assert sum(tally.failed.values()) >= 1  # the no-retry calls that met a fault failed, typed
    assert len(tally.succeeded) >= N_CHATS * 0.8


def test_broker_sends_under_faults(
    meshkit_fresh_dev_server: DevServer, retries: _RetryCounter, capsys: pytest.CaptureFixture[str]
) -> None:
    dev = meshkit_fresh_dev_server
    keys = [str(uuid.uuid4()) for _ in range(N_SENDS)]
    tally = Tally("broker sends")
    deduplicated = Counter[bool]()
    with AiMeshClient(dev.broker_url, timeout=READ_TIMEOUT) as client:
        client.register_endpoint(
            EndpointMetrics(
                endpoint_id="fault-suite",
                capacity=1_000_000,
                current_load=0,
                cost_per_1k_tokens=1.0,
                latency_p99_ms=10.0,
                error_rate=0.0,
            )
        )

        no_retry = client.with_options(max_retries=0)

        def send(index: int, key: str) -> None:
            message = Message(agent_id=f"agent-{index % AGENTS}", payload=f"payload {index}", message_id=key)
            ack = (no_retry if index % NO_RETRY_EVERY == 0 else client).send_message(message)
            assert ack.is_success and ack.original_message_id == key
            deduplicated[ack.deduplicated] += 1

        _campaign(dev, tally, retries, api="broker", method="POST", path="/messages", keys=keys, call=send)
    _check_ledger(tally, dev.accepted()["broker_messages"], keys)
    _report(tally, capsys)
    with capsys.disabled():
        print(f"[broker sends] acknowledged deduplicated=True (a resend of an accepted message): {deduplicated[True]}")

    assert not tally.untyped, tally.untyped[:3]
    assert tally.duplicates == 0
    assert tally.lost == 0
    assert len(tally.succeeded) + sum(tally.failed.values()) == N_SENDS
    assert tally.retries >= tally.faults_armed // 2
    assert deduplicated[True] >= 1  # reset="after" / held answers were resent and deduplicated
    assert sum(tally.failed.values()) >= 1
    assert len(tally.succeeded) >= N_SENDS * 0.8
