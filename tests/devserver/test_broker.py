"""The dev server's AiMesh broker against contract/broker.md: a call on the wire, the exact answer.

Time never passes by itself here: the ``clock`` fixture freezes the broker's clock (its only time
source) at its start time, so latencies and uptime read 0 and a test moves time with ``advance``.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from meshkit.devserver import BrokerLimits, DevServer, DevServerConfig
from meshkit.devserver._broker_state import Broker, LatencySeries
from meshkit.devserver._broker_wire import dedup_key

WORKED_EXAMPLE = [
    {"endpoint_id": "openai-gpt4", "cost_per_1k_tokens": 30.0, "latency_p99_ms": 500.0},
    {"endpoint_id": "local-llama", "cost_per_1k_tokens": 0.1, "latency_p99_ms": 100.0},
    {"endpoint_id": "anthropic-claude", "cost_per_1k_tokens": 15.0, "latency_p99_ms": 300.0},
]
HELLO = "68656c6c6f"  # b"hello"


class ManualClock:
    """A clock that only moves when told to."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, secs: float) -> None:
        self.now += secs

    @property
    def now_ms(self) -> int:
        return int(self.now * 1000)


def broker_of(dev: DevServer) -> Broker:
    """The broker's state: the dev server keeps it in ``app.state.broker``."""
    broker: Broker = dev.app.state.broker
    return broker


def freeze(dev: DevServer) -> ManualClock:
    broker = broker_of(dev)
    clock = ManualClock(broker.started_at)
    broker.clock = clock
    return clock


def endpoint(endpoint_id: str, **fields: Any) -> dict[str, Any]:
    """An endpoint body: idle, healthy, cheap and fast unless told otherwise."""
    return {
        "endpoint_id": endpoint_id,
        "capacity": 10,
        "current_load": 0,
        "cost_per_1k_tokens": 1.0,
        "latency_p99_ms": 10.0,
        "error_rate": 0.0,
        **fields,
    }


def message(message_id: str = "m-1", **fields: Any) -> dict[str, Any]:
    """A message body with all 13 fields, as meshkit sends it."""
    return {
        "agent_id": "my-agent",
        "message_id": message_id,
        "payload": HELLO,
        "estimated_cost_tokens": 25.0,
        "budget_tokens": 1000.0,
        "deadline_ms": 0,
        "task_graph_id": "",
        "dependencies": [],
        "priority": 50,
        "dedup_context": message_id,
        "trace_id": "",
        "metadata": {},
        "timestamp": 1_700_000_000_000_000_000,
        **fields,
    }


def register(http: httpx.Client, *endpoints: dict[str, Any]) -> None:
    for body in endpoints:
        assert http.post("/endpoints", json=endpoint(**body)).status_code == 200


@pytest.fixture
def dev(meshkit_fresh_dev_server: DevServer) -> DevServer:
    return meshkit_fresh_dev_server


@pytest.fixture
def clock(dev: DevServer) -> ManualClock:
    return freeze(dev)


@pytest.fixture
def http(dev: DevServer, clock: ManualClock) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=dev.broker_url) as client:
        yield client


@pytest.fixture(scope="module")
def shared_dev() -> Iterator[DevServer]:
    """One server for the tests that leave no state behind (refusals, decoding): a server per test
    would make them several times slower."""
    with DevServer() as dev:
        yield dev


@pytest.fixture(scope="module")
def shared_clock(shared_dev: DevServer) -> ManualClock:
    return freeze(shared_dev)


@pytest.fixture(scope="module")
def stateless(shared_dev: DevServer, shared_clock: ManualClock) -> Iterator[httpx.Client]:
    """A client of the shared server, which routes like the worked example."""
    with httpx.Client(base_url=shared_dev.broker_url) as client:
        register(client, *WORKED_EXAMPLE)
        yield client


@pytest.fixture
def routed(http: httpx.Client) -> httpx.Client:
    """A broker with the three endpoints of the worked routing example (broker.md §5.6)."""
    register(http, *WORKED_EXAMPLE)
    return http


@pytest.fixture
def limited() -> Iterator[Callable[..., tuple[httpx.Client, ManualClock]]]:
    """Start a broker with the given BrokerLimits, frozen clock and the worked-example endpoints."""
    servers: list[DevServer] = []
    clients: list[httpx.Client] = []

    def start(with_endpoints: bool = True, **limits: Any) -> tuple[httpx.Client, ManualClock]:
        dev = DevServer(DevServerConfig(port=0, broker=BrokerLimits(**limits))).start()
        servers.append(dev)
        clients.append(httpx.Client(base_url=dev.broker_url))
        if with_endpoints:
            register(clients[-1], *WORKED_EXAMPLE)
        return clients[-1], freeze(dev)

    yield start
    for client in clients:
        client.close()
    for server in servers:
        server.stop()


# --- routing (§5.6) ----------------------------------------------------------------------------


def test_worked_routing_example(routed: httpx.Client) -> None:
    reply = routed.post("/messages", json=message("5b0f5c3e"))

    assert reply.status_code == 200
    assert reply.json() == {
        "original_message_id": "5b0f5c3e",
        "status": "success",
        "tokens_used": 25.0,
        "processing_latency_ms": 0,
        "error": "",
        "result": "",
        "deduplicated": False,
        "routing_decision": {
            "message_id": "5b0f5c3e",
            "target_endpoint": "local-llama",
            "fallback_endpoints": ["anthropic-claude", "openai-gpt4"],
            "estimated_latency_ms": 100,
            "estimated_cost": pytest.approx(0.0025),
            "routing_reason": "Best score 30.0400 (cost: 0.10, load: 0%, latency: 100ms)",
            "score_breakdown": pytest.approx(
                {"cost_score": 0.04, "load_score": 0.0, "latency_score": 30.0, "total_score": 30.04}
            ),
        },
    }


