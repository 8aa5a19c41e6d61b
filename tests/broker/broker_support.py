"""What the AiMeshClient tests share besides fixtures: request capture, builders, the fake URL and
key of the cassette tests."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import httpx
import pytest
from meshkit import AiMeshClient, AsyncAiMeshClient, EndpointMetrics

# Replayed cassettes talk to this URL; while recording, the dev server's real URL is rewritten to it.
FAKE_ROOT = "http://broker.test"
FAKE_BROKER_URL = FAKE_ROOT + "/broker"
BROKER_KEY = "dev-broker-key-not-a-secret"  # the key of the secured dev broker (fake)
SCRUBBED = "<scrubbed>"

# Live tests talk to 127.0.0.1 only; they keep working under `--block-network`.
LOOPBACK_ONLY = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1", "localhost"])


class Captured:
    """Every request a client sent, as httpx built it (after auth): an ``event_hooks`` recorder."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def record(self, request: httpx.Request) -> None:
        self.requests.append(request)

    async def arecord(self, request: httpx.Request) -> None:
        self.requests.append(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def body(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)

    @contextmanager
    def client(
        self, base_url: str, *, transport: httpx.BaseTransport | None = None, **options: Any
    ) -> Iterator[AiMeshClient]:
        """A client on a pool of its own whose requests land here."""
        with (
            httpx.Client(event_hooks={"request": [self.record]}, transport=transport) as http,
            AiMeshClient(base_url, http_client=http, **options) as client,
        ):
            yield client

    @asynccontextmanager
    async def async_client(
        self, base_url: str, *, transport: httpx.AsyncBaseTransport | None = None, **options: Any
    ) -> AsyncIterator[AsyncAiMeshClient]:
        """The async twin of :meth:`client`."""
        async with (
            httpx.AsyncClient(event_hooks={"request": [self.arecord]}, transport=transport) as http,
            AsyncAiMeshClient(base_url, http_client=http, **options) as client,
        ):
            yield client


def agent_id() -> str:
    """An agent of its own, so budgets and dedup entries on the shared dev server never collide."""
    return f"agent-{uuid.uuid4().hex[:12]}"


def unique(text: str = "hello") -> bytes:
    """A payload no other test sends (the broker deduplicates on agent + context + payload)."""
    return f"{text} {uuid.uuid4().hex}".encode()


def endpoint(endpoint_id: str = "local-llama", **fields: Any) -> EndpointMetrics:
    """An idle, healthy, cheap and fast endpoint unless told otherwise."""
    values: dict[str, Any] = {
        "capacity": 100,
        "current_load": 0,
        "cost_per_1k_tokens": 0.1,
        "latency_p99_ms": 100.0,
        "error_rate": 0.0,
        **fields,
    }
    return EndpointMetrics(endpoint_id=endpoint_id, **values)
