"""AiMeshClient and AsyncAiMeshClient: the AiMesh broker (routing, budgets, rate limits, dedup).

    from meshkit import AiMeshClient, EndpointMetrics, Message

    client = AiMeshClient("http://localhost:9000")          # or AIMESH_URL / AIMESH_API_KEY
    client.register_endpoint(EndpointMetrics(
        endpoint_id="gpt-4", capacity=1000, current_load=0,
        cost_per_1k_tokens=30.0, latency_p99_ms=500.0, error_rate=0.01,
    ))
    client.set_budget("my-agent", tokens=10000)
    ack = client.send_message(Message(agent_id="my-agent", payload=b"Hello, AI!", priority=50))
    print(f"Processed in {ack.processing_latency_ms}ms, tokens used: {ack.tokens_used}")

``Message`` and ``EndpointMetrics`` are the seed SDK's dataclasses: they check the broker's rules
(contract broker.md §5.2, §2.3, §2.4) when they are sent, and a broken rule raises
:class:`~meshkit.ValidationError` naming the field before anything goes on the wire. Payloads are
bytes or str (a str is UTF-8 encoded) and travel as lowercase hex. Answers are typed:
:class:`Acknowledgment` (alias ``Ack``), :class:`EndpointMetrics`, :class:`BudgetInfo`,
:class:`BrokerStats`, :class:`BrokerHealth`. Every operation of the spec, including ones added by
``make generate`` later, is also reachable as ``client.ops.<operation_id>(...)`` (generated models).

Retries
-------
Every broker call is retried automatically (``max_retries``, default 2, with jittered backoff) after
a connection failure, a timeout, a 408/409/429 or a 5xx answer; a 429 is retried after its
``Retry-After`` when that is at most 60 s, otherwise :class:`~meshkit.RateLimitError` surfaces at
once with ``retry_after`` set (60 s when the broker sent none). This is safe for every route:
reads change nothing, ``register_endpoint`` and ``set_budget`` are upserts, ``reset_budget`` is
idempotent, and a re-sent message (alone, in a batch, or from ``send_many``) is answered by the
broker's deduplication (§5.4) while dedup is on: the broker keys a message on its agent,
``dedup_context`` and payload — **not** on ``message_id`` — for an hour, so a message whose answer
was lost is processed and charged once, and the resend's acknowledgment says
``deduplicated=True`` (``tokens_used`` 0). Rate limiting runs before dedup and spends nothing on a
refusal, so resending after a 429 is safe too. Never retried: 400/413 (the request is invalid) and
402 :class:`~meshkit.BudgetExceededError` (the broker has no quota 429: an exhausted budget is a
402, and resending cannot change it — raise or reset the budget).

Because ``message_id`` is not part of the dedup key, two *different* messages of one agent with the
same payload within the hour are one message to the broker: the second is acknowledged as a
duplicate and never routed. When that can happen (the same prompt sent again on purpose, a periodic
"ping"), give each logical message its own ``dedup_context`` — its ``message_id``, a job, task or
conversation-turn id — and keep that value when the same logical message is sent again, so that
retries still deduplicate. A per-attempt value (a timestamp, a fresh uuid per send) switches
retry safety off.
"""

from __future__ import annotations

import math
import re
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, ClassVar, Self, cast

import httpx

from ._core.auth import BearerAuth
from ._core.config import (
    BrokerSettings,
    TimeoutArg,
    checked_max_retries,
    identification_headers,
    make_timeout,
    resolve_broker,
)
from ._core.errors import MeshkitError, ResponseValidationError, ValidationError
from ._core.guards import Guards
from ._core.limits import DEFAULT_LIMITS, Limits
from ._core.ops import Operations
from ._core.retry import RetryPolicy
from ._core.transport_async import AsyncTransport
from ._core.transport_sync import SyncTransport
from ._core.wire import Wire, parse_model

if TYPE_CHECKING:
    from ._generated.models import RoutingDecision

MAX_PAYLOAD_BYTES = 1_048_576  # decoded payload limit of the reference broker (§5.2 rule 3)
DEFAULT_DEADLINE_MS = 60_000  # a message without a deadline gets now + 60 s (§2.1)
DEFAULT_MAX_IN_FLIGHT = 10
_AGENT_ID = re.compile("[a-z0-9_-]+")
_HEX = re.compile("[0-9a-fA-F]*")


# --- lenient enums (broker.md §1) ------------------------------------------------------------------


@dataclass(frozen=True)
class _LenientEnum:
    """Every accepted spelling of an enum (any case, spaces trimmed, integers too) → its canonical
    name. One table serves both directions: requests normalise, responses parse."""

    spellings: Mapping[str, str]

    @classmethod
    def of(cls, table: Mapping[str, Sequence[str | int]]) -> _LenientEnum:
        spellings = {str(alias).lower(): name for name, aliases in table.items() for alias in (name, *aliases)}
        return cls(spellings)

    def parse(self, value: object) -> str | None:
        """The canonical name, or None for a spelling the contract does not list."""
        if isinstance(value, bool):  # a JSON true is no enum number
            return None
        if isinstance(value, int):  # enum numbers are small; str() of a huge int would raise
            return self.spellings.get(str(value)) if abs(value) < 1000 else None
        if isinstance(value, str):
            return self.spellings.get(value.strip().lower())
        return None

    def read(self, value: object) -> str:
        """For answers: the canonical name, or the raw spelling kept as a string."""
        parsed = self.parse(value)
        return parsed if parsed is not None else str(value)