def test_load_counts_and_zero_capacity_is_fully_loaded(http: httpx.Client) -> None:
    register(
        http,
        {"endpoint_id": "half", "capacity": 10, "current_load": 5, "cost_per_1k_tokens": 1.5, "latency_p99_ms": 20.4},
        {"endpoint_id": "empty", "capacity": 0, "current_load": 0, "cost_per_1k_tokens": 0.0, "latency_p99_ms": 0.0},
    )

    decision = http.post("/messages", json=message()).json()["routing_decision"]

    # half: 0.6 + 15 + 6.12 = 21.72; empty: 0 + 30 + 0 = 30.
    assert decision["target_endpoint"] == "half"
    assert decision["fallback_endpoints"] == ["empty"]
    assert decision["estimated_latency_ms"] == 20
    assert decision["routing_reason"] == "Best score 21.7200 (cost: 1.50, load: 50%, latency: 20ms)"


def test_ties_break_on_the_smaller_endpoint_id(http: httpx.Client) -> None:
    register(http, endpoint("b"), endpoint("c"), endpoint("a"), endpoint("d"))

    decision = http.post("/messages", json=message()).json()["routing_decision"]

    assert (decision["target_endpoint"], decision["fallback_endpoints"]) == ("a", ["b", "c"])


def test_only_healthy_endpoints_are_candidates(http: httpx.Client) -> None:
    register(
        http,
        endpoint("cheap-degraded", cost_per_1k_tokens=0.0, health_status="degraded"),
        endpoint("cheap-unspecified", cost_per_1k_tokens=0.0, health_status="unspecified"),
        endpoint("healthy", cost_per_1k_tokens=99.0),
    )

    decision = http.post("/messages", json=message()).json()["routing_decision"]

    assert (decision["target_endpoint"], decision["fallback_endpoints"]) == ("healthy", [])


def test_no_healthy_endpoint_is_503(http: httpx.Client) -> None:
    register(http, endpoint("down", health_status="unhealthy"))

    reply = http.post("/messages", json=message())

    assert reply.status_code == 503
    assert reply.json() == {"error": "no_healthy_endpoints", "message": "No healthy endpoints available"}


# --- decoding and validation (§1, §2.1, §4, §5.2) ----------------------------------------------

# The checks of §5.2 in order: (fields that break the rule, error, field, message). "PAST" stands
# for a deadline 1 ms before the frozen clock.
RULES: list[tuple[dict[str, Any], str, str, str]] = [
    ({"agent_id": ""}, "invalid_agent_id", "agent_id", "Invalid agent ID: Agent ID cannot be empty"),
    (
        {"agent_id": "My Agent"},
        "invalid_agent_id",
        "agent_id",
        "Invalid agent ID: Agent ID 'My Agent' must match pattern ^[a-z0-9_-]+$",
    ),
    (
        {"payload": "00" * 1_048_577},
        "message_too_large",
        "payload",
        "Message too large: 1048577 bytes (max: 1048576 bytes)",
    ),
    ({"budget_tokens": 0}, "validation_failed", "budget_tokens", "Validation failed: budget_tokens must be positive"),
    ({"deadline_ms": -1}, "validation_failed", "deadline_ms", "Validation failed: deadline_ms must be >= 0, got -1"),
    (
        {"deadline_ms": "PAST"},
        "deadline_expired",
        "deadline_ms",
        "Deadline expired: deadline was {d}ms, current time is {now}ms",
    ),
    ({"priority": 101}, "validation_failed", "priority", "Validation failed: Priority must be 0-100, got 101"),
    (
        {"estimated_cost_tokens": -1},
        "validation_failed",
        "estimated_cost_tokens",
        "Validation failed: estimated_cost_tokens must be finite and >= 0, got -1.0",
    ),
]


@pytest.mark.parametrize("index", range(len(RULES)), ids=[rule[1] + ":" + rule[2] for rule in RULES])
def test_validation_rules_apply_in_order(stateless: httpx.Client, shared_clock: ManualClock, index: int) -> None:
    # Break this rule and every later one: the first broken rule is the one reported.
    body = message()
    for broken, *_ in reversed(RULES[index:]):
        body.update(broken)
    if body["deadline_ms"] == "PAST":
        body["deadline_ms"] = shared_clock.now_ms - 1
    _, code, field, text = RULES[index]

    reply = stateless.post("/messages", json=body)

    assert reply.status_code == 400
    expected = text.format(d=shared_clock.now_ms - 1, now=shared_clock.now_ms)
    assert reply.json() == {"error": code, "message": expected, "field": field}


@pytest.mark.parametrize(
    "fields",
    [
        {"priority": 0},
        {"priority": 100},
        {"deadline_ms": 0},
        {"estimated_cost_tokens": 0},
        {"budget_tokens": 0.001},
        {"payload": "00" * 1_048_576},
        {"agent_id": "a_b-9"},
    ],
)
def test_boundary_values_pass(stateless: httpx.Client, fields: dict[str, Any]) -> None:
    assert stateless.post("/messages", json=message(**fields)).status_code == 200


def test_a_deadline_equal_to_now_passes(stateless: httpx.Client, shared_clock: ManualClock) -> None:
    assert stateless.post("/messages", json=message(deadline_ms=shared_clock.now_ms)).status_code == 200


