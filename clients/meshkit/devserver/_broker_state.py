"""The AiMesh broker's state and its processing rules (contract/broker.md §5): rate limits, dedup,
budgets, endpoints and the routing decision, statistics, and :class:`Broker`, which holds them all.
"""

from __future__ import annotations

import functools
import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from ._broker_wire import (
    BrokerError,
    FieldReader,
    Message,
    acknowledgment,
    charged_tokens,
    check_agent_id,
    check_non_negative,
    decode_message,
    dedup_key,
    failed_acknowledgment,
    message_id_of,
    parse_message,
    refusal,
    require_object,
    validate_message,
    validation_failed,
)
from ._config import BrokerLimits
from ._faults import FaultBook
from ._scripts import BrokerAnswer
from ._validation import BROKER, spec

FALLBACK_COUNT = 2


# --- rate limiting -----------------------------------------------------------------------------


class Gate(Protocol):
    """One rate limiter: how long until it admits, and how it counts an admission."""

    limit: float
    window_secs: float

    def wait_secs(self, now: float) -> float:
        """Seconds until one more message can be admitted (0 when it can be now)."""
        ...

    def take(self, now: float) -> None:
        """Count one admitted message."""
        ...


@dataclass
class TokenBucket:
    """A continuously refilled token bucket; ``limit`` per one-second window is its refill rate."""

    capacity: float
    limit: float
    tokens: float
    updated_at: float
    window_secs: float = 1.0

    @classmethod
    def full(cls, capacity: float, refill_per_sec: float, now: float) -> TokenBucket:
        """A bucket that starts full (broker.md §5.3)."""
        return cls(capacity=capacity, limit=refill_per_sec, tokens=capacity, updated_at=now)

    def _refill(self, now: float) -> None:
        # A clock moved backwards refills nothing rather than draining the bucket.
        elapsed = max(0.0, now - self.updated_at)
        self.tokens = min(self.capacity, self.tokens + elapsed * self.limit)
        self.updated_at = now

    def wait_secs(self, now: float) -> float:
        """Seconds until one token is available."""
        self._refill(now)
        if self.tokens >= 1:
            return 0.0
        return (1 - self.tokens) / self.limit if self.limit > 0 else math.inf

    def take(self, now: float) -> None:
        """Spend one token."""
        self._refill(now)
        self.tokens -= 1


@dataclass
class SlidingWindow:
    """At most ``limit`` admissions in any ``window_secs``."""

    limit: float
    window_secs: float
    admitted: deque[float] = field(default_factory=deque)

    def _forget_old(self, now: float) -> None:
        while self.admitted and self.admitted[0] + self.window_secs <= now:
            self.admitted.popleft()

    def wait_secs(self, now: float) -> float:
        """Seconds until the oldest admission leaves the window."""
        self._forget_old(now)
        if len(self.admitted) < self.limit:
            return 0.0
        return self.admitted[0] + self.window_secs - now if self.admitted else math.inf

    def take(self, now: float) -> None:
        """Record one admission."""
        self.admitted.append(now)


def retry_after_secs(wait_secs: float) -> int:
    """The ``Retry-After`` value for a wait: whole seconds rounded up, at least 1."""
    # An unbounded wait (a limiter that never refills) still needs a finite header.
    return max(1, math.ceil(min(wait_secs, 86_400.0)))


def _plain_number(value: float) -> int | float:
    """A configured limit as the contract prints it: ``1000``, not ``1000.0``."""
    return int(value) if float(value).is_integer() else value


def rate_limited(key: str, gate: Gate, wait_secs: float) -> BrokerError:
    """429 ``rate_limited`` with the extra fields and ``Retry-After`` of broker.md §4."""
    retry_after = retry_after_secs(wait_secs)
    limit, window = _plain_number(gate.limit), _plain_number(gate.window_secs)
    return BrokerError(
        429,
        f"Rate limit exceeded for {key}: {limit} requests per {window}s",
        "rate_limited",
        headers={"Retry-After": str(retry_after)},
        key=key,
        limit=limit,
        window_secs=window,
        retry_after=retry_after,
    )


