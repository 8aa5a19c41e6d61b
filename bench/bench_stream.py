"""``Formation.chat_stream()`` of 20,000 content token frames as typed events vs raw httpx
``iter_lines`` + ``json.loads`` per frame: client CPU per stream.

The echo agent streams one content token per word of "You said: <message>", so a message of
19,998 words gives 20,000 content frames (plus progress/planning/thinking/completed/done)."""

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
from meshkit._core.events import ContentDelta

TOKENS = 20_000
ROUNDS = 5
MESSAGE = " ".join(f"w{i}" for i in range(TOKENS - 2))  # + "You " and "said: "


def run(server: DevServerProcess) -> list[Result]:
    formation = Formation(url=server.formation_url, client_key=CLIENT_KEY)
    raw = httpx.Client(timeout=formation._settings.timeout)
    url = f"{server.formation_url}/v1/chat"
    headers = formation_headers(accept="text/event-stream")

    def meshkit_arm() -> None:
        count = 0
        with formation.chat_stream(MESSAGE) as stream:
            for event in stream:
                if type(event) is ContentDelta:
                    count += 1
        assert count == TOKENS, count

    def baseline_arm() -> None:
        count = 0
        parts = []
        call_headers = {**headers, "X-Muxi-Idempotency-Key": idempotency_key()}
        with raw.stream("POST", url, json={"message": MESSAGE, "stream": True}, headers=call_headers) as response:
            if response.status_code != 200:
                response.read()
                raise RuntimeError(response.text)
            for line in response.iter_lines():
                if line.startswith("data: "):
                    frame = json.loads(line[6:])
                    token = frame.get("token")
                    if isinstance(token, dict) and token.get("type") == "content":
                        parts.append(token["content"])
                        count += 1
        assert count == TOKENS, count

    try:
        with recorded_headers(formation._transport.http) as meshkit_wire, recorded_headers(raw) as baseline_wire:
            meshkit_arm()
            baseline_arm()
        check_same_wire("chat_stream", meshkit_wire, baseline_wire)
        samples = interleaved({"meshkit": meshkit_arm, "baseline": baseline_arm}, ROUNDS)
    finally:
        formation.close()
        raw.close()
    ms = {arm: [s * 1e3 for s in values] for arm, values in samples.items()}
    return [
        Result(
            "chat_stream() 20,000 frames, typed events, client CPU/stream",
            "ms CPU",
            median(ms["meshkit"]),
            median(ms["baseline"]),
            1.00,
            rounds=ROUNDS,
            notes="baseline httpx iter_lines + json.loads per data: frame",
            samples=ms,
        )
    ]