@pytest.mark.parametrize(
    ("raw", "field", "text"),
    [
        (
            '{"agent_id": "a", "budget_tokens": 1e999}',
            "budget_tokens",
            "Validation failed: budget_tokens must be positive",
        ),
        (
            '{"agent_id": "a", "estimated_cost_tokens": 1e999}',
            "estimated_cost_tokens",
            "Validation failed: estimated_cost_tokens must be finite and >= 0, got inf",
        ),
    ],
)
def test_non_finite_numbers_fail_validation(stateless: httpx.Client, raw: str, field: str, text: str) -> None:
    reply = stateless.post("/messages", content=raw)

    assert reply.status_code == 400
    assert reply.json() == {"error": "validation_failed", "message": text, "field": field}


@pytest.mark.parametrize(
    ("fields", "field", "text"),
    [
        ({"agent_id": 5}, "agent_id", "Invalid request: agent_id must be a string"),
        ({"payload": "abc"}, "payload", "Invalid request: payload must be a hex string of even length"),
        ({"payload": "zz"}, "payload", "Invalid request: payload must contain hex digits only"),
        ({"payload": " 6865 "}, "payload", "Invalid request: payload must contain hex digits only"),
        ({"payload": "aGVsbG8="}, "payload", "Invalid request: payload must contain hex digits only"),
        ({"priority": "high"}, "priority", "Invalid request: priority must be an integer"),
        ({"priority": 50.5}, "priority", "Invalid request: priority must be an integer"),
        ({"priority": True}, "priority", "Invalid request: priority must be an integer"),
        ({"budget_tokens": "1000"}, "budget_tokens", "Invalid request: budget_tokens must be a number"),
        ({"dependencies": [1]}, "dependencies", "Invalid request: dependencies must be an array of strings"),
        ({"metadata": {"target_region": 1}}, "metadata", "Invalid request: metadata must be an object of strings"),
        ({"message_id": 7}, "message_id", "Invalid request: message_id must be a string"),
    ],
)
def test_wrong_types_are_invalid_request(
    stateless: httpx.Client, fields: dict[str, Any], field: str, text: str
) -> None:
    reply = stateless.post("/messages", json=message(**fields))

    assert reply.status_code == 400
    assert reply.json() == {"error": "invalid_request", "message": text, "field": field}


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (b"not json", "Invalid request: body is not valid JSON"),
        (b"", "Invalid request: body is not valid JSON"),
        (b"[]", "Invalid request: body must be a JSON object"),
        (b"\xff\xfe", "Invalid request: body is not valid JSON"),
    ],
)
def test_unusable_bodies_are_invalid_request(stateless: httpx.Client, content: bytes, text: str) -> None:
    reply = stateless.post("/messages", content=content)

    assert reply.status_code == 400
    assert reply.json() == {"error": "invalid_request", "message": text, "field": "body"}


def test_partial_items_get_the_defaults(routed: httpx.Client) -> None:
    # The reference Node.js SDK's shape; no message_id → a new UUID; null means absent.
    reply = routed.post("/messages", json={"agent_id": "node", "payload": HELLO, "priority": None, "metadata": None})

    ack = reply.json()
    assert reply.status_code == 200
    assert uuid.UUID(ack["original_message_id"])
    assert ack["routing_decision"]["message_id"] == ack["original_message_id"]
    assert ack["tokens_used"] == 2.0  # ceil(5 bytes / 4)


def test_integral_floats_are_integers(stateless: httpx.Client, shared_clock: ManualClock) -> None:
    reply = stateless.post("/messages", json=message(priority=10.0, deadline_ms=float(shared_clock.now_ms + 1000)))

    assert reply.status_code == 200


def test_hex_of_either_case_is_the_same_payload(routed: httpx.Client) -> None:
    routed.post("/messages", json=message("m-1", payload="48454C4C4F", dedup_context="same"))

    second = routed.post("/messages", json=message("m-2", payload="48454c4c4f", dedup_context="same"))

    assert second.json()["deduplicated"] is True


# --- rate limiting (§5.3) ----------------------------------------------------------------------


def test_global_bucket(limited: Callable[..., tuple[httpx.Client, ManualClock]]) -> None:
    http, clock = limited(global_capacity=2, global_refill_per_sec=1)
    for agent in ("a", "b"):
        assert http.post("/messages", json=message(agent_id=agent)).status_code == 200

    refused = http.post("/messages", json=message(agent_id="c"))

    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "1"
    assert refused.json() == {
        "error": "rate_limited",
        "message": "Rate limit exceeded for global: 1 requests per 1s",
        "key": "global",
        "limit": 1,
        "window_secs": 1,
        "retry_after": 1,
    }
    clock.advance(1.0)
    assert http.post("/messages", json=message(agent_id="c")).status_code == 200


def test_agent_bucket_retry_after_is_the_wait_for_one_token(
    limited: Callable[..., tuple[httpx.Client, ManualClock]],
) -> None:
    http, clock = limited(agent_capacity=2, agent_refill_per_sec=0.25)
    for index in range(2):
        http.post("/messages", json=message(f"m-{index}"))

    refused = http.post("/messages", json=message("m-late"))

    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "4"
    assert refused.json() == {
        "error": "rate_limited",
        "message": "Rate limit exceeded for my-agent: 0.25 requests per 1s",
        "key": "my-agent",
        "limit": 0.25,
        "window_secs": 1,
        "retry_after": 4,
    }
    assert http.post("/messages", json=message("m-other", agent_id="other")).status_code == 200
    clock.advance(3.9)
    assert http.post("/messages", json=message("m-late")).headers["Retry-After"] == "1"
    clock.advance(0.1)
    assert http.post("/messages", json=message("m-late")).status_code == 200


