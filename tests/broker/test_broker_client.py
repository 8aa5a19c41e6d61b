"""AiMeshClient against the dev broker, one method at a time: the call as the seed README writes
it, the request it put on the wire (captured with an httpx event hook), and the typed answer."""

from __future__ import annotations

import doctest
import textwrap
import time
import uuid

import httpx
import pytest
from broker_support import BROKER_KEY, LOOPBACK_ONLY, Captured, agent_id, endpoint, unique
from meshkit import (
    Ack,
    Acknowledgment,
    AiMeshClient,
    BrokerHealth,
    BrokerStats,
    BudgetInfo,
    ConfigurationError,
    EndpointMetrics,
    Message,
    NotFoundError,
)
from meshkit._core.config import resolve_broker
from meshkit.devserver import DevServer

pytestmark = [LOOPBACK_ONLY]

MESSAGE_FIELDS = [
    "agent_id",
    "message_id",
    "payload",
    "estimated_cost_tokens",
    "budget_tokens",
    "deadline_ms",
    "task_graph_id",
    "dependencies",
    "priority",
    "dedup_context",
    "trace_id",
    "metadata",
    "timestamp",
]


def assert_headers(request: httpx.Request, *, body: bool, accept: str = "application/json") -> None:
    """The broker's header rules (broker.md §1, contract README): no token without a key, JSON
    Content-Type only with a body, the meshkit User-Agent, no MUXI headers."""
    assert "Authorization" not in request.headers
    assert request.headers["Accept"] == accept
    assert request.headers["User-Agent"].startswith("meshkit/")
    assert request.headers.get("Content-Type") == ("application/json" if body else None)
    assert not any(name.lower().startswith("x-muxi") for name in request.headers)


def test_the_seed_readme_quick_start(fresh: DevServer) -> None:
    client = AiMeshClient(fresh.broker_url)
    client.register_endpoint(
        EndpointMetrics(
            endpoint_id="gpt-4",
            capacity=1000,
            current_load=0,
            cost_per_1k_tokens=30.0,
            latency_p99_ms=500.0,
            error_rate=0.01,
        )
    )
    client.set_budget("my-agent", tokens=10000)
    msg = Message(
        agent_id="my-agent",
        payload=b"Hello, AI!",
        priority=50,
    )

    ack = client.send_message(msg)

    assert f"Processed in {ack.processing_latency_ms}ms".startswith("Processed in ")
    assert ack.tokens_used == 3.0  # ceil(10 bytes / 4): no estimate given
    assert ack.is_success and ack.original_message_id == msg.message_id
    assert client.get_budget("my-agent").remaining_tokens == 9997.0
    client.close()


def test_send_message(routable: DevServer, client: AiMeshClient, captured: Captured) -> None:
    agent = agent_id()
    before = int(time.time() * 1000)
    msg = Message(agent_id=agent, payload=b"Hello, AI!", priority=50, dedup_context=str(uuid.uuid4()))

    ack = client.send_message(msg)

    (request,) = captured.requests
    assert (request.method, request.url) == ("POST", routable.broker_url + "/messages")
    assert_headers(request, body=True)
    body = captured.body()
    assert list(body) == MESSAGE_FIELDS  # all 13 fields, always
    assert body["payload"] == "48656c6c6f2c20414921"  # lowercase hex of b"Hello, AI!"
    assert uuid.UUID(body["message_id"]).version == 4
    assert before + 60_000 <= body["deadline_ms"] <= int(time.time() * 1000) + 60_000
    assert body | {"message_id": None, "deadline_ms": None, "timestamp": None, "dedup_context": None} == {
        "agent_id": agent,
        "message_id": None,
        "payload": "48656c6c6f2c20414921",
        "estimated_cost_tokens": 0.0,
        "budget_tokens": 1000.0,
        "deadline_ms": None,
        "task_graph_id": "",
        "dependencies": [],
        "priority": 50,
        "dedup_context": None,
        "trace_id": "",
        "metadata": {},
        "timestamp": None,
    }
    assert body["timestamp"] == msg.timestamp
    assert isinstance(ack, Acknowledgment) and Ack is Acknowledgment
    assert (ack.original_message_id, ack.status, ack.is_success) == (msg.message_id, "success", True)
    assert ack.tokens_used == 3.0 and isinstance(ack.processing_latency_ms, int)
    assert (ack.result, ack.error, ack.deduplicated, ack.error_code) == (b"", "", False, None)
    assert ack.routing_decision is not None and ack.routing_decision.message_id == msg.message_id
    assert routable.accepted()["broker_messages"][msg.message_id] == 1


