"""Each AiMeshClient method on the wire: the user's call, then the exact request it sent (from the
cassette) and the typed result it gave back.

The cassettes in ``tests/cassettes/broker/`` were recorded against a fresh dev broker that requires
a bearer token, and are replayed offline: record mode ``none`` and no network (``block_network``),
with requests matched on method + path + query + body and on the headers that carry the wire rules
(Authorization present, Accept, Content-Type); never on host or port. Replays use the fake base
URL ``http://broker.test/broker``; while recording, the dev server's ephemeral URL is rewritten to
it, the token is scrubbed (``Bearer <scrubbed>``) and volatile headers are dropped (see
``conftest.py``). Messages carry fixed ids, timestamps and ``deadline_ms=0`` so their bodies are
the same on every run.

Re-record (after a deliberate change of what goes on the wire), then review the diff::

    MESHKIT_RECORD=1 .venv/bin/python -m pytest tests/broker/test_broker_wire.py
    git diff tests/cassettes/broker/

``MESHKIT_RECORD=1`` starts a fresh dev server per test and rewrites every cassette of the module
(``--record-mode=once`` records only the missing ones). Without it nothing is ever recorded: a
request the cassette does not hold fails the test, and so does a recorded one the test no longer
makes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from broker_support import BROKER_KEY, FAKE_BROKER_URL, SCRUBBED, endpoint
from meshkit import (
    Acknowledgment,
    AiMeshClient,
    BrokerHealth,
    BrokerStats,
    BudgetInfo,
    EndpointMetrics,
    Message,
)
from meshkit.devserver import DevServer

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]

NO_BODY = object()
AGENT = "wire-agent"


@pytest.fixture
def client(record_mode: str) -> Iterator[AiMeshClient]:
    """Replaying: a client of the fake URL. Recording: a client of a fresh secured dev broker, so
    every cassette starts from the same state."""
    if record_mode == "none":
        with AiMeshClient(FAKE_BROKER_URL, api_key=BROKER_KEY) as client:
            yield client
        return
    with DevServer(broker_key=BROKER_KEY) as dev, AiMeshClient(dev.broker_url, api_key=BROKER_KEY) as client:
        yield client


@pytest.fixture(autouse=True)
def _every_recorded_interaction_played(vcr: Any, record_mode: str) -> Iterator[None]:
    """In replay, a test must use its whole cassette: a call the façade stopped making fails."""
    yield
    if record_mode == "none" and not vcr.all_played:
        pytest.fail(f"cassette {vcr._path} has interactions this test did not replay")


def message(number: int, payload: bytes | str = b"Hello, AI!", **fields: Any) -> Message:
    """A message whose body is the same on every run."""
    return Message(
        agent_id=AGENT,
        payload=payload,
        message_id=f"00000000-0000-4000-8000-{number:012d}",
        timestamp=1_700_000_000_000_000_000 + number,
        deadline_ms=0,
        **fields,
    )


def assert_request(
    request: Any, method: str, path: str, *, body: Any = NO_BODY, accept: str = "application/json"
) -> None:
    """One recorded request, checked against the broker's wire rules (broker.md §1)."""
    headers = request.headers
    assert (request.method, request.path) == (method, "/broker" + path)
    assert headers["Authorization"] == f"Bearer {SCRUBBED}"  # a token on every call, scrubbed here
    assert headers["Accept"] == accept
    assert not any(name.lower().startswith("x-muxi") for name in headers)
    if body is NO_BODY:
        assert not request.body
        assert "Content-Type" not in headers
    else:
        assert headers["Content-Type"] == "application/json"
        assert json.loads(request.body) == body


def wire_message(number: int, payload_hex: str = "48656c6c6f2c20414921", **fields: Any) -> dict[str, Any]:
    return {
        "agent_id": AGENT,
        "message_id": f"00000000-0000-4000-8000-{number:012d}",
        "payload": payload_hex,
        "estimated_cost_tokens": 0.0,
        "budget_tokens": 1000.0,
        "deadline_ms": 0,
        "task_graph_id": "",
        "dependencies": [],
        "priority": 50,
        "dedup_context": "",
        "trace_id": "",
        "metadata": {},
        "timestamp": 1_700_000_000_000_000_000 + number,
        **fields,
    }


def test_send_message(client: AiMeshClient, vcr: Any) -> None:
    client.register_endpoint(endpoint())

    ack = client.send_message(message(1, trace_id="t-1", metadata={"team": "a"}))

    _, request = vcr.requests
    assert_request(request, "POST", "/messages", body=wire_message(1, trace_id="t-1", metadata={"team": "a"}))
    assert isinstance(ack, Acknowledgment)
    assert (ack.original_message_id, ack.status, ack.tokens_used, ack.result) == (
        "00000000-0000-4000-8000-000000000001",
        "success",
        3.0,
        b"",
    )
    assert ack.routing_decision is not None and ack.routing_decision.target_endpoint == "local-llama"