# EndpointMetrics.health_status (and the broker's own health status).
HEALTH_STATUS = _LenientEnum.of(
    {
        "healthy": ("health_status_healthy", 1),
        "degraded": ("health_status_degraded", 2),
        "unhealthy": ("health_status_unhealthy", 3),
        "unspecified": ("health_status_unspecified", 0),
    }
)
# Acknowledgment.status.
ACK_STATUS = _LenientEnum.of(
    {
        "success": ("processed", "ack_processed", 2),
        "failed": ("ack_failed", 3),
        "received": ("ack_received", 1),  # received is not success
        "unspecified": (0,),
    }
)


# --- request rules: one definition each; a broken rule raises before anything is sent ---------------


def _invalid(field_name: str, message: str, code: str = "invalid_request") -> ValidationError:
    return ValidationError.client_side(message, field=field_name, code=code)


def _is_number(value: object) -> bool:
    # bool is an int in Python but never a JSON number.
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_finite_number(value: object) -> bool:
    # Python's json module reads NaN, Infinity and 4,000-digit integers; no field can hold those.
    try:
        return _is_number(value) and math.isfinite(value)  # type: ignore[arg-type]
    except OverflowError:
        return False


def _string(value: object, name: str, what: str | None = None) -> str:
    """A string that can go on the wire (a lone surrogate cannot be UTF-8 encoded)."""
    if not isinstance(value, str):
        raise _invalid(name, f"{what or name} must be a string, got {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _invalid(name, f"{what or name} is not valid Unicode text") from None
    return value


def _number(value: object, name: str, *, positive: bool = False, maximum: float | None = None) -> float:
    """A finite number ≥ 0 (> 0 when ``positive``; ≤ ``maximum`` when given)."""
    if not _is_number(value):
        raise _invalid(name, f"{name} must be a number, got {type(value).__name__}")
    try:
        number = float(value)  # type: ignore[arg-type]
    except OverflowError:  # an int beyond float range is no finite number either
        number = math.inf
    if not math.isfinite(number) or number < 0 or (positive and number == 0):
        rule = "positive" if positive else "finite and >= 0"
        raise _invalid(name, f"Validation failed: {name} must be {rule}, got {value}", "validation_failed")
    if maximum is not None and number > maximum:
        raise _invalid(name, f"Validation failed: {name} must be at most {maximum}, got {value}", "validation_failed")
    return number


def _integer(value: object, name: str, *, minimum: int | None = 0) -> int:
    """An integer (integral floats such as ``10.0`` too), ≥ ``minimum`` unless it is None."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _invalid(name, f"{name} must be an integer, got {type(value).__name__}")
    if minimum is not None and value < minimum:
        raise _invalid(name, f"Validation failed: {name} must be >= {minimum}, got {value}", "validation_failed")
    return value


def _string_list(value: object, name: str) -> list[str]:
    if not isinstance(value, list | tuple):
        raise _invalid(name, f"{name} must be a list of strings, got {type(value).__name__}")
    return [_string(item, name, f"each item of {name}") for item in value]


def _string_map(value: object, name: str) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise _invalid(name, f"{name} must map strings to strings, got {type(value).__name__}")
    return {
        _string(key, name, f"each key of {name}"): _string(item, name, f"{name}[{key!r}]")
        for key, item in value.items()
    }


def check_agent_id(agent_id: object, name: str = "agent_id") -> str:
    """Rules 1 and 2 of §5.2 (messages and budgets): non-empty, ``^[a-z0-9_-]+$``."""
    text = _string(agent_id, name)
    if not text:
        raise _invalid(name, "Invalid agent ID: Agent ID cannot be empty", "invalid_agent_id")
    if not _AGENT_ID.fullmatch(text):
        message = f"Invalid agent ID: Agent ID '{text}' must match pattern ^[a-z0-9_-]+$"
        raise _invalid(name, message, "invalid_agent_id")
    return text


def _path_id(value: object, name: str) -> str:
    """A path parameter: a non-empty string (an empty one would name another route)."""
    text = _string(value, name)
    if not text:
        raise _invalid(name, f"{name} cannot be empty")
    return text


def payload_bytes(payload: object, name: str = "payload") -> bytes:
    """A payload as bytes: bytes-like as is, a str UTF-8 encoded; at most 1 MiB (§5.2 rule 3)."""
    if isinstance(payload, str):
        data = _string(payload, name).encode("utf-8")
    elif isinstance(payload, bytes | bytearray | memoryview):
        data = bytes(payload)
    else:
        raise _invalid(name, f"{name} must be bytes or str, got {type(payload).__name__}")
    if len(data) > MAX_PAYLOAD_BYTES:
        message = f"Message too large: {len(data)} bytes (max: {MAX_PAYLOAD_BYTES} bytes)"
        raise _invalid(name, message, "message_too_large")
    return data


def _deadline(deadline_ms: object, now_ms: int) -> int:
    """Rule 5 of §5.2, after the default of §2.1: None → now + 60 s; 0 stays 0 (no deadline)."""
    if deadline_ms is None:
        return now_ms + DEFAULT_DEADLINE_MS
    value = _integer(deadline_ms, "deadline_ms")
    if 0 < value < now_ms:
        message = f"Deadline expired: deadline was {value}ms, current time is {now_ms}ms"
        raise _invalid("deadline_ms", message, "deadline_expired")
    return value


def _priority(priority: object) -> int:
    value = _integer(priority, "priority", minimum=None)
    if not 0 <= value <= 100:
        raise _invalid("priority", f"Validation failed: Priority must be 0-100, got {value}", "validation_failed")
    return value


def _health_status(value: object) -> str:
    parsed = HEALTH_STATUS.parse(value)
    if parsed is None:
        raise _invalid("health_status", f"unknown health_status {value!r}")
    return parsed


# --- answers: lenient reads of 2xx bodies -----------------------------------------------------------


def _object(body: Any) -> dict[str, Any]:
    """A 2xx body as an object: an empty or non-JSON body (or any non-object) reads as ``{}``."""
    return body if isinstance(body, dict) else {}


class _Answer:
    """Typed reads of one answer object: a missing or null field reads as its default (§2.2); a
    field of the wrong type is a ResponseValidationError naming it, never a raw TypeError."""

    def __init__(self, raw: Mapping[str, Any], what: str) -> None:
        self.raw = raw
        self.what = what

    def _wrong(self, key: str, expected: str) -> ResponseValidationError:
        value = self.raw.get(key)
        return ResponseValidationError(f"{self.what}.{key} should be {expected}, got {value!r}", body=dict(self.raw))

    def string(self, key: str, default: str) -> str:
        value = self.raw.get(key)
        if value is None:
            return default
        if not isinstance(value, str):
            raise self._wrong(key, "a string")
        return value

    def required_string(self, key: str) -> str:
        if not isinstance(self.raw.get(key), str):
            raise self._wrong(key, "a string")
        value: str = self.raw[key]
        return value

    def number(self, key: str, default: float = 0.0) -> float:
        value = self.raw.get(key)
        if value is None:
            return default
        if not _is_finite_number(value):
            raise self._wrong(key, "a number")
        return float(value)

    def integer(self, key: str, default: int = 0) -> int:
        value = self.raw.get(key)
        if value is None:
            return default
        if not _is_finite_number(value):
            raise self._wrong(key, "an integer")
        return int(value)

    def optional_integer(self, key: str) -> int | None:
        return None if self.raw.get(key) is None else self.integer(key)

    def boolean(self, key: str, default: bool) -> bool:
        value = self.raw.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self._wrong(key, "a boolean")
        return value

    def hex_bytes(self, key: str) -> bytes:
        """A hex field (either case) as bytes; missing, null or ``""`` → ``b""``."""
        value = self.string(key, "")
        if not _HEX.fullmatch(value) or len(value) % 2:
            raise self._wrong(key, "a hex string")
        return bytes.fromhex(value)


# --- what the caller builds --------------------------------------------------------------------------


@dataclass
class Message:
    """One agent message (§2.1). Only ``agent_id`` and ``payload`` are needed:

    >>> msg = Message(agent_id="my-agent", payload=b"Hello, AI!", priority=50)
    >>> wire = msg.to_wire()
    >>> wire["payload"], wire["priority"], len(wire)
    ('48656c6c6f2c20414921', 50, 13)

    ``payload`` is bytes or str (UTF-8 encoded), sent as lowercase hex. ``deadline_ms`` (epoch ms)
    defaults to 60 s after the message is sent; ``0`` means no deadline. ``message_id`` is a new
    uuid4; ``timestamp`` (epoch ns) the creation time. ``dedup_context`` is part of the broker's
    dedup key (see the module docstring for when to set it). The field order is the seed SDK's, so
    positional calls keep working.
    """

    agent_id: str
    payload: bytes | str
    budget_tokens: float = 1000.0
    deadline_ms: int | None = None
    message_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    priority: int = 50
    dedup_context: str = ""
    trace_id: str = ""
    metadata: dict[str, str] = field(default_factory=dict)  # the key "target_region" is reserved
    estimated_cost_tokens: float = 0.0  # tokens to charge; 0 = the broker estimates ceil(bytes / 4)
    task_graph_id: str = ""
    dependencies: list[str] = field(default_factory=list)
    timestamp: int = field(default_factory=time.time_ns)

    def to_wire(self, *, now_ms: int | None = None) -> dict[str, Any]:
        """The JSON body: all 13 fields, checked in the broker's order (§5.2); ValidationError
        names the first field that breaks a rule."""
        now = int(time.time() * 1000) if now_ms is None else now_ms
        agent_id = check_agent_id(self.agent_id)
        payload = payload_bytes(self.payload)
        budget_tokens = _number(self.budget_tokens, "budget_tokens", positive=True)
        deadline_ms = _deadline(self.deadline_ms, now)
        priority = _priority(self.priority)
        estimated_cost_tokens = _number(self.estimated_cost_tokens, "estimated_cost_tokens")
        return {
            "agent_id": agent_id,
            "message_id": _string(self.message_id, "message_id"),
            "payload": payload.hex(),
            "estimated_cost_tokens": estimated_cost_tokens,
            "budget_tokens": budget_tokens,
            "deadline_ms": deadline_ms,
            "task_graph_id": _string(self.task_graph_id, "task_graph_id"),
            "dependencies": _string_list(self.dependencies, "dependencies"),
            "priority": priority,
            "dedup_context": _string(self.dedup_context, "dedup_context"),
            "trace_id": _string(self.trace_id, "trace_id"),
            "metadata": _string_map(self.metadata, "metadata"),
            "timestamp": _integer(self.timestamp, "timestamp", minimum=None),
        }


@dataclass
class EndpointMetrics:
    """An AI endpoint as registered with the broker (§2.3); also what ``list_endpoints`` returns.

    >>> EndpointMetrics(
    ...     endpoint_id="gpt-4", capacity=1000, current_load=0,
    ...     cost_per_1k_tokens=30.0, latency_p99_ms=500.0, error_rate=0.01, health_status="HEALTHY",
    ... ).to_wire()["health_status"]
    'healthy'

    ``cost_per_1k_tokens`` is in cents. ``health_status`` accepts the contract's spellings
    (``"HEALTHY"``, ``"HEALTH_STATUS_DEGRADED"``, ``1``…) and is sent in canonical form; only
    healthy endpoints receive messages. ``last_health_check`` (epoch ns) is filled in by the broker
    when not given.
    """

    endpoint_id: str
    capacity: int
    current_load: int
    cost_per_1k_tokens: float
    latency_p99_ms: float
    error_rate: float
    health_status: str = "healthy"
    last_health_check: int | None = None

    def to_wire(self) -> dict[str, Any]:
        """The JSON body; ValidationError names the first field that breaks a rule of §2.3."""
        endpoint_id = _string(self.endpoint_id, "endpoint_id")
        if not endpoint_id:
            raise _invalid("endpoint_id", "Validation failed: endpoint_id cannot be empty", "validation_failed")
        wire: dict[str, Any] = {
            "endpoint_id": endpoint_id,
            "capacity": _integer(self.capacity, "capacity"),
            "current_load": _integer(self.current_load, "current_load"),
            "cost_per_1k_tokens": _number(self.cost_per_1k_tokens, "cost_per_1k_tokens"),
            "latency_p99_ms": _number(self.latency_p99_ms, "latency_p99_ms"),
            "error_rate": _number(self.error_rate, "error_rate", maximum=1.0),
            "health_status": _health_status(self.health_status),
        }
        if self.last_health_check is not None:
            wire["last_health_check"] = _integer(self.last_health_check, "last_health_check", minimum=None)
        return wire

    @classmethod
    def from_wire(cls, raw: Mapping[str, Any]) -> EndpointMetrics:
        """An endpoint from an answer; missing numbers read 0, an unknown health spelling stays raw."""
        answer = _Answer(raw, "endpoint")
        return cls(
            endpoint_id=answer.required_string("endpoint_id"),
            capacity=answer.integer("capacity"),
            current_load=answer.integer("current_load"),
            cost_per_1k_tokens=answer.number("cost_per_1k_tokens"),
            latency_p99_ms=answer.number("latency_p99_ms"),
            error_rate=answer.number("error_rate"),
            health_status="healthy" if raw.get("health_status") is None else HEALTH_STATUS.read(raw["health_status"]),
            last_health_check=answer.optional_integer("last_health_check"),
        )


# --- what the broker answers -------------------------------------------------------------------------


@dataclass(frozen=True)
class Acknowledgment:
    """The broker's answer for one message (§2.2).

    ``status`` is canonical (``success``, ``failed``, ``received``, ``unspecified``) after lenient
    parsing, or the raw spelling; ``is_success`` means ``status == "success"``. ``result`` is bytes
    (always empty from the reference broker). ``deduplicated`` is True when the broker recognised
    the message as already processed (also after meshkit's own resend); ``routing_decision`` (the
    generated ``RoutingDecision``) is set on processed messages; ``error``/``error_code`` on
    failed batch items.
    """

    original_message_id: str
    status: str = "success"
    tokens_used: float = 0.0
    processing_latency_ms: int = 0
    error: str = ""
    result: bytes = b""
    deduplicated: bool = False
    routing_decision: RoutingDecision | None = None
    error_code: str | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_success(self) -> bool:
        """Processed or deduplicated."""
        return self.status == "success"

    @classmethod
    def from_wire(cls, raw: Mapping[str, Any]) -> Acknowledgment:
        """An acknowledgment from an answer; a missing ``original_message_id`` is malformed."""
        answer = _Answer(raw, "acknowledgment")
        status, decision = raw.get("status"), raw.get("routing_decision")
        error_code = answer.string("error_code", "")
        return cls(
            original_message_id=answer.required_string("original_message_id"),
            status="success" if status is None else ACK_STATUS.read(status),
            tokens_used=answer.number("tokens_used"),
            processing_latency_ms=answer.integer("processing_latency_ms"),
            error=answer.string("error", ""),
            result=answer.hex_bytes("result"),
            deduplicated=answer.boolean("deduplicated", False),
            routing_decision=None if decision is None else parse_model("RoutingDecision", decision),
            error_code=error_code or None,
            raw=dict(raw),
        )


Ack = Acknowledgment


@dataclass(frozen=True)
class BudgetInfo:
    """An agent's token budget (§2.4).

    >>> BudgetInfo(agent_id="my-agent", initial_tokens=10000.0, remaining_tokens=7500.0).utilization_percent
    25.0
    """

    agent_id: str
    initial_tokens: float
    remaining_tokens: float
    consumption_rate: float = 0.0  # reserved: always 0.0
    reset_at: int | None = None  # epoch ns; stored only, nothing resets automatically

    @property
    def utilization_percent(self) -> float:
        """(initial - remaining) / initial * 100, or 0 when the initial budget is 0."""
        if self.initial_tokens == 0:
            return 0.0
        return (self.initial_tokens - self.remaining_tokens) / self.initial_tokens * 100

    @classmethod
    def from_wire(cls, raw: Mapping[str, Any], *, agent_id: str) -> BudgetInfo:
        """A budget from an answer; ``agent_id`` (the one asked about) fills a missing id."""
        answer = _Answer(raw, "budget")
        return cls(
            agent_id=answer.string("agent_id", agent_id),
            initial_tokens=answer.number("initial_tokens"),
            remaining_tokens=answer.number("remaining_tokens"),
            consumption_rate=answer.number("consumption_rate"),
            reset_at=answer.optional_integer("reset_at"),
        )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _first_number(raw: Mapping[str, Any], paths: Iterable[Sequence[str]]) -> float | None:
    """The first of ``paths`` (key sequences into nested objects) that holds a number."""
    for path in paths:
        value: Any = raw
        for key in path:
            value = value.get(key) if isinstance(value, Mapping) else None
        if _is_finite_number(value):
            return float(value)
    return None


class _RawView:
    """``view["key"]`` / ``view.get("key", default)``: the raw answer's key, else the typed field of
    that name — so code written for the seed SDK's plain dicts keeps working."""

    raw: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        """The raw answer's ``key``, else the typed field of that name; KeyError otherwise."""
        if key in self.raw:
            return self.raw[key]
        if key in {item.name for item in fields(self)} - {"raw"}:  # type: ignore[arg-type]
            return getattr(self, key)
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        """``view[key]``, or ``default`` when neither the answer nor the view has it."""
        try:
            return self[key]
        except KeyError:
            return default


def _view_values(raw: Mapping[str, Any], table: Mapping[str, tuple[Sequence[str], type]]) -> dict[str, Any]:
    """Typed values of a view: for each field the nested path (if any), then the flat snake_case
    key, then the camelCase key (§2.5, §2.6); missing → 0."""
    values: dict[str, Any] = {}
    for name, (nested, kind) in table.items():
        paths = [path for path in (tuple(nested), (name,), (_camel(name),)) if path]
        number = _first_number(raw, paths)
        values[name] = kind(number or 0)
    return values


@dataclass(frozen=True)
class BrokerStats(_RawView):
    """A typed view of ``/stats`` (§2.6); ``raw`` is the answer as it came.

    Reads the nested keys first (``messages.total``), then flat snake_case (``messages_total``),
    then camelCase (``messagesTotal``); missing values are 0. ``stats.get("messages_total", 0)``
    works as with the seed SDK's dict.
    """

    messages_total: int = 0
    messages_success: int = 0
    messages_failed: int = 0
    tokens_consumed: float = 0.0
    cost_total_cents: float = 0.0
    e2e_p50_ms: float = 0.0
    e2e_p99_ms: float = 0.0
    e2e_p999_ms: float = 0.0
    routing_p50_us: float = 0.0
    routing_p99_us: float = 0.0
    throughput_per_sec: float = 0.0
    uptime_secs: int = 0
    endpoints_total: int = 0
    endpoints_healthy: int = 0
    decisions_total: int = 0
    agents_with_budget: int = 0
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    _SOURCES: ClassVar[dict[str, tuple[Sequence[str], type]]] = {
        "messages_total": (("messages", "total"), int),
        "messages_success": (("messages", "success"), int),
        "messages_failed": (("messages", "failed"), int),
        "tokens_consumed": (("tokens", "consumed"), float),
        "cost_total_cents": (("cost", "total_cents"), float),
        "e2e_p50_ms": (("latency", "e2e_p50_ms"), float),
        "e2e_p99_ms": (("latency", "e2e_p99_ms"), float),
        "e2e_p999_ms": (("latency", "e2e_p999_ms"), float),
        "routing_p50_us": (("latency", "routing_p50_us"), float),
        "routing_p99_us": (("latency", "routing_p99_us"), float),
        "throughput_per_sec": (("throughput", "per_sec"), float),
        "uptime_secs": ((), int),
        "endpoints_total": (("router", "endpoints_total"), int),
        "endpoints_healthy": (("router", "endpoints_healthy"), int),
        "decisions_total": (("router", "decisions_total"), int),
        "agents_with_budget": (("router", "agents_with_budget"), int),
    }

    @classmethod
    def from_wire(cls, raw: Mapping[str, Any]) -> BrokerStats:
        return cls(**_view_values(raw, cls._SOURCES), raw=dict(raw))


@dataclass(frozen=True)
class BrokerHealth(_RawView):
    """A typed view of ``/health`` (§2.5), also read from camelCase keys; ``health["status"]`` works
    as with the seed SDK's dict. ``status`` is canonical after lenient parsing, or the raw spelling."""

    status: str = "unspecified"
    uptime_secs: int = 0
    messages_total: int = 0
    endpoints_healthy: int = 0
    endpoints_total: int = 0
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    _SOURCES: ClassVar[dict[str, tuple[Sequence[str], type]]] = {
        "uptime_secs": ((), int),
        "messages_total": ((), int),
        "endpoints_healthy": ((), int),
        "endpoints_total": ((), int),
    }

    @property
    def is_healthy(self) -> bool:
        """``status == "healthy"`` (after lenient parsing)."""
        return self.status == "healthy"

    @classmethod
    def from_wire(cls, raw: Mapping[str, Any]) -> BrokerHealth:
        status = raw.get("status")
        return cls(
            status="unspecified" if status is None else HEALTH_STATUS.read(status),
            **_view_values(raw, cls._SOURCES),
            raw=dict(raw),
        )


# One item of ``send_many``: the message's acknowledgment, or the meshkit error it failed with.
SendResult = Acknowledgment | MeshkitError


# --- plans: each call before any I/O -----------------------------------------------------------------


@dataclass(frozen=True)
class _Plan:
    """One façade call before any I/O: the operation, its arguments, and how to read the answer."""

    operation_id: str
    finish: Callable[[Any], Any]
    arguments: Mapping[str, Any] = field(default_factory=dict)
    headers: Mapping[str, str] | None = None


def _message_body(message: object, name: str) -> dict[str, Any]:
    if not isinstance(message, Message):
        raise _invalid(name, f"{name} must be a meshkit.Message, got {type(message).__name__}")
    try:
        return message.to_wire()
    except ValidationError as exc:
        if name == "message":
            raise
        raise ValidationError.client_side(exc.message, field=f"{name}.{exc.field}", code=exc.code) from None


def _batch_acks(messages: Sequence[Any]) -> Callable[[Any], list[Acknowledgment]]:
    def finish(body: Any) -> list[Acknowledgment]:
        items = _object(body).get("acknowledgments", [])
        if not isinstance(items, list) or len(items) != len(messages):
            count = len(items) if isinstance(items, list) else "no"
            message = f"the batch of {len(messages)} messages was answered with {count} acknowledgments"
            raise ResponseValidationError(message, body=body)
        return [Acknowledgment.from_wire(_object(item)) for item in items]

    return finish


def _endpoint_list(body: Any) -> list[EndpointMetrics]:
    items = _object(body).get("endpoints", [])
    if not isinstance(items, list):
        raise ResponseValidationError("endpoints should be a list", body=body)
    return [EndpointMetrics.from_wire(_object(item)) for item in items]


def _text(body: Any) -> str:
    return body if isinstance(body, str) else ""


class _BrokerBase:
    """What the sync and async clients share: settings, the wire rules, copies and the plans."""

    _settings: BrokerSettings
    _wire: Wire
    _transport: Any  # SyncTransport or AsyncTransport
    _transport_type: ClassVar[type[SyncTransport] | type[AsyncTransport]]

    def _setup(self, settings: BrokerSettings, http: Any, *, owns_http: bool) -> None:
        self._settings = settings
        self._wire = self._make_wire(settings)
        self._transport = self._transport_type(self._wire, http, owns_http=owns_http)
        self.ops = BrokerOps(self._transport, settings.timeout)

    def with_options(self, *, timeout: TimeoutArg = None, max_retries: int | None = None) -> Self:
        """A copy with another timeout or retry count, sharing this pool (closing it is a no-op)."""
        changes: dict[str, Any] = {}
        if timeout is not None:
            changes["timeout"] = make_timeout(timeout)
        if max_retries is not None:
            changes["max_retries"] = checked_max_retries(max_retries)
        clone = object.__new__(type(self))
        clone._setup(self._settings.with_changes(**changes), self._transport.http, owns_http=False)
        return clone

    @staticmethod
    def _make_wire(settings: BrokerSettings) -> Wire:
        return Wire(
            root_url=settings.base_url,
            # httpx.Auth itself sends nothing: without a key no Authorization header goes out.
            auth=BearerAuth(settings.api_key) if settings.api_key else httpx.Auth(),
            default_headers=identification_headers(None, muxi=False),
            retry=RetryPolicy(max_retries=settings.max_retries),
            tag="broker",
            send_idempotency_key=False,  # the broker has no idempotency header: dedup plays that role
            envelope=False,
            guards=settings.guards,
            limits=settings.limits,
        )

    @property
    def base_url(self) -> str:
        """The broker's base URL (no trailing ``/``)."""
        return self._settings.base_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._settings.base_url!r})"

    @staticmethod
    def _send_message_plan(message: Message) -> _Plan:
        body = _message_body(message, "message")
        return _Plan("send_message", lambda answer: Acknowledgment.from_wire(_object(answer)), {"body": body})

    @staticmethod
    def _send_batch_plan(messages: Iterable[Message]) -> _Plan:
        items = list(messages)
        bodies = [_message_body(item, f"messages[{index}]") for index, item in enumerate(items)]
        return _Plan("send_batch", _batch_acks(items), {"body": {"messages": bodies}})

    @staticmethod
    def _register_plan(metrics: EndpointMetrics) -> _Plan:
        if not isinstance(metrics, EndpointMetrics):
            raise _invalid("metrics", f"metrics must be a meshkit.EndpointMetrics, got {type(metrics).__name__}")
        body = metrics.to_wire()
        # The reference SDKs ignored this answer; what was sent fills anything it lacks.
        return _Plan(
            "register_endpoint", lambda answer: EndpointMetrics.from_wire({**body, **_object(answer)}), {"body": body}
        )

    @staticmethod
    def _remove_plan(endpoint_id: str) -> _Plan:
        finish: Callable[[Any], bool] = lambda answer: bool(_object(answer).get("removed", True))  # noqa: E731
        return _Plan("remove_endpoint", finish, {"endpoint_id": _path_id(endpoint_id, "endpoint_id")})

    @staticmethod
    def _set_budget_plan(agent_id: str, tokens: float, reset_at: int | None) -> _Plan:
        agent = check_agent_id(agent_id)
        amount = _number(tokens, "tokens")
        reset = None if reset_at is None else _integer(reset_at, "reset_at", minimum=None)
        # The reference SDKs ignored this answer; what was set fills anything it lacks.
        sent = {"initial_tokens": amount, "remaining_tokens": amount, "reset_at": reset}
        return _Plan(
            "set_budget",
            lambda answer: BudgetInfo.from_wire({**sent, **_object(answer)}, agent_id=agent),
            {"body": {"agent_id": agent, "tokens": amount, "reset_at": reset}},
        )

    @staticmethod
    def _budget_plan(operation_id: str, agent_id: str) -> _Plan:
        agent = _path_id(agent_id, "agent_id")
        return _Plan(
            operation_id, lambda answer: BudgetInfo.from_wire(_object(answer), agent_id=agent), {"agent_id": agent}
        )

    _LIST_ENDPOINTS = _Plan("list_endpoints", _endpoint_list)
    _STATS = _Plan("get_stats", lambda answer: BrokerStats.from_wire(_object(answer)))
    # Accept: text/plain for /metrics; the Bearer header goes on it like on every call (§6 mistake 1).
    _METRICS = _Plan("get_metrics", _text, headers={"Accept": "text/plain"})
    _HEALTH = _Plan("health", lambda answer: BrokerHealth.from_wire(_object(answer)))

    @staticmethod
    def _check_max_in_flight(max_in_flight: int) -> int:
        value = _integer(max_in_flight, "max_in_flight")
        if value < 1:
            raise _invalid("max_in_flight", f"max_in_flight must be >= 1, got {value}", "validation_failed")
        return value


