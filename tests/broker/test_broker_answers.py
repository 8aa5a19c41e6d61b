"""How answers are read, on canned responses (httpx.MockTransport): lenient enum spellings, the
stats and health spellings other brokers use, empty or non-JSON 2xx bodies, malformed answers.
Whatever arrives, the caller sees a typed result or a meshkit error — never a raw ValueError,
KeyError or JSONDecodeError (broker.md §1, §2, §6 mistake 5)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from broker_support import endpoint
from meshkit import (
    AiMeshClient,
    BrokerHealth,
    BrokerStats,
    BudgetInfo,
    EndpointMetrics,
    Message,
    ResponseValidationError,
)

BASE = "http://broker.invalid"
STATUS_SPELLINGS = [
    ("success", "success", True),
    ("PROCESSED", "success", True),
    (" ack_processed ", "success", True),
    (2, "success", True),
    ("ACK_FAILED", "failed", False),
    (3, "failed", False),
    ("received", "received", False),
    ("Ack_Received", "received", False),
    (1, "received", False),
    (0, "unspecified", False),
    ("UNSPECIFIED", "unspecified", False),
    ("queued", "queued", False),  # unknown spellings are kept raw
]


def answering(body: Any, *, status: int = 200, content_type: str = "application/json") -> AiMeshClient:
    """A client whose every request is answered with ``body`` (bytes as is, anything else as JSON)."""
    content = body if isinstance(body, bytes) else json.dumps(body).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=content, headers={"Content-Type": content_type})

    return AiMeshClient(BASE, max_retries=0, http_client=httpx.Client(transport=httpx.MockTransport(handler)))


def ack_body(**fields: Any) -> dict[str, Any]:
    return {"original_message_id": "m-1", **fields}


def send(client: AiMeshClient) -> Any:
    return client.send_message(Message(agent_id="a", payload=b"x"))


@pytest.mark.parametrize(("spelling", "status", "success"), STATUS_SPELLINGS)
def test_ack_status_is_parsed_leniently(spelling: Any, status: str, success: bool) -> None:
    ack = send(answering(ack_body(status=spelling)))

    assert (ack.status, ack.is_success) == (status, success)


def test_a_minimal_ack_gets_the_contract_defaults() -> None:
    ack = send(answering(ack_body(result=None)))

    assert (ack.status, ack.tokens_used, ack.processing_latency_ms, ack.error, ack.result) == (
        "success",
        0.0,
        0,
        "",
        b"",
    )
    assert (ack.deduplicated, ack.routing_decision, ack.error_code) == (False, None, None)


def test_the_result_is_bytes_from_hex_of_either_case() -> None:
    assert send(answering(ack_body(result="48454C4c4f"))).result == b"HELLO"


@pytest.mark.parametrize(
    "body",
    [
        {},  # no original_message_id: malformed (broker.md §2.2)
        ack_body(result="xyz"),
        ack_body(result="abc"),  # odd length
        ack_body(tokens_used="lots"),
        ack_body(deduplicated="yes"),
        ack_body(routing_decision={"target_endpoint": 3}),
    ],
)
def test_a_malformed_ack_is_a_response_validation_error(body: dict[str, Any]) -> None:
    with pytest.raises(ResponseValidationError):
        send(answering(body))


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda c: c.register_endpoint(endpoint("gpt-4")), endpoint("gpt-4", health_status="healthy")),
        (lambda c: c.remove_endpoint("gpt-4"), True),
        (lambda c: c.set_budget("a", tokens=10), BudgetInfo("a", 10.0, 10.0)),
        (lambda c: c.reset_budget("a"), BudgetInfo("a", 0.0, 0.0)),
        (lambda c: c.get_budget("a"), BudgetInfo("a", 0.0, 0.0)),
        (lambda c: c.list_endpoints(), []),
        (lambda c: c.get_stats(), BrokerStats()),
        (lambda c: c.health_check(), BrokerHealth()),
        (lambda c: c.get_metrics(), ""),
        (lambda c: c.send_batch([]), []),
    ],
)
@pytest.mark.parametrize(("content", "content_type"), [(b"", "application/json"), (b"OK", "text/html")])
def test_an_empty_or_non_json_2xx_body_reads_as_an_empty_object(
    call: Callable[[AiMeshClient], Any], expected: Any, content: bytes, content_type: str
) -> None:
    result = call(answering(content, content_type=content_type))

    if isinstance(expected, str) and content_type.startswith("text/"):
        expected = content.decode()  # metrics are text: returned unparsed
    assert result == expected


def test_an_empty_send_message_answer_is_malformed_not_a_json_error() -> None:
    with pytest.raises(ResponseValidationError):
        send(answering(b""))


def test_health_accepts_camel_case() -> None:
    body = {"status": "HEALTHY", "uptimeSecs": 60, "messagesTotal": 12, "endpointsHealthy": 2, "endpointsTotal": 3}

    health = answering(body).health_check()

    assert health == BrokerHealth(
        status="healthy", uptime_secs=60, messages_total=12, endpoints_healthy=2, endpoints_total=3
    )
    assert health["uptimeSecs"] == 60 and health["uptime_secs"] == 60


NESTED = {
    "messages": {"total": 12, "success": 10, "failed": 2},
    "tokens": {"consumed": 5400.0},
    "cost": {"total_cents": 16.2},
    "latency": {
        "e2e_p50_ms": 1.0,
        "e2e_p99_ms": 3.0,
        "e2e_p999_ms": 3.0,
        "routing_p50_us": 12.0,
        "routing_p99_us": 40.0,
    },
    "throughput": {"per_sec": 0.2},
    "uptime_secs": 60,
    "router": {"endpoints_total": 3, "endpoints_healthy": 2, "decisions_total": 10, "agents_with_budget": 1},
}
FLAT = {
    "messages_total": 12,
    "messages_success": 10,
    "messages_failed": 2,
    "tokens_consumed": 5400.0,
    "cost_total_cents": 16.2,
    "uptime_secs": 60,
    "throughput_per_sec": 0.2,
    "endpoints_total": 3,
    "endpoints_healthy": 2,
    "decisions_total": 10,
    "agents_with_budget": 1,
}
CAMEL = {
    "messagesTotal": 12,
    "messagesSuccess": 10,
    "messagesFailed": 2,
    "tokensConsumed": 5400.0,
    "costTotalCents": 16.2,
    "uptimeSecs": 60,
    "throughputPerSec": 0.2,
    "endpointsTotal": 3,
    "endpointsHealthy": 2,
    "decisionsTotal": 10,
    "agentsWithBudget": 1,
}


@pytest.mark.parametrize("body", [NESTED, FLAT, CAMEL], ids=["nested", "flat", "camel"])
def test_stats_read_nested_then_flat_then_camel_keys(body: dict[str, Any]) -> None:
    stats = answering(body).get_stats()

    assert (stats.messages_total, stats.messages_success, stats.messages_failed) == (12, 10, 2)
    assert (stats.tokens_consumed, stats.cost_total_cents, stats.uptime_secs, stats.throughput_per_sec) == (
        5400.0,
        16.2,
        60,
        0.2,
    )
    assert (stats.endpoints_total, stats.endpoints_healthy, stats.decisions_total, stats.agents_with_budget) == (
        3,
        2,
        10,
        1,
    )
    assert isinstance(stats.messages_total, int) and isinstance(stats.tokens_consumed, float)
    assert stats.raw == body


def test_nested_stats_win_over_flat_ones() -> None:
    stats = answering({"messages": {"total": 5}, "messages_total": 9, "messagesTotal": 7}).get_stats()

    assert stats.messages_total == 5
    assert stats.e2e_p99_ms == 0.0  # missing → 0


def test_endpoints_are_read_leniently() -> None:
    item = {"endpoint_id": "e", "capacity": 10.0, "health_status": "HEALTH_STATUS_DEGRADED", "last_health_check": 5}

    (read,) = answering(
        {
            "endpoints": [
                item,
            ]
        }
    ).list_endpoints()

    assert read == EndpointMetrics("e", 10, 0, 0.0, 0.0, 0.0, health_status="degraded", last_health_check=5)
    (raw,) = answering({"endpoints": [{"endpoint_id": "e", "health_status": "on_fire"}]}).list_endpoints()
    assert raw.health_status == "on_fire"
    with pytest.raises(ResponseValidationError):
        answering({"endpoints": [{"capacity": 1}]}).list_endpoints()


def test_a_batch_answer_with_missing_acks_is_an_error_not_a_shorter_list() -> None:
    with pytest.raises(ResponseValidationError):
        answering({"acknowledgments": [ack_body()]}).send_batch([Message("a", b"1"), Message("a", b"2")])


def test_broker_answers_are_bare_a_data_key_is_not_an_envelope() -> None:
    stats = answering({"data": {"messages": {"total": 99}}, "messages": {"total": 1}}).get_stats()

    assert stats.messages_total == 1
    assert stats.raw["data"] == {"messages": {"total": 99}}
