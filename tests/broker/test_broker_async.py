"""AsyncAiMeshClient: the async twins put the same requests on the wire and give the same typed
answers as the sync client (the plans are shared; only the send differs)."""

from __future__ import annotations

import pytest
from broker_support import BROKER_KEY, LOOPBACK_ONLY, Captured, agent_id, endpoint, unique
from meshkit import (
    Acknowledgment,
    BudgetExceededError,
    EndpointMetrics,
    Message,
    ValidationError,
)
from meshkit.devserver import DevServer

pytestmark = [pytest.mark.anyio, LOOPBACK_ONLY]


async def test_send_message(routable: DevServer, captured: Captured) -> None:
    msg = Message(agent_id=agent_id(), payload=unique())

    async with captured.async_client(routable.broker_url) as client:
        ack = await client.send_message(msg)

    (request,) = captured.requests
    assert (request.method, request.url.path) == ("POST", "/broker/messages")
    assert captured.body()["payload"] == bytes(msg.payload).hex()  # type: ignore[arg-type]
    assert len(captured.body()) == 13
    assert isinstance(ack, Acknowledgment) and ack.is_success and ack.original_message_id == msg.message_id
    assert routable.accepted()["broker_messages"][msg.message_id] == 1


async def test_send_batch(routable: DevServer, captured: Captured) -> None:
    agent, poor = agent_id(), agent_id()
    async with captured.async_client(routable.broker_url) as client:
        await client.set_budget(poor, tokens=0)
        messages = [Message(agent_id=agent, payload=unique()), Message(agent_id=poor, payload=b"1234")]

        acks = await client.send_batch(messages)

    assert captured.last.url.path == "/broker/messages/batch"
    assert [m["message_id"] for m in captured.body()["messages"]] == [m.message_id for m in messages]
    assert [(ack.is_success, ack.error_code) for ack in acks] == [(True, None), (False, "budget_exceeded")]


async def test_list_endpoints(fresh: DevServer, captured: Captured) -> None:
    async with captured.async_client(fresh.broker_url) as client:
        await client.register_endpoint(endpoint("b-endpoint", health_status=2))
        await client.register_endpoint(endpoint("a-endpoint"))

        endpoints = await client.list_endpoints()

    assert captured.last.method == "GET" and captured.last.url.path == "/broker/endpoints"
    assert all(isinstance(item, EndpointMetrics) for item in endpoints)
    assert [(e.endpoint_id, e.health_status) for e in endpoints] == [
        ("a-endpoint", "healthy"),
        ("b-endpoint", "degraded"),
    ]


async def test_the_other_methods(routable: DevServer, captured: Captured) -> None:
    agent = agent_id()
    async with captured.async_client(routable.broker_url) as client:
        await client.set_budget(agent, tokens=8)
        await client.send_message(Message(agent_id=agent, payload=unique(), estimated_cost_tokens=2))
        assert (await client.get_budget(agent)).utilization_percent == 25.0
        assert (await client.reset_budget(agent)).remaining_tokens == 8.0
        assert (await client.get_stats()).messages_total >= 1
        assert (await client.get_metrics()).startswith("# HELP")
        assert (await client.health_check()).is_healthy
        await client.register_endpoint(endpoint("gone soon"))
        assert await client.remove_endpoint("gone soon") is True
        assert (await client.ops.get_budget(agent)).remaining_tokens == 8.0
        quick = client.with_options(max_retries=0)
        with pytest.raises(BudgetExceededError):
            await quick.send_message(Message(agent_id=agent, payload=unique(), estimated_cost_tokens=9))
        with pytest.raises(ValidationError):
            await client.send_message(Message(agent_id="", payload=b""))

    assert captured.requests[-1].url.path == "/broker/messages"  # the invalid one was never sent


async def test_with_a_key(secured: DevServer, captured: Captured) -> None:
    async with captured.async_client(secured.broker_url, api_key=BROKER_KEY) as client:
        assert (await client.health_check()).is_healthy
        await client.get_metrics()

    assert {r.headers["Authorization"] for r in captured.requests} == {f"Bearer {BROKER_KEY}"}
