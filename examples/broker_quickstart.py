"""The AiMesh broker's quick start: register an endpoint, give an agent a token budget, send it a
few messages, then read the budget and the broker's stats.

Run it against the dev server: `make serve` in one terminal, `python examples/broker_quickstart.py`
in another. AIMESH_URL (and AIMESH_API_KEY, when the broker wants one) point it elsewhere.
"""

from __future__ import annotations

import os
import sys
import uuid

import meshkit
from meshkit import AiMeshClient, EndpointMetrics, Message

URL = os.environ.get("AIMESH_URL", "http://127.0.0.1:7890/broker")


def main() -> None:
    with AiMeshClient(URL, api_key=os.environ.get("AIMESH_API_KEY")) as client:
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

        for number in range(3):
            # The broker deduplicates on agent + dedup_context + payload for an hour: an id per logical
            # message keeps it apart from an identical one of an earlier run (retries reuse it).
            turn = str(uuid.uuid4())
            ack = client.send_message(
                Message(agent_id="my-agent", payload=f"Hello, AI! #{number}", priority=50, dedup_context=turn)
            )
            print(f"message {number}: {ack.status}, {ack.tokens_used:g} tokens in {ack.processing_latency_ms} ms")

        print(f"budget used: {client.get_budget('my-agent').utilization_percent:.2f}%")
        stats = client.get_stats()
        print(f"messages total: {stats.messages_total}, tokens consumed: {stats.tokens_consumed:g}")


if __name__ == "__main__":
    try:
        main()
    except meshkit.MeshkitError as error:
        sys.exit(f"error: {error}")