class RateLimiter:
    """The three limiters of broker.md §5.3: global bucket, per-agent bucket, per-agent window."""

    def __init__(self, limits: BrokerLimits) -> None:
        self.limits = limits
        self.global_bucket: TokenBucket | None = None
        self.agent_buckets: dict[str, TokenBucket] = {}
        self.agent_windows: dict[str, SlidingWindow] = {}

    def _gates(self, agent_id: str, now: float) -> list[tuple[str, Gate]]:
        # Created on first use so that they start full at the clock's current time.
        limits = self.limits
        if self.global_bucket is None:
            self.global_bucket = TokenBucket.full(limits.global_capacity, limits.global_refill_per_sec, now)
        if agent_id not in self.agent_buckets:
            self.agent_buckets[agent_id] = TokenBucket.full(limits.agent_capacity, limits.agent_refill_per_sec, now)
            self.agent_windows[agent_id] = SlidingWindow(limits.agent_window_limit, limits.agent_window_secs)
        return [
            ("global", self.global_bucket),
            (agent_id, self.agent_buckets[agent_id]),
            (agent_id, self.agent_windows[agent_id]),
        ]

    def admit(self, agent_id: str, now: float) -> None:
        """Admit one message or raise 429; capacity is spent only when all three admit."""
        gates = self._gates(agent_id, now)
        for key, gate in gates:
            wait = gate.wait_secs(now)
            if wait > 0:
                raise rate_limited(key, gate, wait)
        for _, gate in gates:
            gate.take(now)


# --- dedup and budgets -------------------------------------------------------------------------


class DedupCache:
    """Dedup keys of processed messages, each kept ``ttl_secs`` from its commit (broker.md §5.4)."""

    def __init__(self, ttl_secs: float) -> None:
        self.ttl_secs = ttl_secs
        self._expiry: OrderedDict[str, float] = OrderedDict()

    def contains(self, key: str, now: float) -> bool:
        """Whether a live entry exists for the key."""
        self._forget_expired(now)
        expiry = self._expiry.get(key)
        return expiry is not None and expiry > now

    def remember(self, key: str, now: float) -> None:
        """Write (or renew) the entry of a processed message."""
        self._expiry[key] = now + self.ttl_secs
        self._expiry.move_to_end(key)

    def _forget_expired(self, now: float) -> None:
        # Entries are kept in write order, which is expiry order under a constant TTL.
        while self._expiry:
            key, expiry = next(iter(self._expiry.items()))
            if expiry > now:
                return
            del self._expiry[key]


@dataclass
class Budget:
    """An agent's token budget (broker.md §2.4, §5.5)."""

    agent_id: str
    initial_tokens: float
    remaining_tokens: float
    reset_at: int | None

    def to_json(self) -> dict[str, Any]:
        """BudgetInfo."""
        return {
            "agent_id": self.agent_id,
            "initial_tokens": self.initial_tokens,
            "remaining_tokens": self.remaining_tokens,
            "consumption_rate": 0.0,
            "reset_at": self.reset_at,
        }


def _tokens_field(fields: FieldReader) -> str:
    return "initial_tokens" if fields.present("initial_tokens") and not fields.present("tokens") else "tokens"


def decode_budget(raw: dict[str, Any]) -> Budget:
    """The body of ``POST /budgets`` decoded (types and defaults; ``initial_tokens`` is an alias of
    ``tokens``), its rules not yet checked."""
    fields = FieldReader(raw)
    agent_id = fields.string("agent_id", "")
    tokens = fields.number(_tokens_field(fields))
    reset_at = fields.optional_integer("reset_at")
    return Budget(agent_id=agent_id, initial_tokens=tokens, remaining_tokens=tokens, reset_at=reset_at)


def parse_budget(raw: dict[str, Any]) -> Budget:
    """The body of ``POST /budgets``, decoded and checked."""
    budget = decode_budget(raw)
    check_agent_id(budget.agent_id)
    check_non_negative(_tokens_field(FieldReader(raw)), budget.initial_tokens)
    return budget


def check_budget(budget: Budget | None, agent_id: str, charged: float) -> None:
    """Step 6 of broker.md §5.1: 402 when the remaining tokens do not cover the charge."""
    if budget is None or budget.remaining_tokens >= charged:
        return
    available = budget.remaining_tokens
    raise BrokerError(
        402,
        f"Budget exceeded for agent {agent_id}: required {charged}, available {available}",
        "budget_exceeded",
        agent_id=agent_id,
        required=charged,
        available=available,
    )