def test_send_message_encodes_text_and_keeps_explicit_zeroes(
    routable: DevServer, client: AiMeshClient, captured: Captured
) -> None:
    text = f"héllo {uuid.uuid4()}"
    msg = Message(agent_id=agent_id(), payload=text, deadline_ms=0, priority=0, estimated_cost_tokens=7)

    ack = client.send_message(msg)

    body = captured.body()
    assert body["payload"] == text.encode("utf-8").hex()  # a str is UTF-8 encoded, then hex
    assert (body["deadline_ms"], body["priority"]) == (0, 0)  # 0 = no deadline; priority 0 stays 0
    assert ack.tokens_used == 7.0  # the caller's estimate is what is charged


def test_send_batch(routable: DevServer, client: AiMeshClient, captured: Captured) -> None:
    agent, poor = agent_id(), agent_id()
    client.set_budget(poor, tokens=1)
    messages = [
        Message(agent_id=agent, payload=unique("first")),
        Message(agent_id=poor, payload=b"x" * 40),  # 10 tokens against a budget of 1
        Message(agent_id=agent, payload=unique("third"), priority=100),
    ]

    acks = client.send_batch(messages)

    request = captured.last
    assert (request.method, request.url.path) == ("POST", "/broker/messages/batch")
    assert_headers(request, body=True)
    items = captured.body()["messages"]
    assert [list(item) for item in items] == [MESSAGE_FIELDS] * 3
    assert [item["message_id"] for item in items] == [m.message_id for m in messages]
    assert [ack.original_message_id for ack in acks] == [m.message_id for m in messages]
    assert [ack.is_success for ack in acks] == [True, False, True]
    failed = acks[1]
    assert (failed.status, failed.error_code, failed.tokens_used) == ("failed", "budget_exceeded", 0.0)
    assert failed.error == f"Budget exceeded for agent {poor}: required 10.0, available 1.0"


def test_register_endpoint(dev: DevServer, client: AiMeshClient, captured: Captured) -> None:
    stored = client.register_endpoint(endpoint("gpt-4", cost_per_1k_tokens=30.0, health_status=" HEALTHY "))

    request = captured.last
    assert (request.method, request.url.path) == ("POST", "/broker/endpoints")
    assert_headers(request, body=True)
    assert captured.body() == {
        "endpoint_id": "gpt-4",
        "capacity": 100,
        "current_load": 0,
        "cost_per_1k_tokens": 30.0,
        "latency_p99_ms": 100.0,
        "error_rate": 0.0,
        "health_status": "healthy",  # sent in canonical form
    }
    assert isinstance(stored, EndpointMetrics)
    assert (stored.endpoint_id, stored.health_status, stored.cost_per_1k_tokens) == ("gpt-4", "healthy", 30.0)
    assert stored.last_health_check is not None and stored.last_health_check > 0  # filled in by the broker


def test_list_endpoints(fresh: DevServer, captured: Captured) -> None:
    with captured.client(fresh.broker_url) as client:
        client.register_endpoint(endpoint("openai-gpt4", health_status="HEALTH_STATUS_DEGRADED"))
        client.register_endpoint(endpoint("anthropic-claude", health_status=3))

        endpoints = client.list_endpoints()

    request = captured.last
    assert (request.method, request.url.path, request.content) == ("GET", "/broker/endpoints", b"")
    assert_headers(request, body=False)
    assert all(isinstance(item, EndpointMetrics) for item in endpoints)
    assert [(e.endpoint_id, e.health_status) for e in endpoints] == [
        ("anthropic-claude", "unhealthy"),
        ("openai-gpt4", "degraded"),
    ]


def test_remove_endpoint_percent_encodes_the_id(dev: DevServer, client: AiMeshClient, captured: Captured) -> None:
    client.register_endpoint(endpoint("e/x y"))

    assert client.remove_endpoint("e/x y") is True

    request = captured.last
    assert request.method == "DELETE"
    assert request.url.raw_path == b"/broker/endpoints/e%2Fx%20y"
    assert_headers(request, body=False)
    assert "e/x y" not in [e.endpoint_id for e in client.list_endpoints()]
    with pytest.raises(NotFoundError) as caught:
        client.remove_endpoint("e/x y")
    assert (caught.value.status_code, caught.value.code) == (404, "endpoint_not_found")


