"""Client-side validation mirrors the broker's rules (broker.md §5.2, §2.3, §2.4): each broken rule
raises ValidationError naming the field, with the broker's own code, and nothing is sent."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from broker_support import endpoint
from meshkit import AiMeshClient, EndpointMetrics, MeshkitError, Message, ValidationError

BASE = "http://broker.invalid"


@pytest.fixture
def offline() -> Iterator[tuple[AiMeshClient, list[httpx.Request]]]:
    """A client whose transport records every request instead of sending it."""
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(500)

    with (
        httpx.Client(transport=httpx.MockTransport(handler)) as http,
        AiMeshClient(BASE, http_client=http, max_retries=0) as client,
    ):
        yield client, sent


def message(**fields: Any) -> Message:
    values: dict[str, Any] = {"agent_id": "my-agent", "payload": b"hi", **fields}
    return Message(**values)


def past_ms() -> int:
    return int(time.time() * 1000) - 1000


MESSAGE_RULES: list[tuple[dict[str, Any], str, str]] = [
    ({"agent_id": ""}, "agent_id", "invalid_agent_id"),
    ({"agent_id": "My Agent"}, "agent_id", "invalid_agent_id"),
    ({"agent_id": "agent.1"}, "agent_id", "invalid_agent_id"),
    ({"agent_id": None}, "agent_id", "invalid_request"),
    ({"payload": b"x" * (1_048_576 + 1)}, "payload", "message_too_large"),
    ({"payload": "é" * 524_289}, "payload", "message_too_large"),  # the limit counts UTF-8 bytes
    ({"payload": 42}, "payload", "invalid_request"),
    ({"budget_tokens": 0}, "budget_tokens", "validation_failed"),
    ({"budget_tokens": -1.0}, "budget_tokens", "validation_failed"),
    ({"budget_tokens": math.nan}, "budget_tokens", "validation_failed"),
    ({"budget_tokens": "10"}, "budget_tokens", "invalid_request"),
    ({"deadline_ms": -1}, "deadline_ms", "validation_failed"),
    ({"deadline_ms": 1.5}, "deadline_ms", "invalid_request"),
    ({"priority": 101}, "priority", "validation_failed"),
    ({"priority": -1}, "priority", "validation_failed"),
    ({"priority": True}, "priority", "invalid_request"),
    ({"estimated_cost_tokens": -0.5}, "estimated_cost_tokens", "validation_failed"),
    ({"estimated_cost_tokens": math.inf}, "estimated_cost_tokens", "validation_failed"),
    ({"metadata": {"region": 1}}, "metadata", "invalid_request"),
    ({"dependencies": ["a", 2]}, "dependencies", "invalid_request"),
    ({"message_id": 7}, "message_id", "invalid_request"),
    ({"dedup_context": None}, "dedup_context", "invalid_request"),
]


@pytest.mark.parametrize(("fields", "field", "code"), MESSAGE_RULES)
def test_a_message_breaking_a_rule_is_never_sent(
    offline: tuple[AiMeshClient, list[httpx.Request]], fields: dict[str, Any], field: str, code: str
) -> None:
    client, sent = offline

    with pytest.raises(ValidationError) as caught:
        client.send_message(message(**fields))

    assert (caught.value.field, caught.value.code, caught.value.status_code) == (field, code, 400)
    assert sent == []


def test_an_expired_deadline_uses_the_brokers_words(offline: tuple[AiMeshClient, list[httpx.Request]]) -> None:
    client, sent = offline

    with pytest.raises(ValidationError) as caught:
        client.send_message(message(deadline_ms=past_ms()))

    assert (caught.value.field, caught.value.code) == ("deadline_ms", "deadline_expired")
    assert caught.value.message.startswith("Deadline expired: deadline was ")
    assert sent == []


def test_the_first_broken_rule_wins_in_the_brokers_order(offline: tuple[AiMeshClient, list[httpx.Request]]) -> None:
    client, _ = offline

    with pytest.raises(ValidationError) as caught:
        client.send_message(message(agent_id="BAD", priority=500, budget_tokens=0))

    assert caught.value.field == "agent_id"
    assert caught.value.message == "Invalid agent ID: Agent ID 'BAD' must match pattern ^[a-z0-9_-]+$"


@pytest.mark.parametrize(
    "fields",
    [
        {"priority": 0},
        {"priority": 100},
        {"payload": b"x" * 1_048_576},
        {"payload": ""},
        {"deadline_ms": 0},
        {"estimated_cost_tokens": 0},
        {"budget_tokens": 1e-9},
        {"priority": 50.0},  # an integral float is an integer
    ],
)
def test_the_edges_of_each_rule_pass(fields: dict[str, Any]) -> None:
    assert message(**fields).to_wire()["agent_id"] == "my-agent"


ENDPOINT_RULES: list[tuple[dict[str, Any], str, str]] = [
    ({"endpoint_id": ""}, "endpoint_id", "validation_failed"),
    ({"capacity": -1}, "capacity", "validation_failed"),
    ({"capacity": 1.5}, "capacity", "invalid_request"),
    ({"current_load": -1}, "current_load", "validation_failed"),
    ({"cost_per_1k_tokens": math.nan}, "cost_per_1k_tokens", "validation_failed"),
    ({"latency_p99_ms": -1.0}, "latency_p99_ms", "validation_failed"),
    ({"error_rate": 1.5}, "error_rate", "validation_failed"),
    ({"error_rate": -0.1}, "error_rate", "validation_failed"),
    ({"health_status": "sparkly"}, "health_status", "invalid_request"),
    ({"health_status": 7}, "health_status", "invalid_request"),
    ({"last_health_check": "now"}, "last_health_check", "invalid_request"),
]


@pytest.mark.parametrize(("fields", "field", "code"), ENDPOINT_RULES)
def test_an_endpoint_breaking_a_rule_is_never_sent(
    offline: tuple[AiMeshClient, list[httpx.Request]], fields: dict[str, Any], field: str, code: str
) -> None:
    client, sent = offline

    with pytest.raises(ValidationError) as caught:
        client.register_endpoint(endpoint(**{"endpoint_id": "gpt-4", **fields}))

    assert (caught.value.field, caught.value.code) == (field, code)
    assert sent == []


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.set_budget("Bad Agent", tokens=10), "agent_id"),
        (lambda c: c.set_budget("", tokens=10), "agent_id"),
        (lambda c: c.set_budget("agent", tokens=-1), "tokens"),
        (lambda c: c.set_budget("agent", tokens=math.inf), "tokens"),
        (lambda c: c.set_budget("agent", tokens=10, reset_at="soon"), "reset_at"),
        (lambda c: c.get_budget(""), "agent_id"),
        (lambda c: c.reset_budget(""), "agent_id"),
        (lambda c: c.remove_endpoint(""), "endpoint_id"),
        (lambda c: c.send_message({"agent_id": "a", "payload": "00"}), "message"),
        (lambda c: c.register_endpoint({"endpoint_id": "e"}), "metrics"),
        (lambda c: c.send_many([], max_in_flight=0), "max_in_flight"),
    ],
)
def test_other_arguments_are_checked_too(
    offline: tuple[AiMeshClient, list[httpx.Request]], call: Callable[[AiMeshClient], Any], field: str
) -> None:
    client, sent = offline

    with pytest.raises(ValidationError) as caught:
        call(client)

    assert caught.value.field == field
    assert sent == []


def test_a_batch_with_one_bad_item_sends_nothing(offline: tuple[AiMeshClient, list[httpx.Request]]) -> None:
    client, sent = offline

    with pytest.raises(ValidationError) as caught:
        client.send_batch([message(), message(priority=101), message()])

    assert (caught.value.field, caught.value.code) == ("messages[1].priority", "validation_failed")
    assert sent == []


def test_validation_errors_are_meshkit_errors_not_raw_value_errors() -> None:
    with pytest.raises(MeshkitError):
        EndpointMetrics(
            "e", capacity=-1, current_load=0, cost_per_1k_tokens=0, latency_p99_ms=0, error_rate=0
        ).to_wire()
    with pytest.raises(ValidationError) as caught:
        message(agent_id="").to_wire()
    assert caught.value.hint  # says what to check
    assert caught.value.body is None  # nothing was sent, so no answer
