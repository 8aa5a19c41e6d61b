"""Blocking ``Formation.chat()`` (typed ChatResult) vs raw ``httpx.Client.post`` + ``json``: client
CPU per call. Same body, the header the server needs (client key), one pooled client per arm."""

from __future__ import annotations

import json

import httpx
from _harness import CLIENT_KEY, DevServerProcess, Result, interleaved, median
from meshkit import Formation

CALLS = 300
ROUNDS = 7


def run(server: DevServerProcess) -> list[Result]:
    formation = Formation(url=server.formation_url, client_key=CLIENT_KEY)
    raw = httpx.Client(timeout=formation._settings.timeout)
    url = f"{server.formation_url}/v1/chat"
    headers = {"X-MUXI-CLIENT-KEY": CLIENT_KEY, "Accept": "application/json"}

    def meshkit_arm() -> None:
        for i in range(CALLS):
            result = formation.chat(f"hello {i}")
            assert result.text == f"You said: hello {i}", result.text

    def baseline_arm() -> None:
        for i in range(CALLS):
            response = raw.post(url, json={"message": f"hello {i}", "stream": False}, headers=headers)
            if response.status_code != 200:
                raise RuntimeError(response.text)
            text = json.loads(response.content)["data"]["message"]["content"]
            assert text == f"You said: hello {i}", text

    try:
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
            notes=f"{CALLS} calls per round; baseline httpx.Client.post + json.loads",
            samples=per_call,
        )
    ]