def test_set_budget(dev: DevServer, client: AiMeshClient, captured: Captured) -> None:
    agent = agent_id()

    budget = client.set_budget(agent, tokens=10000)

    request = captured.last
    assert (request.method, request.url.path) == ("POST", "/broker/budgets")
    assert_headers(request, body=True)
    assert captured.body() == {"agent_id": agent, "tokens": 10000.0, "reset_at": None}
    assert budget == BudgetInfo(agent_id=agent, initial_tokens=10000.0, remaining_tokens=10000.0)
    assert budget.utilization_percent == 0.0


def test_get_budget_with_utilization(routable: DevServer, client: AiMeshClient, captured: Captured) -> None:
    agent = agent_id()
    client.set_budget(agent, tokens=10000, reset_at=1_900_000_000_000_000_000)
    client.send_message(Message(agent_id=agent, payload=unique(), estimated_cost_tokens=2500))

    budget = client.get_budget(agent)

    request = captured.last
    assert (request.method, request.url.path) == ("GET", f"/broker/budgets/{agent}")
    assert_headers(request, body=False)
    assert (budget.initial_tokens, budget.remaining_tokens, budget.utilization_percent) == (10000.0, 7500.0, 25.0)
    assert (budget.agent_id, budget.consumption_rate, budget.reset_at) == (agent, 0.0, 1_900_000_000_000_000_000)
    with pytest.raises(NotFoundError) as caught:
        client.get_budget(agent_id())
    assert caught.value.code == "budget_not_found"


def test_reset_budget(routable: DevServer, client: AiMeshClient, captured: Captured) -> None:
    agent = agent_id()
    client.set_budget(agent, tokens=100)
    client.send_message(Message(agent_id=agent, payload=unique(), estimated_cost_tokens=60))

    budget = client.reset_budget(agent)

    request = captured.last
    assert (request.method, request.url.path) == ("POST", f"/broker/budgets/{agent}/reset")
    assert_headers(request, body=False)
    assert (request.content, request.headers["Content-Length"]) == (b"", "0")
    assert (budget.initial_tokens, budget.remaining_tokens) == (100.0, 100.0)


def test_get_stats(fresh: DevServer, captured: Captured) -> None:
    with captured.client(fresh.broker_url) as client:
        client.register_endpoint(endpoint())
        client.register_endpoint(endpoint("sick", health_status="unhealthy"))
        client.set_budget("poor", tokens=0)
        client.send_message(Message(agent_id="rich", payload=b"12345678"))
        client.send_batch([Message(agent_id="poor", payload=b"1234")])

        stats = client.get_stats()

    request = captured.last
    assert (request.method, request.url.path) == ("GET", "/broker/stats")
    assert_headers(request, body=False)
    assert isinstance(stats, BrokerStats)
    assert (stats.messages_total, stats.messages_success, stats.messages_failed) == (2, 1, 1)
    assert (stats.tokens_consumed, stats.endpoints_total, stats.endpoints_healthy) == (2.0, 2, 1)
    assert (stats.decisions_total, stats.agents_with_budget) == (1, 1)
    assert stats.raw["messages"] == {"total": 2, "success": 1, "failed": 1}  # the answer as it came
    assert stats.get("messages_total", 0) == 2  # the seed example's dict-style read still works
    assert stats.get("nope", 0) == 0


def test_get_metrics(routable: DevServer, client: AiMeshClient, captured: Captured) -> None:
    text = client.get_metrics()

    request = captured.last
    assert (request.method, request.url.path) == ("GET", "/broker/metrics")
    assert_headers(request, body=False, accept="text/plain")
    assert text.startswith("# HELP aimesh_messages_total ")
    assert "\naimesh_endpoints_healthy " in text


def test_health_check(dev: DevServer, client: AiMeshClient, captured: Captured) -> None:
    health = client.health_check()

    request = captured.last
    assert (request.method, request.url.path) == ("GET", "/broker/health")
    assert_headers(request, body=False)
    assert isinstance(health, BrokerHealth)
    assert (health.status, health.is_healthy, health["status"]) == ("healthy", True, "healthy")
    assert health.uptime_secs >= 0 and health.endpoints_total >= health.endpoints_healthy


