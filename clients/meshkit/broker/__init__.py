"""AiMeshClient and AsyncAiMeshClient: the AiMesh broker (routing, budgets, rate limits, dedup).

    from meshkit import AiMeshClient, EndpointMetrics, Message

    client = AiMeshClient("http://localhost:9000")          # or AIMESH_URL / AIMESH_API_KEY
    client.register_endpoint(EndpointMetrics(
        endpoint_id="gpt-4", capacity=1000, current_load=0,
        cost_per_1k_tokens=30.0, latency_p99_ms=500.0, error_rate=0.01,
    ))
    client.set_budget("my-agent", tokens=10000)
    ack = client.send_message(Message(agent_id="my-agent", payload=b"Hello, AI!", priority=50))
    print(f"Processed in {ack.processing_latency_ms}ms, tokens used: {ack.tokens_used}")

``Message`` and ``EndpointMetrics`` are the seed SDK's dataclasses: they check the broker's rules
(contract broker.md §5.2, §2.3, §2.4) when they are sent, and a broken rule raises
:class:`~meshkit.ValidationError` naming the field before anything goes on the wire. Payloads are
bytes or str (a str is UTF-8 encoded) and travel as lowercase hex. Answers are typed:
:class:`Acknowledgment` (alias ``Ack``), :class:`EndpointMetrics`, :class:`BudgetInfo`,
:class:`BrokerStats`, :class:`BrokerHealth`. Every operation of the spec, including ones added by
``make generate`` later, is also reachable as ``client.ops.<operation_id>(...)`` (generated models).

Retries
-------
Every broker call is retried automatically (``max_retries``, default 2, with jittered backoff) after
a connection failure, a timeout, a 408/409/429 or a 5xx answer; a 429 is retried after its
``Retry-After`` when that is at most 60 s, otherwise :class:`~meshkit.RateLimitError` surfaces at
once with ``retry_after`` set (60 s when the broker sent none). This is safe for every route:
reads change nothing, ``register_endpoint`` and ``set_budget`` are upserts, ``reset_budget`` is
idempotent, and a re-sent message (alone, in a batch, or from ``send_many``) is answered by the
broker's deduplication (§5.4) while dedup is on: the broker keys a message on its agent,
``dedup_context`` and payload — **not** on ``message_id`` — for an hour, so a message whose answer
was lost is processed and charged once, and the resend's acknowledgment says
``deduplicated=True`` (``tokens_used`` 0). Rate limiting runs before dedup and spends nothing on a
refusal, so resending after a 429 is safe too. Never retried: 400/413 (the request is invalid) and
402 :class:`~meshkit.BudgetExceededError` (the broker has no quota 429: an exhausted budget is a
402, and resending cannot change it — raise or reset the budget).

Because ``message_id`` is not part of the dedup key, two *different* messages of one agent with the
same payload within the hour are one message to the broker: the second is acknowledged as a
duplicate and never routed. When that can happen (the same prompt sent again on purpose, a periodic
"ping"), give each logical message its own ``dedup_context`` — its ``message_id``, a job, task or
conversation-turn id — and keep that value when the same logical message is sent again, so that
retries still deduplicate. A per-attempt value (a timestamp, a fresh uuid per send) switches
retry safety off.

AsyncAiMeshClient is written once (``_client_async.py``) and AiMeshClient generated from it by
``make generate``.
"""

from .._core.public import present_as
from ._base import BrokerOps
from ._client_async import AsyncAiMeshClient
from ._client_sync import AiMeshClient
from ._models import (
    Ack,
    Acknowledgment,
    BrokerHealth,
    BrokerStats,
    BudgetInfo,
    EndpointMetrics,
    Message,
    SendResult,
)

__all__ = [
    "Ack",
    "Acknowledgment",
    "AiMeshClient",
    "AsyncAiMeshClient",
    "BrokerHealth",
    "BrokerOps",
    "BrokerStats",
    "BudgetInfo",
    "EndpointMetrics",
    "Message",
    "SendResult",
]

present_as(__name__, globals(), __all__)
