"""The broker's messages and answers: Message and EndpointMetrics (checked against the broker's
rules before anything is sent), Acknowledgment, BudgetInfo, BrokerStats and BrokerHealth (typed
views of the answers)."""

from __future__ import annotations

import math
import re
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, ClassVar

from .._core.errors import MeshkitError, ResponseValidationError, ValidationError
from .._core.jsontypes import JSON
from .._core.model_base import ResultBase
from .._core.wire import parse_model

if TYPE_CHECKING:
    from .._generated.models import RoutingDecision

MAX_PAYLOAD_BYTES = 1_048_576  # decoded payload limit of the reference broker (§5.2 rule 3)
DEFAULT_DEADLINE_MS = 60_000  # a message without a deadline gets now + 60 s (§2.1)
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
class Message(ResultBase):
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
class EndpointMetrics(ResultBase):
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
class Acknowledgment(ResultBase):
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
    raw: dict[str, JSON] = field(default_factory=dict, repr=False, compare=False)

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
class BudgetInfo(ResultBase):
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

    raw: dict[str, JSON]

    def __getitem__(self, key: str) -> JSON:
        """The raw answer's ``key``, else the typed field of that name; KeyError otherwise."""
        if key in self.raw:
            return self.raw[key]
        if key in {item.name for item in fields(self)} - {"raw"}:  # type: ignore[arg-type]
            value: JSON = getattr(self, key)  # the typed fields are numbers and strings
            return value
        raise KeyError(key)

    def get(self, key: str, default: JSON = None) -> JSON:
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
class BrokerStats(_RawView, ResultBase):
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
    raw: dict[str, JSON] = field(default_factory=dict, repr=False, compare=False)

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
class BrokerHealth(_RawView, ResultBase):
    """A typed view of ``/health`` (§2.5), also read from camelCase keys; ``health["status"]`` works
    as with the seed SDK's dict. ``status`` is canonical after lenient parsing, or the raw spelling."""

    status: str = "unspecified"
    uptime_secs: int = 0
    messages_total: int = 0
    endpoints_healthy: int = 0
    endpoints_total: int = 0
    raw: dict[str, JSON] = field(default_factory=dict, repr=False, compare=False)

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