def test_agent_window_retry_after_is_the_wait_for_the_oldest_to_leave(
    limited: Callable[..., tuple[httpx.Client, ManualClock]],
) -> None:
    http, clock = limited(agent_window_limit=2, agent_window_secs=60)
    http.post("/messages", json=message("m-0"))
    clock.advance(10)
    http.post("/messages", json=message("m-10"))
    clock.advance(10)

    refused = http.post("/messages", json=message("m-20"))

    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "40"
    assert refused.json() == {
        "error": "rate_limited",
        "message": "Rate limit exceeded for my-agent: 2 requests per 60s",
        "key": "my-agent",
        "limit": 2,
        "window_secs": 60,
        "retry_after": 40,
    }
    clock.advance(40)
    assert http.post("/messages", json=message("m-60")).status_code == 200


def test_capacity_is_spent_only_on_admission(limited: Callable[..., tuple[httpx.Client, ManualClock]]) -> None:
    http, _ = limited(global_capacity=3, agent_capacity=1)
    assert http.post("/messages", json=message("a-1", agent_id="a")).status_code == 200
    assert http.post("/messages", json=message("a-2", agent_id="a")).json()["key"] == "a"

    # The refused "a-2" left its global token: b and c still fit, d does not.
    assert http.post("/messages", json=message(agent_id="b")).status_code == 200
    assert http.post("/messages", json=message(agent_id="c")).status_code == 200
    assert http.post("/messages", json=message(agent_id="d")).json()["key"] == "global"