def test_with_a_key_every_call_carries_the_bearer_token(secured: DevServer, captured: Captured) -> None:
    with captured.client(secured.broker_url, api_key=BROKER_KEY) as client:
        client.register_endpoint(endpoint())
        client.health_check()
        client.get_metrics()  # the reference SDK sent no header here (broker.md §6 mistake 1)
        client.list_endpoints()
        assert repr(client) == f"AiMeshClient(base_url={secured.broker_url!r})"  # never the key

    assert {request.headers["Authorization"] for request in captured.requests} == {f"Bearer {BROKER_KEY}"}


def test_configuration_from_the_environment(secured: DevServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AIMESH_URL", secured.broker_url + "/")
    monkeypatch.setenv("AIMESH_API_KEY", BROKER_KEY)

    with AiMeshClient() as client:
        assert client.base_url == secured.broker_url  # the trailing "/" is removed
        assert client.health_check().is_healthy


def test_defaults_and_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AIMESH_URL", raising=False)
    with AiMeshClient() as client:
        assert client.base_url == "http://localhost:9000"
        assert client._settings.timeout.read == 30.0  # the seed SDK's default
        quick = client.with_options(timeout=0.5, max_retries=0)
        assert (quick._settings.timeout.read, quick._settings.max_retries) == (0.5, 0)
        assert quick._transport.http is client._transport.http  # one pool


def test_ops_reach_every_broker_operation(routable: DevServer, client: AiMeshClient) -> None:
    agent = agent_id()
    client.set_budget(agent, tokens=5)

    budget = client.ops.get_budget(agent)  # the generated model, with the client's wire rules

    assert type(budget).__module__ == "meshkit._generated.models.budget_info"
    assert (budget.agent_id, budget.remaining_tokens) == (agent, 5.0)
    assert client.ops.get_metrics().startswith("# HELP")
    assert "send_message" in dir(client.ops) and "chat" not in dir(client.ops)
    with pytest.raises(AttributeError):
        _ = client.ops.chat


def test_the_module_docstring_example_runs(fresh: DevServer, capsys: pytest.CaptureFixture[str]) -> None:
    import meshkit.broker

    doc = meshkit.broker.__doc__ or ""
    example = textwrap.dedent(doc[doc.index("    from meshkit") : doc.index("\n\n``Message``")])
    exec(example.replace("http://localhost:9000", fresh.broker_url), {})

    assert capsys.readouterr().out.endswith(", tokens used: 3.0\n")


def test_the_docstring_examples_run() -> None:
    import meshkit.broker

    assert doctest.testmod(meshkit.broker).failed == 0


def test_the_public_names_import_from_meshkit() -> None:
    import meshkit

    for name in ("AiMeshClient", "AsyncAiMeshClient", "Message", "EndpointMetrics", "Acknowledgment", "Ack"):
        assert name in meshkit.__all__ and getattr(meshkit, name).__module__ == "meshkit.broker"
    for name in ("BudgetInfo", "BrokerStats", "BrokerHealth", "SendResult"):
        assert name in meshkit.__all__
    for name in ("AiMeshError", "ConnectionError", "RateLimitError", "BudgetExceededError", "ValidationError"):
        assert name in meshkit.__all__  # the seed README's error names


@pytest.mark.parametrize(
    ("arguments", "environ", "expected"),
    [
        ({}, {}, ("http://localhost:9000", None)),
        ({}, {"AIMESH_URL": "http://env:1/", "AIMESH_API_KEY": "k"}, ("http://env:1", "k")),
        ({"base_url": "http://mine:2", "api_key": "x"}, {"AIMESH_URL": "http://env:1"}, ("http://mine:2", "x")),
    ],
)
def test_settings_precedence(arguments: dict[str, str], environ: dict[str, str], expected: tuple[str, str]) -> None:
    given = {"base_url": None, "api_key": None, **arguments}
    settings = resolve_broker(timeout=None, max_retries=None, environ=environ, **given)

    assert (settings.base_url, settings.api_key) == expected
    assert "api_key" not in repr(settings)


@pytest.mark.parametrize("arguments", [{"base_url": "localhost:9000"}, {"max_retries": -1}, {"timeout": 0}])
def test_bad_settings_are_configuration_errors(arguments: dict[str, object]) -> None:
    with pytest.raises(ConfigurationError):
        AiMeshClient(**arguments)  # type: ignore[arg-type]
