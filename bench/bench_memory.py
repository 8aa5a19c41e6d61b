"""Peak RSS growth while consuming a 100,000-event chat stream (< 20 MB), measured in a fresh
subprocess with ``resource.getrusage`` max RSS: after imports, the client and a short warm-up
stream, versus after the big stream. The raw-httpx arm is shown for context.

The message is one repeated word, built as a single string: building it from 100,000 temporary
strings would raise the peak before the stream starts, and the stream would then reuse that freed
memory unseen (an earlier version measured 0.0 MB that way)."""

from __future__ import annotations

import json
import subprocess
import sys

from _harness import CLIENT_KEY, DevServerProcess, Result

EVENTS = 100_000
LIMIT_MB = 20.0

CHILD = r"""
import json, resource, sys
url, key, arm, events = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
import httpx
from meshkit import Formation
from meshkit._core.config import identification_headers
from meshkit._core.events import ContentDelta

message = "w " * (events - 3) + "w"  # "You said: " + events - 2 words: one content frame per word
formation = Formation(url=url, client_key=key)
raw = httpx.Client(timeout=formation._settings.timeout)

def meshkit_stream(text):
    n = 0
    with formation.chat_stream(text) as stream:
        for event in stream:
            n += type(event) is ContentDelta
    return n

def raw_stream(text):
    n = 0
    headers = {**identification_headers(None, muxi=True), "X-MUXI-CLIENT-KEY": key, "Accept": "text/event-stream"}
    with raw.stream("POST", url + "/v1/chat", json={"message": text, "stream": True}, headers=headers) as response:
        for line in response.iter_lines():
            if line.startswith("data: "):
                token = json.loads(line[6:]).get("token")
                n += isinstance(token, dict) and token.get("type") == "content"
    return n

consume = meshkit_stream if arm == "meshkit" else raw_stream
consume("warm up " * 100)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
count = consume(message)
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"count": count, "before_kb": before, "after_kb": after}))
"""


def _measure(server: DevServerProcess, arm: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, server.formation_url, CLIENT_KEY, arm, str(EVENTS)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    data = json.loads(out)
    assert data["count"] == EVENTS, data
    return data


def run(server: DevServerProcess) -> list[Result]:
    meshkit = _measure(server, "meshkit")
    baseline = _measure(server, "baseline")
    growth = (meshkit["after_kb"] - meshkit["before_kb"]) / 1024
    raw_growth = (baseline["after_kb"] - baseline["before_kb"]) / 1024
    return [
        Result(
            "peak RSS growth, 100,000-event stream",
            "MB",
            growth,
            None,
            LIMIT_MB,
            kind="lt",
            rounds=1,
            notes=f"raw httpx arm for context: {raw_growth:.1f} MB",
            samples={
                "meshkit_kb": [meshkit["before_kb"], meshkit["after_kb"]],
                "baseline_kb": [baseline["before_kb"], baseline["after_kb"]],
            },
        )
    ]