def test_duplicates_consume_capacity(limited: Callable[..., tuple[httpx.Client, ManualClock]]) -> None:
    http, _ = limited(agent_capacity=2)

    statuses = [http.post("/messages", json=message("m-1")).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_other_routes_are_not_limited(limited: Callable[..., tuple[httpx.Client, ManualClock]]) -> None:
    http, _ = limited(global_capacity=1)

    assert {http.get("/health").status_code for _ in range(5)} == {200}


# --- dedup (§5.4) ------------------------------------------------------------------------------


def test_dedup_key_is_sha256_of_agent_context_and_payload() -> None:
    assert dedup_key("a", "ctx", b"hi") == hashlib.sha256(b"a\0ctx\0hi").hexdigest()


def test_same_content_under_a_new_message_id_is_a_dedup_hit(routed: httpx.Client, dev: DevServer) -> None:
    routed.post("/budgets", json={"agent_id": "my-agent", "tokens": 100})
    routed.post("/messages", json=message("m-1", dedup_context="ctx"))

    reply = routed.post("/messages", json=message("m-2", dedup_context="ctx"))

    assert reply.status_code == 200
    assert reply.json() == {
        "original_message_id": "m-2",
        "status": "success",
        "tokens_used": 0.0,
        "processing_latency_ms": 0,
        "error": "",
        "result": "",
        "deduplicated": True,
    }
    assert routed.get("/budgets/my-agent").json()["remaining_tokens"] == 75.0
    assert routed.get("/stats").json()["messages"] == {"total": 1, "success": 1, "failed": 0}
    assert dev.accepted()["broker_messages"] == {"m-1": 1}


@pytest.mark.parametrize("change", [{"agent_id": "other-agent"}, {"dedup_context": "other"}, {"payload": "00"}])
def test_a_different_agent_context_or_payload_is_not_a_duplicate(routed: httpx.Client, change: dict[str, Any]) -> None:
    routed.post("/messages", json=message("m-1", dedup_context="ctx"))

    reply = routed.post("/messages", json=message("m-2", **{"dedup_context": "ctx", **change}))

    assert reply.json()["deduplicated"] is False


def test_dedup_entries_live_for_the_ttl(routed: httpx.Client, clock: ManualClock) -> None:
    routed.post("/messages", json=message("m-1", dedup_context="ctx"))
    clock.advance(3599.9)
    assert routed.post("/messages", json=message("m-2", dedup_context="ctx")).json()["deduplicated"] is True
    clock.advance(0.1)
    assert routed.post("/messages", json=message("m-3", dedup_context="ctx")).json()["deduplicated"] is False


def test_a_402_is_not_cached(routed: httpx.Client) -> None:
    routed.post("/budgets", json={"agent_id": "my-agent", "tokens": 10})
    assert routed.post("/messages", json=message("m-1")).status_code == 402
    routed.post("/budgets", json={"agent_id": "my-agent", "tokens": 100})

    retry = routed.post("/messages", json=message("m-1"))

    assert retry.json()["deduplicated"] is False
    assert retry.json()["tokens_used"] == 25.0


def test_dedup_can_be_switched_off(limited: Callable[..., tuple[httpx.Client, ManualClock]]) -> None:
    http, _ = limited(dedup_enabled=False)

    acks = [http.post("/messages", json=message("m-1")).json() for _ in range(2)]

    assert [ack["deduplicated"] for ack in acks] == [False, False]


def test_concurrent_identical_messages_give_one_processed_ack(routed: httpx.Client) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        acks = list(pool.map(lambda _: routed.post("/messages", json=message("m-1")).json(), range(8)))

    assert sorted(ack["deduplicated"] for ack in acks) == [False] + [True] * 7


# --- budgets (§2.4, §5.5) ----------------------------------------------------------------------


def test_budget_exceeded_body(routed: httpx.Client) -> None:
    routed.post("/budgets", json={"agent_id": "my-agent", "tokens": 10})

    reply = routed.post("/messages", json=message())

    assert reply.status_code == 402
    assert reply.json() == {
        "error": "budget_exceeded",
        "message": "Budget exceeded for agent my-agent: required 25.0, available 10.0",
        "agent_id": "my-agent",
        "required": 25.0,
        "available": 10.0,
    }


def test_a_budget_equal_to_the_charge_passes(routed: httpx.Client) -> None:
    routed.post("/budgets", json={"agent_id": "my-agent", "tokens": 25})

    assert routed.post("/messages", json=message("m-1")).status_code == 200
    assert routed.get("/budgets/my-agent").json()["remaining_tokens"] == 0.0
    assert routed.post("/messages", json=message("m-2")).json()["available"] == 0.0


@pytest.mark.parametrize(("payload", "charged"), [(HELLO, 2.0), ("", 0.0), ("00" * 8, 2.0), ("00" * 9, 3.0)])
def test_without_an_estimate_the_charge_is_ceil_bytes_over_4(
    routed: httpx.Client, payload: str, charged: float
) -> None:
    routed.post("/budgets", json={"agent_id": "my-agent", "tokens": 10})

    ack = routed.post("/messages", json=message(payload=payload, estimated_cost_tokens=0)).json()

    assert ack["tokens_used"] == charged
    assert routed.get("/budgets/my-agent").json()["remaining_tokens"] == 10 - charged


def test_402_wins_over_503(http: httpx.Client) -> None:
    http.post("/budgets", json={"agent_id": "my-agent", "tokens": 1})

    assert http.post("/messages", json=message()).status_code == 402


def test_set_get_and_reset_a_budget(routed: httpx.Client) -> None:
    created = routed.post("/budgets", json={"agent_id": "my-agent", "tokens": 10000, "reset_at": 1_700_000_000})
    routed.post("/messages", json=message())
    spent = routed.get("/budgets/my-agent")
    reset = routed.post("/budgets/my-agent/reset", headers={"Content-Length": "0", "Content-Type": "application/json"})

    info = {"agent_id": "my-agent", "initial_tokens": 10000.0, "consumption_rate": 0.0, "reset_at": 1_700_000_000}
    assert created.json() == {**info, "remaining_tokens": 10000.0}
    assert spent.json() == {**info, "remaining_tokens": 9975.0}
    assert reset.json() == {**info, "remaining_tokens": 10000.0}


def test_initial_tokens_is_an_alias_and_a_set_overwrites(http: httpx.Client) -> None:
    http.post("/budgets", json={"agent_id": "my-agent", "tokens": 5})

    reply = http.post("/budgets", json={"agent_id": "my-agent", "initial_tokens": 7.5})

    assert reply.json() == {
        "agent_id": "my-agent",
        "initial_tokens": 7.5,
        "remaining_tokens": 7.5,
        "consumption_rate": 0.0,
        "reset_at": None,
    }


def test_reset_ignores_any_body(http: httpx.Client) -> None:
    http.post("/budgets", json={"agent_id": "my-agent", "tokens": 5})

    assert http.post("/budgets/my-agent/reset", content=b"not json").status_code == 200


@pytest.mark.parametrize("call", ["GET /budgets/ghost", "POST /budgets/ghost/reset"])
def test_unknown_budget_is_404(stateless: httpx.Client, call: str) -> None:
    method, path = call.split()

    reply = stateless.request(method, path)

    assert reply.status_code == 404
    assert reply.json() == {"error": "budget_not_found", "message": "Budget not found: ghost"}


@pytest.mark.parametrize(
    ("body", "code", "field", "text"),
    [
        (
            {"agent_id": "Bad", "tokens": 1},
            "invalid_agent_id",
            "agent_id",
            "Invalid agent ID: Agent ID 'Bad' must match pattern ^[a-z0-9_-]+$",
        ),
        ({"tokens": 1}, "invalid_agent_id", "agent_id", "Invalid agent ID: Agent ID cannot be empty"),
        ({"agent_id": "a"}, "invalid_request", "tokens", "Invalid request: tokens is required"),
        (
            {"agent_id": "a", "tokens": -1},
            "validation_failed",
            "tokens",
            "Validation failed: tokens must be finite and >= 0, got -1.0",
        ),
        (
            {"agent_id": "a", "tokens": 1, "reset_at": "soon"},
            "invalid_request",
            "reset_at",
            "Invalid request: reset_at must be an integer",
        ),
    ],
)
def test_budget_validation(stateless: httpx.Client, body: dict[str, Any], code: str, field: str, text: str) -> None:
    reply = stateless.post("/budgets", json=body)

    assert reply.status_code == 400
    assert reply.json() == {"error": code, "message": text, "field": field}


# --- endpoints (§2.3) --------------------------------------------------------------------------


def test_register_fills_in_defaults(http: httpx.Client, clock: ManualClock) -> None:
    reply = http.post("/endpoints", json=endpoint("local-llama", capacity=10.0))

    assert reply.json() == {
        "endpoint_id": "local-llama",
        "capacity": 10,
        "current_load": 0,
        "cost_per_1k_tokens": 1.0,
        "latency_p99_ms": 10.0,
        "error_rate": 0.0,
        "health_status": "healthy",
        "last_health_check": int(clock.now * 1e9),
    }


def test_register_upserts_and_list_is_sorted(http: httpx.Client) -> None:
    register(http, endpoint("b"), endpoint("a", last_health_check=1), endpoint("b", current_load=7))

    listed = http.get("/endpoints").json()["endpoints"]

    assert [(item["endpoint_id"], item["current_load"]) for item in listed] == [("a", 0), ("b", 7)]
    assert listed[0]["last_health_check"] == 1


def test_remove_an_endpoint_whose_id_has_a_slash(http: httpx.Client) -> None:
    register(http, endpoint("team/a b"))

    removed = http.delete("/endpoints/team%2Fa%20b")
    again = http.delete("/endpoints/team%2Fa%20b")

    assert removed.json() == {"removed": True, "endpoint_id": "team/a b"}
    assert http.get("/endpoints").json() == {"endpoints": []}
    assert again.status_code == 404
    assert again.json() == {"error": "endpoint_not_found", "message": "Endpoint not found: team/a b"}


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("HEALTHY", "healthy"),
        (" Health_Status_Degraded ", "degraded"),
        ("HEALTH_STATUS_UNHEALTHY", "unhealthy"),
        (3, "unhealthy"),
        (1, "healthy"),
        ("0", "unspecified"),
        (None, "healthy"),
    ],
)
def test_health_status_is_parsed_leniently(http: httpx.Client, spelling: Any, canonical: str) -> None:
    reply = http.post("/endpoints", json=endpoint("e", health_status=spelling))

    assert reply.json()["health_status"] == canonical


