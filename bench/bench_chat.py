"""Blocking ``Formation.chat()`` (typed ChatResult) vs raw ``httpx.Client.post`` + ``json``: client
CPU per call. Same wire work: the same body and the same headers (the contract's SDK
identification, client key, a fresh idempotency key per call; checked before timing), one pooled
client per arm."""

from __future__ import annotations

import json

import httpx
from _harness import (
    CLIENT_KEY,
    DevServerProcess,
    Result,
    check_same_wire,
    formation_headers,
    idempotency_key,
    interleaved,
    median,
    recorded_headers,
)
from meshkit import Formation

CALLS = 1500  # 300-call rounds (0.15 s of CPU) gave per-round ratios from 0.87 to 1.35
ROUNDS = 11


def run(server: DevServerProcess) -> list[Result]:
    formation = Formation(url=server.formation_url, client_key=CLIENT_KEY)
    raw = httpx.Client(timeout=formation._settings.timeout)
    url = f"{server.formation_url}/v1/chat"
    headers = formation_headers(accept="application/json")

    def meshkit_chat(i: int) -> None:
        result = formation.chat(f"hello {i}")
        assert result.text == f"You said: hello {i}", result.text

    def baseline_chat(i: int) -> None:
        response = raw.post(
            url,
            json={"message": f"hello {i}", "stream": False},
            headers={**headers, "X-Muxi-Idempotency-Key": idempotency_key()},
        )
        if response.status_code != 200:
            raise RuntimeError(response.text)
        text = json.loads(response.content)["data"]["message"]["content"]
        assert text == f"You said: hello {i}", text

    def meshkit_arm() -> None:
        for i in range(CALLS):
            meshkit_chat(i)

    def baseline_arm() -> None:
        for i in range(CALLS):
            baseline_chat(i)

    try:
        with recorded_headers(formation._transport.http) as meshkit_wire, recorded_headers(raw) as baseline_wire:
            meshkit_chat(0)
            baseline_chat(0)
        check_same_wire("chat", meshkit_wire, baseline_wire)
        samples = interleaved({"meshkit": meshkit_arm, "baseline": baseline_arm}, ROUNDS)
    finally:
        formation.close()
        raw.close()
    per_call = {arm: [s / CALLS * 1e6 for s in values] for arm, values in samples.items()}
    return [
        Result(
            "Formation.chat() blocking, client CPU/call",
            "µs CPU",
            median(per_call["meshkit"]),
            median(per_call["baseline"]),
            1.10,
            rounds=ROUNDS,
            notes=f"{CALLS} calls per round; baseline httpx.Client.post + json.loads, same headers",
            samples=per_call,
        )
    ]
