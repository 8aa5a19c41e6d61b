"""Helpers of the resilience tests: scripted MockTransports and clients whose retry waits are
recorded instead of slept (the ``RetryPolicy.sleep`` seam)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import httpx

CLIENT_KEY = "fmc_resilience_fake_client_key_1234"
ADMIN_KEY = "fma_resilience_fake_admin_key_5678"
KEY_ID = "MUXI_resilience"
SECRET = "sk_resilience_fake_secret_90ab"
BROKER_KEY = "aimesh_resilience_fake_token_cdef"
FAKE_KEYS = (CLIENT_KEY, ADMIN_KEY, SECRET, BROKER_KEY)

Step = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


def chat_ok(request: httpx.Request) -> httpx.Response:
    """A formation chat success envelope echoing the request's idempotency key."""
    key = request.headers.get("x-muxi-idempotency-key")
    return httpx.Response(
        200,
        json={
            "object": "chat",
            "timestamp": 1,
            "type": "chat",
            "request": {"id": "req_1", "idempotency_key": key},
            "success": True,
            "error": None,
            "data": {"message": {"role": "assistant", "content": "You said: hi"}, "session_id": "s1"},
        },
    )


class Script:
    """A MockTransport handler answering from a list of steps (the last one repeats); every
    request is kept in ``requests``."""

    def __init__(self, *steps: Step) -> None:
        self.steps = list(steps)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        # A snapshot: every attempt re-sends (and re-signs) the same httpx.Request object.
        request.read()
        self.requests.append(
            httpx.Request(request.method, request.url, headers=request.headers.copy(), content=request.content)
        )
        step = self.steps[min(len(self.requests), len(self.steps)) - 1]
        if isinstance(step, Exception):
            raise step
        if isinstance(step, httpx.Response):
            return httpx.Response(step.status_code, headers=step.headers, content=step.content)
        return step(request)

    def sync(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self))

    def asynchronous(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self))


def record_waits(client: Any) -> list[float]:
    """Swap the client's retry policy for one whose waits are recorded, not slept."""
    waits: list[float] = []
    wire = client._wire
    wire.retry = dataclasses.replace(wire.retry, sleep=waits.append)
    return waits


def error(status: int, **headers: str) -> httpx.Response:
    return httpx.Response(
        status, headers=headers, json={"error": "failed", "message": f"HTTP {status}", "code": status}
    )