@pytest.mark.parametrize("spelling", ["sick", 4, True, "HEALTH_STATUS_4"])
def test_an_unknown_health_status_is_400(stateless: httpx.Client, spelling: Any) -> None:
    reply = stateless.post("/endpoints", json=endpoint("e", health_status=spelling))

    assert reply.status_code == 400
    assert reply.json() == {
        "error": "invalid_request",
        "message": f"Invalid request: unknown health_status {spelling!r}",
        "field": "health_status",
    }


@pytest.mark.parametrize(
    ("fields", "code", "field", "text"),
    [
        ({"capacity": None}, "invalid_request", "capacity", "Invalid request: capacity is required"),
        ({"endpoint_id": ""}, "validation_failed", "endpoint_id", "Validation failed: endpoint_id cannot be empty"),
        (
            {"capacity": -1},
            "validation_failed",
            "capacity",
            "Validation failed: capacity must be finite and >= 0, got -1",
        ),
        (
            {"current_load": -2},
            "validation_failed",
            "current_load",
            "Validation failed: current_load must be finite and >= 0, got -2",
        ),
        (
            {"cost_per_1k_tokens": -0.5},
            "validation_failed",
            "cost_per_1k_tokens",
            "Validation failed: cost_per_1k_tokens must be finite and >= 0, got -0.5",
        ),
        (
            {"latency_p99_ms": -1},
            "validation_failed",
            "latency_p99_ms",
            "Validation failed: latency_p99_ms must be finite and >= 0, got -1.0",
        ),
        (
            {"error_rate": 1.5},
            "validation_failed",
            "error_rate",
            "Validation failed: error_rate must be between 0.0 and 1.0, got 1.5",
        ),
    ],
)
def test_endpoint_validation(stateless: httpx.Client, fields: dict[str, Any], code: str, field: str, text: str) -> None:
    reply = stateless.post("/endpoints", json={**endpoint("e"), **fields})

    assert reply.status_code == 400
    assert reply.json() == {"error": code, "message": text, "field": field}


# --- batches (§5.8) ----------------------------------------------------------------------------


def test_batch_failures_keep_their_place(routed: httpx.Client) -> None:
    routed.post("/budgets", json={"agent_id": "poor", "tokens": 1})
    items = [
        message("ok-1"),
        message("bad-priority", priority=150),
        7,
        message("broke", agent_id="poor"),
        {"agent_id": "node", "payload": HELLO},
    ]

    acks = routed.post("/messages/batch", json={"messages": items}).json()["acknowledgments"]

    assert [ack["status"] for ack in acks] == ["success", "failed", "failed", "failed", "success"]
    assert acks[1] == {
        "original_message_id": "bad-priority",
        "status": "failed",
        "tokens_used": 0.0,
        "processing_latency_ms": 0,
        "error": "Validation failed: Priority must be 0-100, got 150",
        "result": "",
        "error_code": "validation_failed",
    }
    assert (acks[2]["original_message_id"], acks[2]["error_code"]) == ("", "invalid_request")
    assert acks[3]["error_code"] == "budget_exceeded"
    assert acks[3]["error"] == "Budget exceeded for agent poor: required 25.0, available 1.0"
    assert acks[4]["original_message_id"] == acks[4]["routing_decision"]["message_id"]
    assert uuid.UUID(acks[4]["original_message_id"])


def test_batch_items_with_no_route_fail_with_503_code(http: httpx.Client) -> None:
    acks = http.post("/messages/batch", json={"messages": [message()]}).json()["acknowledgments"]

    assert (acks[0]["error_code"], acks[0]["error"]) == ("no_healthy_endpoints", "No healthy endpoints available")


def test_batch_items_are_rate_limited_one_by_one(limited: Callable[..., tuple[httpx.Client, ManualClock]]) -> None:
    http, _ = limited(agent_capacity=2)

    acks = http.post("/messages/batch", json={"messages": [message(f"m-{i}") for i in range(3)]}).json()

    assert [ack.get("error_code") for ack in acks["acknowledgments"]] == [None, None, "rate_limited"]


def test_an_empty_batch(http: httpx.Client) -> None:
    assert http.post("/messages/batch", json={"messages": []}).json() == {"acknowledgments": []}


def test_a_batch_of_1000_is_answered_and_1001_is_400(routed: httpx.Client) -> None:
    items = [{"agent_id": "a", "message_id": str(i)} for i in range(1001)]

    full = routed.post("/messages/batch", json={"messages": items[:1000]})
    over = routed.post("/messages/batch", json={"messages": items})

    assert len(full.json()["acknowledgments"]) == 1000
    assert over.status_code == 400
    assert over.json() == {
        "error": "invalid_request",
        "message": "Invalid request: messages has 1001 items (max: 1000)",
        "field": "messages",
    }


