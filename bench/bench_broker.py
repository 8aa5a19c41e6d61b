"""2,000 sequential ``AiMeshClient.send_message()`` vs raw ``httpx.Client.post``: client CPU per call.

A healthy endpoint is registered first. Every message has its own payload (same length in both
arms), so the broker processes and routes each one instead of answering from dedup. Agents rotate
every 100 messages to stay under the per-agent rate limit (200 burst, 100/s), the same way in
both arms; a 429 or any other failure fails the run (meshkit would retry it silently)."""

from __future__ import annotations

import json
import time
import uuid

import httpx
from _harness import DevServerProcess, Result, check_same_wire, interleaved, median, recorded_headers
from meshkit import AiMeshClient, EndpointMetrics, Message
from meshkit._core.config import identification_headers

CALLS = 2000
ROUNDS = 7  # 3 rounds swung the ratio between 0.94 and 1.15 from run to run
PER_AGENT = 100


def run(server: DevServerProcess) -> list[Result]:
    client = AiMeshClient(server.broker_url)
    raw = httpx.Client(timeout=client._settings.timeout)
    client.register_endpoint(
        EndpointMetrics(
            endpoint_id="bench-ep",
            capacity=1_000_000,
            current_load=0,
            cost_per_1k_tokens=1.0,
            latency_p99_ms=10.0,
            error_rate=0.0,
        )
    )
    url = f"{server.broker_url}/messages"
    # The broker is not a MUXI API: meshkit sends only its User-Agent (contract README).
    headers = {**identification_headers(None, muxi=False), "Accept": "application/json"}
    batch = {"meshkit": 0, "baseline": 0}

    def meshkit_send(tag: str, i: int) -> None:
        ack = client.send_message(Message(agent_id=f"bench-{tag}-{i // PER_AGENT}", payload=f"{tag}-{i:06d}"))
        if not ack.is_success or ack.deduplicated:
            raise RuntimeError(ack)

    def baseline_send(tag: str, i: int) -> None:
        now_ns = time.time_ns()
        body = {
            "agent_id": f"bench-{tag}-{i // PER_AGENT}",
            "message_id": str(uuid.uuid4()),
            "payload": f"{tag}-{i:06d}".encode().hex(),
            "estimated_cost_tokens": 0.0,
            "budget_tokens": 1000.0,
            "deadline_ms": now_ns // 1_000_000 + 60_000,
            "task_graph_id": "",
            "dependencies": [],
            "priority": 50,
            "dedup_context": "",
            "trace_id": "",
            "metadata": {},
            "timestamp": now_ns,
        }
        response = raw.post(url, json=body, headers=headers)
        if response.status_code != 200:
            raise RuntimeError(response.text)
        ack = json.loads(response.content)
        if ack.get("deduplicated") or ack.get("status") not in ("success", "processed", "ACK_PROCESSED", 2):
            raise RuntimeError(ack)

    def meshkit_arm() -> None:
        batch["meshkit"] += 1
        tag = f"m{batch['meshkit']:03d}"
        for i in range(CALLS):
            meshkit_send(tag, i)

    def baseline_arm() -> None:
        batch["baseline"] += 1
        tag = f"b{batch['baseline']:03d}"
        for i in range(CALLS):
            baseline_send(tag, i)

    try:
        with recorded_headers(client._transport.http) as meshkit_wire, recorded_headers(raw) as baseline_wire:
            meshkit_send("probe-m", 0)
            baseline_send("probe-b", 0)
        check_same_wire("broker send", meshkit_wire, baseline_wire)
        samples = interleaved({"meshkit": meshkit_arm, "baseline": baseline_arm}, ROUNDS)
    finally:
        client.close()
        raw.close()
    per_call = {arm: [s / CALLS * 1e6 for s in values] for arm, values in samples.items()}
    return [
        Result(
            "AiMeshClient.send_message() x2,000 sequential, client CPU/call",
            "µs CPU",
            median(per_call["meshkit"]),
            median(per_call["baseline"]),
            1.10,
            rounds=ROUNDS,
            notes=f"{CALLS} calls per round, unique payloads, healthy endpoint registered",
            samples=per_call,
        )
    ]
