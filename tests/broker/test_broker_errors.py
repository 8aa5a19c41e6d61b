"""Errors end to end against the dev broker (broker.md §4 "Client mapping"): each status becomes
the typed error the seed README catches, with what the body says."""

from __future__ import annotations

import builtins
import email.utils
import socket
import time

import pytest
from broker_support import BROKER_KEY, LOOPBACK_ONLY, Captured, agent_id, endpoint, unique
from meshkit import (
    AiMeshClient,
    AiMeshError,
    AuthenticationError,
    BudgetExceededError,
    ConnectionError,
    Message,
    RateLimitError,
    ServerError,
    TimeoutError,
    ValidationError,
)
from meshkit.devserver import BrokerLimits, DevServer

pytestmark = [LOOPBACK_ONLY]


def test_402_carries_the_agent_and_the_amounts(routable: DevServer, client: AiMeshClient, captured: Captured) -> None:
    agent = agent_id()
    client.set_budget(agent, tokens=1)
    msg = Message(agent_id=agent, payload=b"x" * 40)  # ceil(40 / 4) = 10 tokens

    with pytest.raises(BudgetExceededError) as caught:
        client.send_message(msg)

    error = caught.value
    assert (error.agent_id, error.required, error.available) == (agent, 10.0, 1.0)
    assert (error.status_code, error.code) == (402, "budget_exceeded")
    assert error.message == f"Budget exceeded for agent {agent}: required 10.0, available 1.0"
    assert isinstance(error, AiMeshError)
    assert len(captured.requests) == 2  # set_budget, then one send: a 402 is never retried
    assert msg.message_id not in routable.accepted()["broker_messages"]


def test_429_with_retry_after_seconds(routable: DevServer) -> None:
    routable.fault(api="broker", path="/messages", status=429, retry_after="1")

    with AiMeshClient(routable.broker_url, max_retries=0) as client, pytest.raises(RateLimitError) as caught:
        client.send_message(Message(agent_id=agent_id(), payload=unique()))

    assert (caught.value.status_code, caught.value.code, caught.value.retry_after) == (429, "rate_limited", 1.0)


def test_429_with_an_http_date_beyond_the_cap_surfaces_at_once(routable: DevServer, captured: Captured) -> None:
    later = email.utils.formatdate(time.time() + 120, usegmt=True)
    routable.fault(api="broker", path="/messages", status=429, retry_after=later)

    with captured.client(routable.broker_url) as client, pytest.raises(RateLimitError) as caught:
        client.send_message(Message(agent_id=agent_id(), payload=unique()))

    assert caught.value.retry_after is not None and 110 <= caught.value.retry_after <= 120
    assert len(captured.requests) == 1  # more than 60 s away: not slept on, not retried


def test_429_without_retry_after_reports_the_brokers_default(routable: DevServer) -> None:
    routable.fault(api="broker", path="/messages", status=429)

    with AiMeshClient(routable.broker_url, max_retries=0) as client, pytest.raises(RateLimitError) as caught:
        client.send_message(Message(agent_id=agent_id(), payload=unique()))

    assert caught.value.retry_after == 60.0


def test_a_real_rate_limit_names_the_key_and_the_wait() -> None:
    # One message per 100 s per agent: the second one waits far longer than the retry cap.
    limits = BrokerLimits(agent_capacity=1, agent_refill_per_sec=0.01)
    with DevServer(broker=limits) as dev, AiMeshClient(dev.broker_url) as client:
        client.register_endpoint(endpoint())
        agent = agent_id()
        client.send_message(Message(agent_id=agent, payload=b"one"))

        with pytest.raises(RateLimitError) as caught:
            client.send_message(Message(agent_id=agent, payload=b"two"))

    assert caught.value.retry_after == 100.0
    assert caught.value.body["key"] == agent
    assert caught.value.message.startswith(f"Rate limit exceeded for {agent}: ")


def test_401_with_a_wrong_key_or_none(secured: DevServer) -> None:
    for key in ("wrong", None):
        with AiMeshClient(secured.broker_url, api_key=key) as client, pytest.raises(AuthenticationError) as caught:
            client.health_check()
        assert (caught.value.status_code, caught.value.code) == (401, "unauthorized")
        assert BROKER_KEY not in str(caught.value)


def test_400_from_the_broker_names_the_field(dev: DevServer) -> None:
    # An endpoint id the client accepts but the broker's spec check refuses is rare; an injected
    # 400 stands in for "the broker said no" and must still read as a ValidationError.
    dev.fault(api="broker", path="/budgets", status=400)

    with AiMeshClient(dev.broker_url) as client, pytest.raises(ValidationError) as caught:
        client.set_budget(agent_id(), tokens=5)

    assert (caught.value.status_code, caught.value.field) == (400, "request")  # no field in the body


def test_503_when_no_endpoint_is_healthy(fresh: DevServer) -> None:
    msg = Message(agent_id=agent_id(), payload=b"hello")
    with AiMeshClient(fresh.broker_url, max_retries=0) as client:
        client.register_endpoint(endpoint(health_status="degraded"))

        with pytest.raises(ServerError) as caught:
            client.send_message(msg)

        assert client.get_stats().messages_failed == 1
    assert (caught.value.status_code, caught.value.code) == (503, "no_healthy_endpoints")
    assert caught.value.message == "No healthy endpoints available"


def test_connection_refused_is_a_connection_error() -> None:
    with socket.socket() as probe:  # a port nobody listens on any more
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    with AiMeshClient(f"http://127.0.0.1:{port}", max_retries=0) as client, pytest.raises(ConnectionError) as caught:
        client.health_check()

    assert isinstance(caught.value, builtins.ConnectionError)  # the seed's name, and the builtin too
    assert isinstance(caught.value, AiMeshError)


def test_a_slow_answer_is_the_meshkit_timeout_error(routable: DevServer) -> None:
    routable.fault(api="broker", path="/messages", delay_response=1)

    with AiMeshClient(routable.broker_url, timeout=0.2, max_retries=0) as client, pytest.raises(TimeoutError) as caught:
        client.send_message(Message(agent_id=agent_id(), payload=unique()))

    assert isinstance(caught.value, builtins.TimeoutError) and isinstance(caught.value, AiMeshError)