# --- endpoints and routing ---------------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    """A registered endpoint (EndpointMetrics, broker.md §2.3)."""

    endpoint_id: str
    capacity: int
    current_load: int
    cost_per_1k_tokens: float
    latency_p99_ms: float
    error_rate: float
    health_status: str
    last_health_check: int

    @property
    def healthy(self) -> bool:
        """Only healthy endpoints are routing candidates."""
        return self.health_status == "healthy"

    def to_json(self) -> dict[str, Any]:
        """Every field, always (broker.md §2.3)."""
        return {
            "endpoint_id": self.endpoint_id,
            "capacity": self.capacity,
            "current_load": self.current_load,
            "cost_per_1k_tokens": self.cost_per_1k_tokens,
            "latency_p99_ms": self.latency_p99_ms,
            "error_rate": self.error_rate,
            "health_status": self.health_status,
            "last_health_check": self.last_health_check,
        }


def decode_endpoint(raw: dict[str, Any], now_ns: int) -> Endpoint:
    """The body of ``POST /endpoints`` decoded (types and defaults), its rules not yet checked."""
    fields = FieldReader(raw)
    return Endpoint(
        endpoint_id=fields.string("endpoint_id"),
        capacity=fields.integer("capacity"),
        current_load=fields.integer("current_load"),
        cost_per_1k_tokens=fields.number("cost_per_1k_tokens"),
        latency_p99_ms=fields.number("latency_p99_ms"),
        error_rate=fields.number("error_rate"),
        health_status=fields.health_status("health_status", "healthy"),
        last_health_check=fields.integer("last_health_check", 0) or now_ns,
    )


def parse_endpoint(raw: dict[str, Any], now_ns: int) -> Endpoint:
    """The body of ``POST /endpoints``: types first, then the rules of broker.md §2.3."""
    endpoint = decode_endpoint(raw, now_ns)
    if not endpoint.endpoint_id:
        raise validation_failed("endpoint_id", "endpoint_id cannot be empty")
    for name in ("capacity", "current_load", "cost_per_1k_tokens", "latency_p99_ms"):
        check_non_negative(name, getattr(endpoint, name))
    if not 0.0 <= endpoint.error_rate <= 1.0:
        raise validation_failed("error_rate", f"error_rate must be between 0.0 and 1.0, got {endpoint.error_rate}")
    return endpoint


@dataclass(frozen=True)
class Score:
    """An endpoint's routing score (broker.md §5.6); lower wins."""

    load_pct: float
    cost_score: float
    load_score: float
    latency_score: float

    @property
    def total_score(self) -> float:
        """The sum of the three parts."""
        return self.cost_score + self.load_score + self.latency_score

    def breakdown(self) -> dict[str, float]:
        """The ``score_breakdown`` object."""
        return {
            "cost_score": self.cost_score,
            "load_score": self.load_score,
            "latency_score": self.latency_score,
            "total_score": self.total_score,
        }


def score_endpoint(endpoint: Endpoint) -> Score:
    """The score of broker.md §5.6; a zero capacity counts as fully loaded, load is not capped."""
    load_pct = endpoint.current_load / endpoint.capacity * 100 if endpoint.capacity else 100.0
    return Score(
        load_pct=load_pct,
        cost_score=0.4 * endpoint.cost_per_1k_tokens,
        load_score=0.3 * load_pct,
        latency_score=0.3 * endpoint.latency_p99_ms,
    )


def routing_reason(endpoint: Endpoint, score: Score) -> str:
    """E.g. ``Best score 30.0400 (cost: 0.10, load: 0%, latency: 100ms)``."""
    return (
        f"Best score {score.total_score:.4f} (cost: {endpoint.cost_per_1k_tokens:.2f}, "
        f"load: {score.load_pct:.0f}%, latency: {endpoint.latency_p99_ms:.0f}ms)"
    )


def route(endpoints: Iterable[Endpoint], message_id: str, charged: float) -> dict[str, Any]:
    """Step 7 of broker.md §5.1: the RoutingDecision, or 503 when no endpoint is healthy."""
    ranked = sorted(
        ((score_endpoint(endpoint), endpoint) for endpoint in endpoints if endpoint.healthy),
        key=lambda pair: (pair[0].total_score, pair[1].endpoint_id),
    )
    if not ranked:
        raise BrokerError(503, "No healthy endpoints available", "no_healthy_endpoints")
    score, target = ranked[0]
    return {
        "message_id": message_id,
        "target_endpoint": target.endpoint_id,
        "fallback_endpoints": [endpoint.endpoint_id for _, endpoint in ranked[1 : 1 + FALLBACK_COUNT]],
        "estimated_latency_ms": int(target.latency_p99_ms),
        "estimated_cost": target.cost_per_1k_tokens * charged / 1000,
        "routing_reason": routing_reason(target, score),
        "score_breakdown": score.breakdown(),
    }


