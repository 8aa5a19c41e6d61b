"""Retries end to end: every broker call is re-sent after a lost answer or a transient error, and
the broker's dedup (broker.md §5.4) makes a re-sent message count once. The dev server's ledger
(``accepted()["broker_messages"]``) counts what the broker processed, by message id."""

from __future__ import annotations

import pytest
from broker_support import LOOPBACK_ONLY, Captured, agent_id, unique
from meshkit import AiMeshClient, BudgetExceededError, Message
from meshkit.devserver import DevServer

pytestmark = [LOOPBACK_ONLY]


def processed(dev: DevServer, message: Message) -> int:
    return dev.accepted()["broker_messages"].get(message.message_id, 0)


def test_a_503_then_success_is_processed_once(routable: DevServer, captured: Captured) -> None:
    routable.fault(api="broker", path="/messages", status=503)
    msg = Message(agent_id=agent_id(), payload=unique())

    with captured.client(routable.broker_url) as client:
        ack = client.send_message(msg)

    assert len(captured.requests) == 2
    assert captured.body(0) == captured.body(1)  # the same body: one logical call
    assert ack.is_success and not ack.deduplicated
    assert processed(routable, msg) == 1


def test_an_answer_lost_after_processing_is_answered_by_dedup(routable: DevServer, captured: Captured) -> None:
    routable.fault(api="broker", path="/messages", reset="after")  # handled, then the connection drops
    msg = Message(agent_id=agent_id(), payload=unique())

    with captured.client(routable.broker_url) as client:
        ack = client.send_message(msg)

    assert len(captured.requests) == 2
    assert ack.deduplicated and ack.is_success
    assert (ack.original_message_id, ack.tokens_used, ack.routing_decision) == (msg.message_id, 0.0, None)
    assert processed(routable, msg) == 1


def test_a_timed_out_send_is_resent_and_counted_once(routable: DevServer) -> None:
    routable.fault(api="broker", path="/messages", delay_response=1)  # processed, answered too late
    msg = Message(agent_id=agent_id(), payload=unique())

    with AiMeshClient(routable.broker_url, timeout=0.3) as client:
        ack = client.send_message(msg)

    assert ack.deduplicated
    assert processed(routable, msg) == 1


def test_a_rate_limited_send_waits_for_retry_after_then_succeeds(routable: DevServer, captured: Captured) -> None:
    routable.fault(api="broker", path="/messages", status=429, retry_after="0")
    msg = Message(agent_id=agent_id(), payload=unique())

    with captured.client(routable.broker_url) as client:
        ack = client.send_message(msg)

    assert len(captured.requests) == 2 and ack.is_success and not ack.deduplicated
    assert processed(routable, msg) == 1


def test_a_lost_batch_answer_is_resent_and_each_item_counted_once(routable: DevServer, captured: Captured) -> None:
    routable.fault(api="broker", path="/messages/batch", reset="after")
    agent = agent_id()
    messages = [Message(agent_id=agent, payload=unique()) for _ in range(3)]

    with captured.client(routable.broker_url) as client:
        acks = client.send_batch(messages)

    assert [ack.deduplicated for ack in acks] == [True, True, True]
    assert [processed(routable, m) for m in messages] == [1, 1, 1]


def test_the_same_payload_twice_is_one_message_unless_dedup_context_differs(
    routable: DevServer, client: AiMeshClient
) -> None:
    agent, payload = agent_id(), unique("the same prompt")

    first = client.send_message(Message(agent_id=agent, payload=payload))
    again = client.send_message(Message(agent_id=agent, payload=payload))  # a new message_id is not enough
    own = [Message(agent_id=agent, payload=payload) for _ in range(2)]
    for message in own:
        message.dedup_context = message.message_id  # the module docstring's advice
    separate = [client.send_message(message) for message in own]

    assert (first.deduplicated, again.deduplicated) == (False, True)
    assert [ack.deduplicated for ack in separate] == [False, False]


def test_a_budget_refusal_is_not_retried(routable: DevServer, captured: Captured) -> None:
    agent = agent_id()
    with captured.client(routable.broker_url) as client:
        client.set_budget(agent, tokens=0)
        with pytest.raises(BudgetExceededError):
            client.send_message(Message(agent_id=agent, payload=b"1234"))

    assert [request.url.path for request in captured.requests] == ["/broker/budgets", "/broker/messages"]


def test_reads_and_upserts_are_retried_too(dev: DevServer, captured: Captured) -> None:
    dev.fault(api="broker", path="/budgets", status=502)
    dev.fault(api="broker", path="/health", reset="before")
    agent = agent_id()

    with captured.client(dev.broker_url) as client:
        assert client.set_budget(agent, tokens=5).remaining_tokens == 5.0
        assert client.health_check().is_healthy

    assert len(captured.requests) == 4
