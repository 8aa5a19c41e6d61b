"""``send_many``: many messages, at most ``max_in_flight`` at a time, one result per message in
input order — its Acknowledgment or its MeshkitError, never silently dropped. Sync (a thread
pool) and async (tasks) behave the same."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import pytest
from broker_support import LOOPBACK_ONLY, Captured, agent_id, unique
from meshkit import (
    Acknowledgment,
    AiMeshClient,
    AsyncAiMeshClient,
    BudgetExceededError,
    Message,
    ValidationError,
)
from meshkit.devserver import DevServer

pytestmark = [LOOPBACK_ONLY]


class InFlight:
    """Counts requests on the wire at the same time (the peak is what max_in_flight bounds)."""

    def __init__(self) -> None:
        self.now = 0
        self.peak = 0
        self._lock = threading.Lock()

    def enter(self) -> None:
        with self._lock:
            self.now += 1
            self.peak = max(self.peak, self.now)

    def leave(self) -> None:
        with self._lock:
            self.now -= 1


class CountingTransport(httpx.HTTPTransport):
    def __init__(self, counter: InFlight) -> None:
        super().__init__()
        self.counter = counter

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.counter.enter()
        try:
            response = super().handle_request(request)
            response.read()
            return response
        finally:
            self.counter.leave()


class AsyncCountingTransport(httpx.AsyncHTTPTransport):
    def __init__(self, counter: InFlight) -> None:
        super().__init__()
        self.counter = counter

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.counter.enter()
        try:
            response = await super().handle_async_request(request)
            await response.aread()
            return response
        finally:
            self.counter.leave()


def mixed_batch(client: AiMeshClient) -> tuple[list[Message], str]:
    """Valid messages, one over its agent's budget, and one the client refuses."""
    rich, poor = agent_id(), agent_id()
    client.set_budget(poor, tokens=1)
    messages = [
        Message(agent_id=rich, payload=unique("one")),
        Message(agent_id=poor, payload=b"x" * 40),
        Message(agent_id=rich, payload=unique("three")),
        Message(agent_id=rich, payload=unique("four"), priority=101),
        Message(agent_id=rich, payload=unique("five")),
    ]
    return messages, poor


def check_mixed(results: list[Any], messages: list[Message], poor: str, dev: DevServer) -> None:
    assert len(results) == len(messages)
    assert [type(result) for result in results] == [
        Acknowledgment,
        BudgetExceededError,
        Acknowledgment,
        ValidationError,
        Acknowledgment,
    ]
    for index in (0, 2, 4):
        assert results[index].original_message_id == messages[index].message_id
    assert (results[1].agent_id, results[1].required, results[1].available) == (poor, 10.0, 1.0)
    assert results[3].field == "priority"
    ledger = dev.accepted()["broker_messages"]
    assert [ledger.get(m.message_id, 0) for m in messages] == [1, 0, 1, 0, 1]


def test_send_many_keeps_order_and_reports_each_failure(routable: DevServer, client: AiMeshClient) -> None:
    messages, poor = mixed_batch(client)

    results = client.send_many(messages, max_in_flight=3)

    check_mixed(results, messages, poor, routable)


def test_send_many_keeps_at_most_max_in_flight_on_the_wire(routable: DevServer, captured: Captured) -> None:
    routable.fault(api="broker", path="/messages", delay=0.1, count=9)  # long enough to overlap
    counter = InFlight()
    agent = agent_id()
    messages = [Message(agent_id=agent, payload=unique()) for _ in range(9)]

    with captured.client(routable.broker_url, transport=CountingTransport(counter)) as client:
        results = client.send_many(messages, max_in_flight=3)

    assert counter.peak == 3
    assert [r.original_message_id for r in results if isinstance(r, Acknowledgment)] == [m.message_id for m in messages]


def test_send_many_of_nothing_sends_nothing(client: AiMeshClient, captured: Captured) -> None:
    assert client.send_many([]) == []
    assert captured.requests == []


@pytest.mark.anyio
async def test_async_send_many_keeps_order_and_reports_each_failure(routable: DevServer, client: AiMeshClient) -> None:
    messages, poor = mixed_batch(client)

    async with AsyncAiMeshClient(routable.broker_url) as aclient:
        results = await aclient.send_many(messages, max_in_flight=2)

    check_mixed(results, messages, poor, routable)


@pytest.mark.anyio
async def test_async_send_many_keeps_at_most_max_in_flight_on_the_wire(routable: DevServer, captured: Captured) -> None:
    routable.fault(api="broker", path="/messages", delay=0.1, count=8)
    counter = InFlight()
    agent = agent_id()
    messages = [Message(agent_id=agent, payload=unique()) for _ in range(8)]

    async with captured.async_client(routable.broker_url, transport=AsyncCountingTransport(counter)) as client:
        results = await client.send_many(messages, max_in_flight=4)

    assert counter.peak == 4
    assert [r.original_message_id for r in results if isinstance(r, Acknowledgment)] == [m.message_id for m in messages]