# --- statistics --------------------------------------------------------------------------------


class LatencySeries:
    """The last ``kept`` samples of one latency series (broker.md §5.10)."""

    def __init__(self, kept: int) -> None:
        self._samples: deque[float] = deque(maxlen=kept)

    def add(self, sample: float) -> None:
        """Record one sample."""
        self._samples.append(sample)

    def percentile(self, q: float) -> float:
        """Sorted samples at index floor(n * q), clamped to n - 1; 0 without samples."""
        if not self._samples:
            return 0.0
        ordered = sorted(self._samples)
        return ordered[min(math.floor(len(ordered) * q), len(ordered) - 1)]


@dataclass
class Counters:
    """The message, token, cost and decision counters of broker.md §2.6."""

    success: int = 0
    failed: int = 0
    tokens_consumed: float = 0.0
    cost_total_cents: float = 0.0
    decisions: int = 0

    @property
    def total(self) -> int:
        """Processed plus failed messages."""
        return self.success + self.failed

    def count_success(self, charged: float, estimated_cost: float) -> None:
        """One committed message: one routing decision, its tokens and its cost."""
        self.success += 1
        self.decisions += 1
        self.tokens_consumed += charged
        self.cost_total_cents += estimated_cost


def _floor(value: float) -> str:
    return str(math.floor(value))


def _two_decimals(value: float) -> str:
    return f"{value:.2f}"


# (name, type, help, stats section, stats key, format), in the order of broker.md §5.10.
_METRICS: tuple[tuple[str, str, str, str | None, str, Callable[[float], str]], ...] = (
    ("aimesh_messages_total", "counter", "Total messages processed", "messages", "total", _floor),
    ("aimesh_messages_success", "counter", "Messages processed successfully", "messages", "success", _floor),
    ("aimesh_messages_failed", "counter", "Messages that failed", "messages", "failed", _floor),
    ("aimesh_tokens_consumed", "counter", "Tokens charged to agents", "tokens", "consumed", _floor),
    ("aimesh_cost_cents_total", "counter", "Estimated cost in cents", "cost", "total_cents", _floor),
    ("aimesh_latency_ms_p50", "gauge", "End-to-end latency p50 in ms", "latency", "e2e_p50_ms", _two_decimals),
    ("aimesh_latency_ms_p99", "gauge", "End-to-end latency p99 in ms", "latency", "e2e_p99_ms", _two_decimals),
    ("aimesh_latency_ms_p999", "gauge", "End-to-end latency p99.9 in ms", "latency", "e2e_p999_ms", _two_decimals),
    ("aimesh_routing_latency_us_p50", "gauge", "Routing latency p50 in us", "latency", "routing_p50_us", _two_decimals),
    ("aimesh_routing_latency_us_p99", "gauge", "Routing latency p99 in us", "latency", "routing_p99_us", _two_decimals),
    ("aimesh_throughput_per_sec", "gauge", "Messages per second since start", "throughput", "per_sec", _two_decimals),
    ("aimesh_uptime_seconds", "counter", "Seconds since the broker started", None, "uptime_secs", _floor),
    ("aimesh_endpoints_total", "gauge", "Registered endpoints", "router", "endpoints_total", _floor),
    ("aimesh_endpoints_healthy", "gauge", "Healthy endpoints", "router", "endpoints_healthy", _floor),
    ("aimesh_routing_decisions_total", "counter", "Routing decisions made", "router", "decisions_total", _floor),
    ("aimesh_agents_with_budget", "gauge", "Agents with a budget", "router", "agents_with_budget", _floor),
)


def metrics_text(stats: dict[str, Any]) -> str:
    """The ``/metrics`` exposition text of broker.md §5.10, from a ``/stats`` body."""
    lines = []
    for name, kind, help_text, section, key, render in _METRICS:
        value = stats[key] if section is None else stats[section][key]
        lines += [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}", f"{name} {render(value)}"]
    return "".join(line + "\n" for line in lines)


# --- the broker --------------------------------------------------------------------------------