@pytest.mark.parametrize(
    ("body", "field", "text"),
    [
        ({}, "messages", "Invalid request: messages must be an array"),
        ({"messages": {"a": 1}}, "messages", "Invalid request: messages must be an array"),
        ([], "body", "Invalid request: body must be a JSON object"),
    ],
)
def test_an_unusable_batch_body_is_400(stateless: httpx.Client, body: Any, field: str, text: str) -> None:
    reply = stateless.post("/messages/batch", json=body)

    assert reply.status_code == 400
    assert reply.json() == {"error": "invalid_request", "message": text, "field": field}


# --- statistics, /metrics, /health (§2.5, §2.6, §5.7, §5.10) ----------------------------------


@pytest.fixture
def busy(limited: Callable[..., tuple[httpx.Client, ManualClock]]) -> tuple[httpx.Client, ManualClock]:
    """One of each outcome: processed, dedup, 400, 429, 402, 503."""
    http, clock = limited(agent_capacity=2)
    http.post("/budgets", json={"agent_id": "poor", "tokens": 1})
    assert http.post("/messages", json=message("m-1")).status_code == 200
    assert http.post("/messages", json=message("m-1")).json()["deduplicated"] is True
    assert http.post("/messages", json=message("m-1")).status_code == 429
    assert http.post("/messages", json=message("m-bad", agent_id="b", priority=-1)).status_code == 400
    assert http.post("/messages", json=message("m-poor", agent_id="poor")).status_code == 402
    register(http, *({**body, "health_status": "degraded"} for body in WORKED_EXAMPLE))
    assert http.post("/messages", json=message("m-lost", agent_id="c")).status_code == 503
    register(http, WORKED_EXAMPLE[1])  # local-llama healthy again
    return http, clock


def test_stats_count_processed_and_failed_only(busy: tuple[httpx.Client, ManualClock]) -> None:
    http, clock = busy
    clock.advance(10)

    assert http.get("/stats").json() == {
        "messages": {"total": 3, "success": 1, "failed": 2},
        "tokens": {"consumed": 25.0},
        "cost": {"total_cents": pytest.approx(0.0025)},
        "latency": {
            "e2e_p50_ms": 0.0,
            "e2e_p99_ms": 0.0,
            "e2e_p999_ms": 0.0,
            "routing_p50_us": 0.0,
            "routing_p99_us": 0.0,
        },
        "throughput": {"per_sec": 0.3},
        "uptime_secs": 10,
        "router": {"endpoints_total": 3, "endpoints_healthy": 1, "decisions_total": 1, "agents_with_budget": 1},
    }


def test_health(busy: tuple[httpx.Client, ManualClock]) -> None:
    http, clock = busy
    clock.advance(61.5)

    assert http.get("/health").json() == {
        "status": "healthy",
        "uptime_secs": 61,
        "messages_total": 3,
        "endpoints_healthy": 1,
        "endpoints_total": 3,
    }


def test_metrics_text(busy: tuple[httpx.Client, ManualClock]) -> None:
    http, _ = busy
    http.post("/messages", json=message("m-2", agent_id="d", estimated_cost_tokens=20000))

    reply = http.get("/metrics", headers={"Accept": "text/plain"})

    assert reply.headers["content-type"] == "text/plain; version=0.0.4; charset=utf-8"
    assert reply.text == (
        "# HELP aimesh_messages_total Total messages processed\n"
        "# TYPE aimesh_messages_total counter\n"
        "aimesh_messages_total 4\n"
        "# HELP aimesh_messages_success Messages processed successfully\n"
        "# TYPE aimesh_messages_success counter\n"
        "aimesh_messages_success 2\n"
        "# HELP aimesh_messages_failed Messages that failed\n"
        "# TYPE aimesh_messages_failed counter\n"
        "aimesh_messages_failed 2\n"
        "# HELP aimesh_tokens_consumed Tokens charged to agents\n"
        "# TYPE aimesh_tokens_consumed counter\n"
        "aimesh_tokens_consumed 20025\n"
        "# HELP aimesh_cost_cents_total Estimated cost in cents\n"
        "# TYPE aimesh_cost_cents_total counter\n"
        "aimesh_cost_cents_total 2\n"
        "# HELP aimesh_latency_ms_p50 End-to-end latency p50 in ms\n"
        "# TYPE aimesh_latency_ms_p50 gauge\n"
        "aimesh_latency_ms_p50 0.00\n"
        "# HELP aimesh_latency_ms_p99 End-to-end latency p99 in ms\n"
        "# TYPE aimesh_latency_ms_p99 gauge\n"
        "aimesh_latency_ms_p99 0.00\n"
        "# HELP aimesh_latency_ms_p999 End-to-end latency p99.9 in ms\n"
        "# TYPE aimesh_latency_ms_p999 gauge\n"
        "aimesh_latency_ms_p999 0.00\n"
        "# HELP aimesh_routing_latency_us_p50 Routing latency p50 in us\n"
        "# TYPE aimesh_routing_latency_us_p50 gauge\n"
        "aimesh_routing_latency_us_p50 0.00\n"
        "# HELP aimesh_routing_latency_us_p99 Routing latency p99 in us\n"
        "# TYPE aimesh_routing_latency_us_p99 gauge\n"
        "aimesh_routing_latency_us_p99 0.00\n"
        "# HELP aimesh_throughput_per_sec Messages per second since start\n"
        "# TYPE aimesh_throughput_per_sec gauge\n"
        "aimesh_throughput_per_sec 4.00\n"
        "# HELP aimesh_uptime_seconds Seconds since the broker started\n"
        "# TYPE aimesh_uptime_seconds counter\n"
        "aimesh_uptime_seconds 0\n"
        "# HELP aimesh_endpoints_total Registered endpoints\n"
        "# TYPE aimesh_endpoints_total gauge\n"
        "aimesh_endpoints_total 3\n"
        "# HELP aimesh_endpoints_healthy Healthy endpoints\n"
        "# TYPE aimesh_endpoints_healthy gauge\n"
        "aimesh_endpoints_healthy 1\n"
        "# HELP aimesh_routing_decisions_total Routing decisions made\n"
        "# TYPE aimesh_routing_decisions_total counter\n"
        "aimesh_routing_decisions_total 2\n"
        "# HELP aimesh_agents_with_budget Agents with a budget\n"
        "# TYPE aimesh_agents_with_budget gauge\n"
        "aimesh_agents_with_budget 1\n"
    )