class AiMeshClient(_BrokerBase):
    """The AiMesh broker over one connection pool.

    ``AiMeshClient("http://localhost:9000")`` as in the seed SDK; without ``base_url`` it reads
    ``AIMESH_URL`` (default ``http://localhost:9000``), without ``api_key`` ``AIMESH_API_KEY`` (no
    key, no ``Authorization`` header). ``timeout`` is in seconds (default 30) or an
    ``httpx.Timeout``; ``max_retries`` (default 2) — see the module docstring for what is retried.
    An injected ``http_client`` lends only its pool. Close with ``close()`` or use ``with``.
    """

    _transport: SyncTransport
    _transport_type = SyncTransport

    def __init__(
        self,
        base_url: str | None = None,
        timeout: TimeoutArg = None,
        api_key: str | None = None,
        *,
        max_retries: int | None = None,
        http_client: httpx.Client | None = None,
        guards: Guards | None = None,
        limits: Limits | None = None,
    ) -> None:
        settings = resolve_broker(base_url=base_url, api_key=api_key, timeout=timeout, max_retries=max_retries)
        settings = settings.with_changes(guards=guards, limits=limits or DEFAULT_LIMITS)
        http = http_client if http_client is not None else httpx.Client(timeout=settings.timeout)
        self._setup(settings, http, owns_http=http_client is None)

    def __enter__(self) -> AiMeshClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool (copies made by ``with_options`` share it)."""
        self._transport.close()

    def _run(self, plan: _Plan) -> Any:
        answer = self._transport.call(
            plan.operation_id, plan.arguments, typed=False, headers=plan.headers, timeout=self._settings.timeout
        )
        return plan.finish(answer)

    # --- messages ------------------------------------------------------------------------------------

    def send_message(self, message: Message) -> Acknowledgment:
        """Send one message; BudgetExceededError (402), RateLimitError (429), ServerError (503 when
        no endpoint is healthy) and ValidationError (400, or before sending) say why not."""
        ack: Acknowledgment = self._run(self._send_message_plan(message))
        return ack

    def send_batch(self, messages: Iterable[Message]) -> list[Acknowledgment]:
        """Send messages in one request; one acknowledgment per message, same order. An item the
        broker refuses gets a failed acknowledgment (``is_success`` False, ``error_code`` set)
        instead of failing the batch; an item that breaks a rule here raises ValidationError
        (field ``messages[i].<field>``) and nothing is sent."""
        acks: list[Acknowledgment] = self._run(self._send_batch_plan(messages))
        return acks

    def send_many(self, messages: Iterable[Message], *, max_in_flight: int = DEFAULT_MAX_IN_FLIGHT) -> list[SendResult]:
        """Send messages one request each, at most ``max_in_flight`` at a time (threads sharing
        this pool). Returns one item per message in input order: its Acknowledgment, or the
        MeshkitError it failed with — nothing is dropped and one failure stops nothing."""
        workers = self._check_max_in_flight(max_in_flight)
        items = list(messages)
        if not items:
            return []
        with ThreadPoolExecutor(max_workers=min(workers, len(items)), thread_name_prefix="meshkit-send") as pool:
            return list(pool.map(self._send_one, items))

    def _send_one(self, message: Message) -> SendResult:
        try:
            return self.send_message(message)
        except MeshkitError as exc:
            return exc

    # --- endpoints -----------------------------------------------------------------------------------

    def register_endpoint(self, metrics: EndpointMetrics) -> EndpointMetrics:
        """Register (or replace) an endpoint; returns it as the broker stored it."""
        stored: EndpointMetrics = self._run(self._register_plan(metrics))
        return stored

    def list_endpoints(self) -> list[EndpointMetrics]:
        """Every registered endpoint, sorted by id."""
        endpoints: list[EndpointMetrics] = self._run(self._LIST_ENDPOINTS)
        return endpoints

    def remove_endpoint(self, endpoint_id: str) -> bool:
        """Remove an endpoint (the id is percent-encoded, so ``/`` and spaces are fine); True, or
        NotFoundError for an unknown id."""
        removed: bool = self._run(self._remove_plan(endpoint_id))
        return removed

    # --- budgets -------------------------------------------------------------------------------------

    def set_budget(self, agent_id: str, tokens: float, reset_at: int | None = None) -> BudgetInfo:
        """Create or overwrite an agent's token budget (``reset_at`` in epoch ns is stored only)."""
        budget: BudgetInfo = self._run(self._set_budget_plan(agent_id, tokens, reset_at))
        return budget

    def get_budget(self, agent_id: str) -> BudgetInfo:
        """An agent's budget, with ``utilization_percent``; NotFoundError when it has none."""
        budget: BudgetInfo = self._run(self._budget_plan("get_budget", agent_id))
        return budget

    def reset_budget(self, agent_id: str) -> BudgetInfo:
        """Give an agent its initial tokens back; NotFoundError when it has no budget."""
        budget: BudgetInfo = self._run(self._budget_plan("reset_budget", agent_id))
        return budget

    # --- stats ---------------------------------------------------------------------------------------

    def get_stats(self) -> BrokerStats:
        """Counters, latencies and router state (a typed view; ``.raw`` is the answer)."""
        stats: BrokerStats = self._run(self._STATS)
        return stats

    def get_metrics(self) -> str:
        """The Prometheus text exposition, unparsed."""
        text: str = self._run(self._METRICS)
        return text

    def health_check(self) -> BrokerHealth:
        """The broker's health (``.status``, ``.uptime_secs``…; ``health["status"]`` works too)."""
        health: BrokerHealth = self._run(self._HEALTH)
        return health


