"""What the AiMesh broker reads and answers (contract/broker.md): its error body (§4), the decoding
and validation of request fields, messages, and the acknowledgments of §5.1."""

from __future__ import annotations

import hashlib
import json
import math
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from starlette.responses import Response

from ._errors import broker_error
from ._validation import Problem, broker_terms
from ._wire import json_response

T = TypeVar("T")

AGENT_ID_PATTERN = "^[a-z0-9_-]+$"
_AGENT_ID = re.compile("[a-z0-9_-]+")
_HEX_DIGITS = re.compile("[0-9a-fA-F]*")

# broker.md §1: every accepted spelling (lower-cased, trimmed) → the canonical one. The list order
# is the protobuf numbering, which clients may also send.
_HEALTH_NAMES = ("unspecified", "healthy", "degraded", "unhealthy")
_HEALTH_SPELLINGS = {
    spelling: name
    for number, name in enumerate(_HEALTH_NAMES)
    for spelling in (name, f"health_status_{name}", str(number))
}


# --- errors ------------------------------------------------------------------------------------


class BrokerError(Exception):
    """A refusal, answered with the broker's error body (broker.md §4) and optional headers."""

    def __init__(
        self, status: int, message: str, code: str | None = None, headers: dict[str, str] | None = None, **extra: Any
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.body = broker_error(status, message, code, **extra)
        self.code: str = self.body["error"]
        self.headers = headers

    def response(self) -> Response:
        """The HTTP answer for this refusal."""
        return json_response(self.body, self.status, self.headers)


def invalid_request(field_name: str, problem: str) -> BrokerError:
    """400 ``invalid_request``: the request cannot be decoded (JSON, types, hex, enums)."""
    return BrokerError(400, f"Invalid request: {problem}", "invalid_request", field=field_name)


def validation_failed(field_name: str, problem: str) -> BrokerError:
    """400 ``validation_failed``: a decoded value breaks a rule."""
    return BrokerError(400, f"Validation failed: {problem}", "validation_failed", field=field_name)


def payload_too_large(max_bytes: int) -> BrokerError:
    """413: the request body is over the configured limit."""
    return BrokerError(413, f"Payload too large: the request body exceeds {max_bytes} bytes")


def refusal(problems: Sequence[Problem], decode: Callable[[], object] | None = None) -> BrokerError:
    """The answer to a request (or batch item) that breaks the spec. What the spec adds to the
    broker's checks are JSON types (int64 ranges…), so its problems belong to the decoding step of
    broker.md §5.1 (step 2, before the rules of step 3): ``decode``, the broker's own decoding, runs
    first so that its messages win for what it catches; the rest is a 400 ``invalid_request`` naming
    the first problem."""
    if decode is not None:
        decode()
    return invalid_request(*broker_terms(problems))


# --- decoding ----------------------------------------------------------------------------------


def _as_string(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise invalid_request(name, f"{name} must be a string")
    return value


def _as_number(name: str, value: Any) -> float:
    # bool is an int subclass in Python but never a JSON number.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise invalid_request(name, f"{name} must be a number")
    return float(value)


def _as_integer(name: str, value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    raise invalid_request(name, f"{name} must be an integer")


def _as_hex_bytes(name: str, value: Any) -> bytes:
    text = _as_string(name, value)
    # Checked before fromhex, which would also skip whitespace.
    if not _HEX_DIGITS.fullmatch(text):
        raise invalid_request(name, f"{name} must contain hex digits only")
    if len(text) % 2:
        raise invalid_request(name, f"{name} must be a hex string of even length")
    return bytes.fromhex(text)


def _as_string_list(name: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise invalid_request(name, f"{name} must be an array of strings")
    return list(value)


def _as_string_map(name: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
        raise invalid_request(name, f"{name} must be an object of strings")
    return dict(value)


def _as_health_status(name: str, value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        spelling = str(value)
    elif isinstance(value, str):
        spelling = value.strip().lower()
    else:
        spelling = ""
    if spelling not in _HEALTH_SPELLINGS:
        raise invalid_request(name, f"unknown {name} {value!r}")
    return _HEALTH_SPELLINGS[spelling]


class FieldReader:
    """Typed access to one JSON object. Absent and ``null`` read as the default (broker.md §1); a
    field without a default is required. Wrong types raise 400 ``invalid_request``."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def _read(self, name: str, convert: Callable[[str, Any], T], default: T | None) -> T:
        value = self.raw.get(name)
        if value is not None:
            return convert(name, value)
        if default is None:
            raise invalid_request(name, f"{name} is required")
        return default

    def present(self, name: str) -> bool:
        """Whether the field has a non-null value."""
        return self.raw.get(name) is not None

    def string(self, name: str, default: str | None = None) -> str:
        """A string field."""
        return self._read(name, _as_string, default)

    def number(self, name: str, default: float | None = None) -> float:
        """A number field, as a float."""
        return self._read(name, _as_number, default)

    def integer(self, name: str, default: int | None = None) -> int:
        """An integer field; integral floats such as ``10.0`` are accepted."""
        return self._read(name, _as_integer, default)

    def optional_integer(self, name: str) -> int | None:
        """An integer field whose absence is kept as None."""
        return self.integer(name) if self.present(name) else None

    def hex_bytes(self, name: str) -> bytes:
        """A hex string field (either case; absent reads as empty)."""
        return self._read(name, _as_hex_bytes, b"")

    def string_list(self, name: str) -> list[str]:
        """An array of strings (absent reads as empty)."""
        return self._read(name, _as_string_list, [])

    def string_map(self, name: str) -> dict[str, str]:
        """An object of string values (absent reads as empty)."""
        return self._read(name, _as_string_map, {})

    def health_status(self, name: str, default: str) -> str:
        """A health status, parsed leniently (broker.md §1)."""
        return self._read(name, _as_health_status, default)


def require_object(value: Any, field_name: str) -> dict[str, Any]:
    """The value when it is a JSON object, else 400 ``invalid_request``."""
    if not isinstance(value, dict):
        raise invalid_request(field_name, f"{field_name} must be a JSON object")
    return value


def parse_json_object(body: bytes) -> dict[str, Any]:
    """A request body decoded as a JSON object (broker.md §5.1 step 1)."""
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        raise invalid_request("body", "body is not valid JSON") from None
    return require_object(value, "body")


# --- validation --------------------------------------------------------------------------------


def check_agent_id(agent_id: str) -> None:
    """Rules 1 and 2 of broker.md §5.2 (also applied to budgets)."""
    if not agent_id:
        raise BrokerError(400, "Invalid agent ID: Agent ID cannot be empty", "invalid_agent_id", field="agent_id")
    if not _AGENT_ID.fullmatch(agent_id):
        message = f"Invalid agent ID: Agent ID '{agent_id}' must match pattern {AGENT_ID_PATTERN}"
        raise BrokerError(400, message, "invalid_agent_id", field="agent_id")


def check_non_negative(name: str, value: float) -> None:
    """A finite value ≥ 0, else 400 ``validation_failed``."""
    if not (math.isfinite(value) and value >= 0):
        raise validation_failed(name, f"{name} must be finite and >= 0, got {value}")


def check_deadline(deadline_ms: int, now_ms: int) -> None:
    """Rule 5 of broker.md §5.2: 0 means no deadline."""
    if deadline_ms < 0:
        raise validation_failed("deadline_ms", f"deadline_ms must be >= 0, got {deadline_ms}")
    if 0 < deadline_ms < now_ms:
        message = f"Deadline expired: deadline was {deadline_ms}ms, current time is {now_ms}ms"
        raise BrokerError(400, message, "deadline_expired", field="deadline_ms")


# --- messages ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """One decoded message with the defaults of broker.md §2.1 applied."""

    agent_id: str
    message_id: str
    payload: bytes
    estimated_cost_tokens: float
    budget_tokens: float
    deadline_ms: int
    task_graph_id: str
    dependencies: list[str]
    priority: int
    dedup_context: str
    trace_id: str
    metadata: dict[str, str]
    timestamp: int


def batch_items(body: dict[str, Any], max_items: int) -> list[Any]:
    """The items of a batch body (broker.md §5.8): an array of at most ``max_items``."""
    items = body.get("messages")
    if not isinstance(items, list):
        raise invalid_request("messages", "messages must be an array")
    if len(items) > max_items:
        raise invalid_request("messages", f"messages has {len(items)} items (max: {max_items})")
    return items


def message_id_of(item: Any) -> str:
    """The id an acknowledgment echoes: the item's ``message_id``, a new UUID when it has none, and
    ``""`` when the item is not an object or the id is not a string (broker.md §5.8)."""
    if not isinstance(item, dict):
        return ""
    value = item.get("message_id")
    if value is None:
        return str(uuid.uuid4())
    return value if isinstance(value, str) else ""


def parse_message(raw: dict[str, Any], message_id: str, received_ns: int) -> Message:
    """Step 2 of broker.md §5.1; fields are decoded in the order of the §2.1 table.

    ``message_id`` is the id chosen by :func:`message_id_of`, used when the item has none.
    """
    fields = FieldReader(raw)
    return Message(
        agent_id=fields.string("agent_id", ""),
        message_id=fields.string("message_id", message_id),
        payload=fields.hex_bytes("payload"),
        estimated_cost_tokens=fields.number("estimated_cost_tokens", 0.0),
        budget_tokens=fields.number("budget_tokens", 1000.0),
        deadline_ms=fields.integer("deadline_ms", 0),
        task_graph_id=fields.string("task_graph_id", ""),
        dependencies=fields.string_list("dependencies"),
        priority=fields.integer("priority", 50),
        dedup_context=fields.string("dedup_context", ""),
        trace_id=fields.string("trace_id", ""),
        metadata=fields.string_map("metadata"),
        timestamp=fields.integer("timestamp", 0) or received_ns,
    )


def decode_message(item: Any) -> Message:
    """One message decoded (step 2 of broker.md §5.1), its rules not yet checked."""
    return parse_message(require_object(item, "message"), "", 0)


def validate_message(message: Message, now_ms: int, max_payload_bytes: int) -> None:
    """Step 3 of broker.md §5.1: the checks of §5.2, in order; the first failure raises."""
    check_agent_id(message.agent_id)
    size = len(message.payload)
    if size > max_payload_bytes:
        message_text = f"Message too large: {size} bytes (max: {max_payload_bytes} bytes)"
        raise BrokerError(400, message_text, "message_too_large", field="payload")
    if not (math.isfinite(message.budget_tokens) and message.budget_tokens > 0):
        raise validation_failed("budget_tokens", "budget_tokens must be positive")
    check_deadline(message.deadline_ms, now_ms)
    if not 0 <= message.priority <= 100:
        raise validation_failed("priority", f"Priority must be 0-100, got {message.priority}")
    check_non_negative("estimated_cost_tokens", message.estimated_cost_tokens)


def charged_tokens(message: Message) -> float:
    """Tokens a message costs its agent (broker.md §5.5): the caller's estimate, else ceil(bytes / 4)."""
    if message.estimated_cost_tokens > 0:
        return message.estimated_cost_tokens
    return float(math.ceil(len(message.payload) / 4))


def dedup_key(agent_id: str, dedup_context: str, payload: bytes) -> str:
    """The dedup key of broker.md §5.4: SHA-256 of agent_id NUL dedup_context NUL payload."""
    material = agent_id.encode() + b"\0" + dedup_context.encode() + b"\0" + payload
    return hashlib.sha256(material).hexdigest()


def acknowledgment(message_id: str, latency_ms: int, **fields: Any) -> dict[str, Any]:
    """An acknowledgment (broker.md §2.2); ``fields`` override the success defaults."""
    return {
        "original_message_id": message_id,
        "status": "success",
        "tokens_used": 0.0,
        "processing_latency_ms": latency_ms,
        "error": "",
        "result": "",
        **fields,
    }


def failed_acknowledgment(message_id: str, latency_ms: int, error: BrokerError) -> dict[str, Any]:
    """The acknowledgment of a batch item that failed (broker.md §5.8)."""
    return acknowledgment(message_id, latency_ms, status="failed", error=error.message, error_code=error.code)