def test_send_batch(client: AiMeshClient, vcr: Any) -> None:
    client.register_endpoint(endpoint())

    acks = client.send_batch([message(1), message(2, payload="héllo", priority=0)])

    _, request = vcr.requests
    body = {"messages": [wire_message(1), wire_message(2, payload_hex="68c3a96c6c6f", priority=0)]}
    assert_request(request, "POST", "/messages/batch", body=body)
    assert [(ack.original_message_id[-1], ack.is_success, ack.tokens_used) for ack in acks] == [
        ("1", True, 3.0),
        ("2", True, 2.0),
    ]


def test_register_endpoint(client: AiMeshClient, vcr: Any) -> None:
    stored = client.register_endpoint(endpoint("gpt-4", cost_per_1k_tokens=30.0, health_status="HEALTHY"))

    (request,) = vcr.requests
    body = {
        "endpoint_id": "gpt-4",
        "capacity": 100,
        "current_load": 0,
        "cost_per_1k_tokens": 30.0,
        "latency_p99_ms": 100.0,
        "error_rate": 0.0,
        "health_status": "healthy",
    }
    assert_request(request, "POST", "/endpoints", body=body)
    assert isinstance(stored, EndpointMetrics)
    assert (stored.endpoint_id, stored.health_status, stored.cost_per_1k_tokens) == ("gpt-4", "healthy", 30.0)


def test_list_endpoints(client: AiMeshClient, vcr: Any) -> None:
    client.register_endpoint(endpoint("openai-gpt4", health_status="degraded"))
    client.register_endpoint(endpoint("anthropic-claude"))

    endpoints = client.list_endpoints()

    assert_request(vcr.requests[-1], "GET", "/endpoints")
    assert [(e.endpoint_id, e.health_status) for e in endpoints] == [
        ("anthropic-claude", "healthy"),
        ("openai-gpt4", "degraded"),
    ]


def test_remove_endpoint(client: AiMeshClient, vcr: Any) -> None:
    client.register_endpoint(endpoint("e/x y"))

    removed = client.remove_endpoint("e/x y")

    assert_request(vcr.requests[-1], "DELETE", "/endpoints/e%2Fx%20y")  # "/" and " " percent-encoded
    assert removed is True


def test_set_budget(client: AiMeshClient, vcr: Any) -> None:
    budget = client.set_budget(AGENT, tokens=10000)

    (request,) = vcr.requests
    assert_request(request, "POST", "/budgets", body={"agent_id": AGENT, "tokens": 10000.0, "reset_at": None})
    assert budget == BudgetInfo(agent_id=AGENT, initial_tokens=10000.0, remaining_tokens=10000.0)


def test_get_budget(client: AiMeshClient, vcr: Any) -> None:
    client.register_endpoint(endpoint())
    client.set_budget(AGENT, tokens=10000)
    client.send_message(message(1, estimated_cost_tokens=2500))

    budget = client.get_budget(AGENT)

    assert_request(vcr.requests[-1], "GET", f"/budgets/{AGENT}")
    assert (budget.remaining_tokens, budget.utilization_percent) == (7500.0, 25.0)


def test_reset_budget(client: AiMeshClient, vcr: Any) -> None:
    client.register_endpoint(endpoint())
    client.set_budget(AGENT, tokens=100)
    client.send_message(message(1, estimated_cost_tokens=40))

    budget = client.reset_budget(AGENT)

    assert_request(vcr.requests[-1], "POST", f"/budgets/{AGENT}/reset")
    assert (budget.initial_tokens, budget.remaining_tokens) == (100.0, 100.0)


def test_get_stats(client: AiMeshClient, vcr: Any) -> None:
    client.register_endpoint(endpoint())
    client.send_message(message(1))

    stats = client.get_stats()

    assert_request(vcr.requests[-1], "GET", "/stats")
    assert isinstance(stats, BrokerStats)
    assert (stats.messages_total, stats.messages_success, stats.tokens_consumed) == (1, 1, 3.0)
    assert (stats.endpoints_total, stats.endpoints_healthy, stats.decisions_total) == (1, 1, 1)


def test_get_metrics(client: AiMeshClient, vcr: Any) -> None:
    text = client.get_metrics()

    (request,) = vcr.requests
    assert_request(request, "GET", "/metrics", accept="text/plain")
    assert text.splitlines()[:3] == [
        "# HELP aimesh_messages_total Total messages processed",
        "# TYPE aimesh_messages_total counter",
        "aimesh_messages_total 0",
    ]


def test_health_check(client: AiMeshClient, vcr: Any) -> None:
    health = client.health_check()

    (request,) = vcr.requests
    assert_request(request, "GET", "/health")
    assert isinstance(health, BrokerHealth)
    assert (health.status, health.messages_total, health.endpoints_total) == ("healthy", 0, 0)