def test_fresh_stats_are_zero(http: httpx.Client) -> None:
    stats = http.get("/stats").json()

    assert stats["messages"] == {"total": 0, "success": 0, "failed": 0}
    assert stats["latency"]["e2e_p99_ms"] == 0.0
    assert stats["throughput"] == {"per_sec": 0.0}


def test_percentiles_take_index_floor_n_q() -> None:
    series = LatencySeries(kept=10)
    for sample in [10.0, 1.0, 9.0, 2.0, 8.0, 3.0, 7.0, 4.0, 6.0, 5.0, 11.0]:  # the oldest, 10.0, falls out
        series.add(sample)

    assert (series.percentile(0.5), series.percentile(0.99), series.percentile(0.999)) == (6.0, 11.0, 11.0)


def test_the_ledger_counts_each_committed_message_once(routed: httpx.Client, dev: DevServer) -> None:
    routed.post("/budgets", json={"agent_id": "poor", "tokens": 1})
    routed.post("/messages", json=message("m-1"))
    routed.post("/messages", json=message("m-1"))
    routed.post("/messages", json=message("m-poor", agent_id="poor"))
    routed.post("/messages/batch", json={"messages": [message("m-2"), message("m-2"), message("m-3", priority=-1)]})

    assert dev.accepted()["broker_messages"] == {"m-1": 1, "m-2": 1}


# --- auth, 404, 405, 413 (§1, §3, §4) ----------------------------------------------------------

EVERY_ROUTE = [
    "POST /messages",
    "POST /messages/batch",
    "POST /endpoints",
    "GET /endpoints",
    "DELETE /endpoints/e",
    "POST /budgets",
    "GET /budgets/a",
    "POST /budgets/a/reset",
    "GET /stats",
    "GET /metrics",
    "GET /health",
    "GET /no-such-route",
    "PUT /messages",
]


@pytest.fixture(scope="module")
def keyed() -> Iterator[httpx.Client]:
    with DevServer(broker_key="k") as dev, httpx.Client(base_url=dev.broker_url) as client:
        yield client


@pytest.mark.parametrize("authorization", [None, "Bearer wrong", "Basic k", "Bearer", "k"])
@pytest.mark.parametrize("call", EVERY_ROUTE)
def test_every_route_needs_the_bearer_key(keyed: httpx.Client, call: str, authorization: str | None) -> None:
    method, path = call.split()
    headers = {"Authorization": authorization} if authorization else {}

    reply = keyed.request(method, path, headers=headers, json={})

    assert reply.status_code == 401
    assert reply.headers["WWW-Authenticate"] == "Bearer"
    assert reply.json() == {"error": "unauthorized", "message": "Missing or invalid bearer token"}


@pytest.mark.parametrize("call", ["GET /health", "GET /metrics", "GET /stats", "GET /endpoints"])
def test_the_right_key_opens_every_route(keyed: httpx.Client, call: str) -> None:
    method, path = call.split()

    assert keyed.request(method, path, headers={"Authorization": "Bearer k"}).status_code == 200


def test_unknown_path_is_404(stateless: httpx.Client) -> None:
    reply = stateless.get("/no-such-route")

    assert reply.status_code == 404
    assert reply.json() == {"error": "not_found", "message": "Not found: /broker/no-such-route"}


@pytest.mark.parametrize(
    ("call", "allow"),
    [
        ("GET /messages", "POST"),
        ("PUT /endpoints", "GET, HEAD, POST"),
        ("POST /health", "GET, HEAD"),
        ("GET /endpoints/e", "DELETE"),
        ("DELETE /budgets/a", "GET, HEAD"),
    ],
)
def test_known_path_with_another_method_is_405(stateless: httpx.Client, call: str, allow: str) -> None:
    method, path = call.split()

    reply = stateless.request(method, path)

    assert reply.status_code == 405
    assert reply.headers["Allow"] == allow
    assert reply.json() == {"error": "method_not_allowed", "message": f"Method {method} not allowed"}


@pytest.mark.parametrize("path", ["/messages", "/messages/batch", "/endpoints", "/budgets"])
def test_a_body_over_the_limit_is_413(limited: Callable[..., tuple[httpx.Client, ManualClock]], path: str) -> None:
    http, _ = limited(with_endpoints=False, max_body_bytes=64)

    declared = http.post(path, content=b"{" + b" " * 99 + b"}")
    chunked = http.post(path, content=iter([b"{", b" " * 99, b"}"]))

    for reply in (declared, chunked):
        assert reply.status_code == 413
        assert reply.json() == {
            "error": "payload_too_large",
            "message": "Payload too large: the request body exceeds 64 bytes",
        }


def test_bodyless_requests_with_json_headers_are_accepted(stateless: httpx.Client) -> None:
    headers = {"Content-Type": "application/json", "Accept": "application/json"}

    assert stateless.get("/health", headers=headers).status_code == 200
    assert stateless.get("/stats", headers=headers).status_code == 200
