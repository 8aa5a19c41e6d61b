"""No bad input escapes as a non-meshkit exception (design §6, property layer): whatever a caller
puts in a Message or EndpointMetrics, and whatever JSON a broker answers, the result is a value
or a ValidationError / ResponseValidationError."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from meshkit import (
    Acknowledgment,
    BrokerHealth,
    BrokerStats,
    BudgetInfo,
    EndpointMetrics,
    Message,
    ResponseValidationError,
    ValidationError,
)
from meshkit.broker._models import ACK_STATUS, HEALTH_STATUS

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)
ANYTHING = JSON | st.binary(max_size=8) | st.tuples(st.integers())
FIELDS = st.sampled_from(
    [
        "original_message_id",
        "status",
        "tokens_used",
        "processing_latency_ms",
        "error",
        "result",
        "deduplicated",
        "routing_decision",
        "error_code",
        "endpoint_id",
        "capacity",
        "health_status",
        "last_health_check",
        "agent_id",
        "initial_tokens",
        "remaining_tokens",
        "reset_at",
        "messages",
        "uptimeSecs",
        "uptime_secs",
    ]
)
ANSWERS = st.dictionaries(FIELDS | st.text(max_size=4), JSON, max_size=6)


@settings(max_examples=150, deadline=None)
@given(
    agent_id=ANYTHING | st.from_regex("[a-z0-9_-]{1,8}", fullmatch=True),
    payload=ANYTHING,
    number=ANYTHING,
    integer=ANYTHING,
    text=ANYTHING,
    strings=ANYTHING,
    mapping=ANYTHING,
)
def test_any_message_is_sent_or_refused_with_a_validation_error(
    agent_id: Any, payload: Any, number: Any, integer: Any, text: Any, strings: Any, mapping: Any
) -> None:
    message = Message(
        agent_id=agent_id,
        payload=payload,
        budget_tokens=number,
        deadline_ms=integer,
        priority=integer,
        trace_id=text,
        dependencies=strings,
        metadata=mapping,
    )
    try:
        wire = message.to_wire()
    except ValidationError as error:
        assert error.field
        return
    json.dumps(wire, allow_nan=False).encode("utf-8")  # what httpx will do with it


@settings(max_examples=100, deadline=None)
@given(values=st.lists(ANYTHING, min_size=8, max_size=8))
def test_any_endpoint_is_sent_or_refused_with_a_validation_error(values: list[Any]) -> None:
    try:
        EndpointMetrics(*values).to_wire()
    except ValidationError as error:
        assert error.field


@settings(max_examples=300, deadline=None)
@given(answer=ANSWERS)
def test_any_answer_reads_as_a_result_or_a_response_validation_error(answer: dict[str, Any]) -> None:
    for read in (
        Acknowledgment.from_wire,
        EndpointMetrics.from_wire,
        lambda raw: BudgetInfo.from_wire(raw, agent_id="a"),
    ):
        with contextlib.suppress(ResponseValidationError):
            read(answer)
    assert isinstance(BrokerStats.from_wire(answer).messages_total, int)  # views never fail
    assert isinstance(BrokerHealth.from_wire(answer).status, str)


@given(value=JSON)
def test_lenient_enums_never_raise(value: Any) -> None:
    for enum in (ACK_STATUS, HEALTH_STATUS):
        parsed = enum.parse(value)
        assert parsed is None or parsed in enum.spellings.values()
        assert isinstance(enum.read(value), str)