class AsyncAiMeshClient(_BrokerBase):
    """The asyncio twin of :class:`AiMeshClient` (same arguments; ``await`` the calls)."""

    _transport: AsyncTransport
    _transport_type = AsyncTransport

    def __init__(
        self,
        base_url: str | None = None,
        timeout: TimeoutArg = None,
        api_key: str | None = None,
        *,
        max_retries: int | None = None,
        http_client: httpx.AsyncClient | None = None,
        guards: Guards | None = None,
        limits: Limits | None = None,
    ) -> None:
        settings = resolve_broker(base_url=base_url, api_key=api_key, timeout=timeout, max_retries=max_retries)
        settings = settings.with_changes(guards=guards, limits=limits or DEFAULT_LIMITS)
        http = http_client if http_client is not None else httpx.AsyncClient(timeout=settings.timeout)
        self._setup(settings, http, owns_http=http_client is None)

    async def __aenter__(self) -> AsyncAiMeshClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._transport.aclose()

    close = aclose

    async def _run(self, plan: _Plan) -> Any:
        answer = await self._transport.call(
            plan.operation_id, plan.arguments, typed=False, headers=plan.headers, timeout=self._settings.timeout
        )
        return plan.finish(answer)

    async def send_message(self, message: Message) -> Acknowledgment:
        """Send one message (see :meth:`AiMeshClient.send_message`)."""
        ack: Acknowledgment = await self._run(self._send_message_plan(message))
        return ack

    async def send_batch(self, messages: Iterable[Message]) -> list[Acknowledgment]:
        """Send messages in one request (see :meth:`AiMeshClient.send_batch`)."""
        acks: list[Acknowledgment] = await self._run(self._send_batch_plan(messages))
        return acks

    async def send_many(
        self, messages: Iterable[Message], *, max_in_flight: int = DEFAULT_MAX_IN_FLIGHT
    ) -> list[SendResult]:
        """Send messages one request each, at most ``max_in_flight`` concurrently.

        Returns one item per message in input order: its Acknowledgment, or the MeshkitError it
        failed with (nothing dropped, one failure stops nothing)::

            results = await client.send_many(messages, max_in_flight=20)
            failed = [r for r in results if isinstance(r, MeshkitError)]
        """
        import anyio  # httpx's own async layer: works under asyncio and trio

        workers = self._check_max_in_flight(max_in_flight)
        items = list(messages)
        results: list[SendResult | None] = [None] * len(items)
        pending = iter(enumerate(items))

        async def worker() -> None:
            # Workers share one iterator: each takes the next message when its last one is done.
            for index, message in pending:
                results[index] = await self._send_one(message)

        async with anyio.create_task_group() as group:
            for _ in range(min(workers, len(items))):
                group.start_soon(worker)
        # Every slot is filled: a worker either stored a result or raised out of the task group.
        return cast(list[SendResult], results)

    async def _send_one(self, message: Message) -> SendResult:
        try:
            return await self.send_message(message)
        except MeshkitError as exc:
            return exc

    async def register_endpoint(self, metrics: EndpointMetrics) -> EndpointMetrics:
        """Register (or replace) an endpoint."""
        stored: EndpointMetrics = await self._run(self._register_plan(metrics))
        return stored

    async def list_endpoints(self) -> list[EndpointMetrics]:
        """Every registered endpoint, sorted by id."""
        endpoints: list[EndpointMetrics] = await self._run(self._LIST_ENDPOINTS)
        return endpoints

    async def remove_endpoint(self, endpoint_id: str) -> bool:
        """Remove an endpoint; True, or NotFoundError."""
        removed: bool = await self._run(self._remove_plan(endpoint_id))
        return removed

    async def set_budget(self, agent_id: str, tokens: float, reset_at: int | None = None) -> BudgetInfo:
        """Create or overwrite an agent's token budget."""
        budget: BudgetInfo = await self._run(self._set_budget_plan(agent_id, tokens, reset_at))
        return budget

    async def get_budget(self, agent_id: str) -> BudgetInfo:
        """An agent's budget; NotFoundError when it has none."""
        budget: BudgetInfo = await self._run(self._budget_plan("get_budget", agent_id))
        return budget

    async def reset_budget(self, agent_id: str) -> BudgetInfo:
        """Give an agent its initial tokens back."""
        budget: BudgetInfo = await self._run(self._budget_plan("reset_budget", agent_id))
        return budget

    async def get_stats(self) -> BrokerStats:
        """Counters, latencies and router state."""
        stats: BrokerStats = await self._run(self._STATS)
        return stats

    async def get_metrics(self) -> str:
        """The Prometheus text exposition, unparsed."""
        text: str = await self._run(self._METRICS)
        return text

    async def health_check(self) -> BrokerHealth:
        """The broker's health."""
        health: BrokerHealth = await self._run(self._HEALTH)
        return health


class BrokerOps(Operations):
    """``client.ops.<operation_id>(...)``: every broker operation of the spec — also ones added by
    ``make generate`` later — with the client's auth, retries and typed errors. Arguments are the
    generated builder's (path parameters positionally, ``body=`` a dict); answers are the
    generated models. On the async client the calls return awaitables."""

    tag = "broker"


__all__ = [
    "Ack",
    "Acknowledgment",
    "AiMeshClient",
    "AsyncAiMeshClient",
    "BrokerHealth",
    "BrokerOps",
    "BrokerStats",
    "BudgetInfo",
    "EndpointMetrics",
    "Message",
    "SendResult",
]