class Broker:
    """All state of one broker, and the processing rules of broker.md §5.

    ``clock`` returns epoch seconds and is the only time source (replace it in tests). One lock
    makes the rate-limit-to-commit steps atomic, so budgets never overspend and two identical
    concurrent messages give one processed and one dedup acknowledgment.
    """

    def __init__(self, limits: BrokerLimits, book: FaultBook, clock: Callable[[], float] = time.time) -> None:
        self.limits = limits
        self.book = book
        self.clock = clock
        self.started_at = clock()
        self.endpoints: dict[str, Endpoint] = {}
        self.budgets: dict[str, Budget] = {}
        self.rate_limiter = RateLimiter(limits)
        self.dedup = DedupCache(limits.dedup_ttl_secs) if limits.dedup_enabled else None
        self.counters = Counters()
        self.e2e_latency_ms = LatencySeries(limits.samples_kept)
        self.routing_latency_us = LatencySeries(limits.samples_kept)
        # Batch items are checked against the spec one by one, like the body of POST /messages.
        self.message_spec = spec().check(BROKER, "POST", "/messages")
        self._lock = threading.Lock()

    def _elapsed_secs(self, since: float) -> float:
        # A clock moved backwards gives 0, not a negative latency.
        return max(0.0, self.clock() - since)

    def _latency_ms(self, since: float) -> int:
        return int(self._elapsed_secs(since) * 1000)

    # messages

    def take_script(self, item: Any) -> BrokerAnswer | None:
        """The scripted answer for a message (by its agent_id and message_id), if a script matches.
        A message the broker refuses before routing it (malformed, expired, too large…) takes none:
        the script stays armed for one it accepts."""
        if not isinstance(item, dict):
            return None
        try:
            if self.message_spec is not None and self.message_spec.json(item):
                return None
            message = parse_message(item, message_id_of(item), int(self.clock() * 1e9))
            validate_message(message, int(self.clock() * 1000), self.limits.max_payload_bytes)
        except BrokerError:
            return None
        agent, message_id = item.get("agent_id"), item.get("message_id")
        answer: BrokerAnswer | None = self.book.scripts.take(
            "broker",
            agent=agent if isinstance(agent, str) else None,
            message_id=message_id if isinstance(message_id, str) else None,
        )
        return answer

    def process(
        self, item: Any, message_id: str, received_at: float, script: BrokerAnswer | None = None
    ) -> dict[str, Any]:
        """Steps 2-9 of broker.md §5.1 for one message; refusals raise :class:`BrokerError`.
        ``script``: a scripted refusal, token charge or reported latency for this message."""
        message = parse_message(require_object(item, "message"), message_id, int(received_at * 1e9))
        validate_message(message, int(self.clock() * 1000), self.limits.max_payload_bytes)
        with self._lock:
            now = self.clock()
            self.rate_limiter.admit(message.agent_id, now)
            if script is not None and script.status is not None:
                self.counters.failed += 1
                body = script.error_body()
                raise BrokerError(script.status, body["message"], body["error"])
            key = dedup_key(message.agent_id, message.dedup_context, message.payload)
            if self.dedup is not None and self.dedup.contains(key, now):
                return acknowledgment(message.message_id, self._latency_ms(received_at), deduplicated=True)
            return self._budget_route_commit(message, key, received_at, script)

    def _budget_route_commit(
        self, message: Message, key: str, received_at: float, script: BrokerAnswer | None = None
    ) -> dict[str, Any]:
        charged = charged_tokens(message)
        if script is not None and script.tokens is not None:
            charged = script.tokens
        budget = self.budgets.get(message.agent_id)
        try:
            check_budget(budget, message.agent_id, charged)
            decision = self._route(message.message_id, charged)
        except BrokerError:
            self.counters.failed += 1
            raise
        latency_ms = script.latency_ms if script is not None else None
        return self._commit(message, key, received_at, charged, budget, decision, latency_ms)

    def _route(self, message_id: str, charged: float) -> dict[str, Any]:
        routing_started = self.clock()
        decision = route(self.endpoints.values(), message_id, charged)
        self.routing_latency_us.add(self._elapsed_secs(routing_started) * 1e6)
        return decision

    def _commit(
        self,
        message: Message,
        key: str,
        received_at: float,
        charged: float,
        budget: Budget | None,
        decision: dict[str, Any],
        latency_ms: float | None = None,
    ) -> dict[str, Any]:
        """Step 8 of broker.md §5.1 (see §5.7); nothing here can fail. ``latency_ms``: a scripted
        latency, reported instead of the measured one."""
        if budget is not None:
            budget.remaining_tokens -= charged
        if self.dedup is not None:
            self.dedup.remember(key, self.clock())
        self.counters.count_success(charged, decision["estimated_cost"])
        self.book.record("broker_messages", message.message_id)
        elapsed_ms = self._elapsed_secs(received_at) * 1000 if latency_ms is None else latency_ms
        self.e2e_latency_ms.add(elapsed_ms)
        return acknowledgment(
            message.message_id,
            int(elapsed_ms),
            tokens_used=charged,
            deduplicated=False,
            routing_decision=decision,
        )

    def process_batch_item(
        self, item: Any, script: BrokerAnswer | None = None, received_at: float | None = None
    ) -> dict[str, Any]:
        """One batch item: its acknowledgment, a failed one when it is refused (broker.md §5.8)."""
        received_at = self.clock() if received_at is None else received_at
        message_id = message_id_of(item)
        try:
            if self.message_spec is not None and (problems := self.message_spec.json(item)):
                raise refusal(problems, functools.partial(decode_message, item))
            return self.process(item, message_id, received_at, script)
        except BrokerError as error:
            return failed_acknowledgment(message_id, self._latency_ms(received_at), error)

    # endpoints and budgets

    def register_endpoint(self, raw: dict[str, Any]) -> Endpoint:
        """Create or replace an endpoint."""
        endpoint = parse_endpoint(raw, int(self.clock() * 1e9))
        with self._lock:
            self.endpoints[endpoint.endpoint_id] = endpoint
        return endpoint

    def list_endpoints(self) -> list[Endpoint]:
        """Every endpoint, sorted by id."""
        with self._lock:
            return sorted(self.endpoints.values(), key=lambda endpoint: endpoint.endpoint_id)

    def remove_endpoint(self, endpoint_id: str) -> None:
        """Remove an endpoint, or 404."""
        with self._lock:
            if self.endpoints.pop(endpoint_id, None) is None:
                raise BrokerError(404, f"Endpoint not found: {endpoint_id}", "endpoint_not_found")

    def set_budget(self, raw: dict[str, Any]) -> Budget:
        """Create or overwrite a budget."""
        budget = parse_budget(raw)
        with self._lock:
            self.budgets[budget.agent_id] = budget
        return budget

    def budget(self, agent_id: str) -> Budget:
        """An agent's budget, or 404."""
        budget = self.budgets.get(agent_id)
        if budget is None:
            raise BrokerError(404, f"Budget not found: {agent_id}", "budget_not_found")
        return budget

    def reset_budget(self, agent_id: str) -> Budget:
        """Give an agent its initial tokens back, or 404."""
        with self._lock:
            budget = self.budget(agent_id)
            budget.remaining_tokens = budget.initial_tokens
        return budget

    # statistics

    def uptime_secs(self) -> int:
        """Whole seconds since the broker started."""
        return int(self._elapsed_secs(self.started_at))

    def _endpoint_counts(self) -> tuple[int, int]:
        return len(self.endpoints), sum(1 for endpoint in self.endpoints.values() if endpoint.healthy)

    def stats(self) -> dict[str, Any]:
        """The ``/stats`` body (broker.md §2.6)."""
        with self._lock:
            counters, uptime = self.counters, self.uptime_secs()
            endpoints_total, endpoints_healthy = self._endpoint_counts()
            return {
                "messages": {"total": counters.total, "success": counters.success, "failed": counters.failed},
                "tokens": {"consumed": counters.tokens_consumed},
                "cost": {"total_cents": counters.cost_total_cents},
                "latency": {
                    "e2e_p50_ms": self.e2e_latency_ms.percentile(0.5),
                    "e2e_p99_ms": self.e2e_latency_ms.percentile(0.99),
                    "e2e_p999_ms": self.e2e_latency_ms.percentile(0.999),
                    "routing_p50_us": self.routing_latency_us.percentile(0.5),
                    "routing_p99_us": self.routing_latency_us.percentile(0.99),
                },
                "throughput": {"per_sec": counters.total / max(uptime, 1)},
                "uptime_secs": uptime,
                "router": {
                    "endpoints_total": endpoints_total,
                    "endpoints_healthy": endpoints_healthy,
                    "decisions_total": counters.decisions,
                    "agents_with_budget": len(self.budgets),
                },
            }

    def health(self) -> dict[str, Any]:
        """The ``/health`` body (broker.md §2.5)."""
        with self._lock:
            endpoints_total, endpoints_healthy = self._endpoint_counts()
            return {
                "status": "healthy",
                "uptime_secs": self.uptime_secs(),
                "messages_total": self.counters.total,
                "endpoints_healthy": endpoints_healthy,
                "endpoints_total": endpoints_total,
            }
