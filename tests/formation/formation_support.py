"""What the Formation façade tests share besides fixtures: the fake URL and keys of the cassette
tests, the scrubbing rules, and formation builders for a dev server."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from meshkit import AsyncFormation, Formation
from meshkit.devserver import DevServer, DevServerConfig

# Replayed cassettes talk to this URL; while recording, the dev server's real URL is rewritten to it.
FAKE_ROOT = "http://formation.test"
FAKE_FORMATION_URL = FAKE_ROOT + "/formation"
DEV_KEYS = DevServerConfig()  # the dev server's fixed, fake keys

KEY_HEADERS = ("X-MUXI-CLIENT-KEY", "X-MUXI-ADMIN-KEY", "Authorization")
SCRUBBED = "<scrubbed>"
# Request headers that vary by machine or run and carry no wire rule.
VOLATILE_REQUEST_HEADERS = ("Host", "User-Agent", "X-Muxi-Client", "Accept-Encoding", "Connection", "Content-Length")
VOLATILE_RESPONSE_HEADERS = ("date", "server")

# Live tests talk to 127.0.0.1 only; they keep working under `--block-network`.
LOOPBACK_ONLY = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1", "localhost"])


class Recorder:
    """An httpx event hook keeping every request a client really sent."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> None:
        self.requests.append(request)

    def paths(self) -> list[str]:
        return [f"{r.method} {r.url.path}" for r in self.requests]


def make_formation(dev: DevServer, **options: Any) -> Formation:
    return Formation(url=dev.formation_url, client_key=dev.config.client_key, admin_key=dev.config.admin_key, **options)


def make_async_formation(dev: DevServer, **options: Any) -> AsyncFormation:
    return AsyncFormation(
        url=dev.formation_url, client_key=dev.config.client_key, admin_key=dev.config.admin_key, **options
    )


class _Rechunked(httpx.SyncByteStream):
    def __init__(self, stream: httpx.SyncByteStream, size: int) -> None:
        self._stream = stream
        self._size = size

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            for start in range(0, len(chunk), self._size):
                yield chunk[start : start + self._size]

    def close(self) -> None:
        self._stream.close()


class RechunkingTransport(httpx.BaseTransport):
    """The real network, with every response body cut into ``size``-byte chunks: SSE frames,
    lines and UTF-8 characters then straddle chunk boundaries."""

    def __init__(self, size: int) -> None:
        self._inner = httpx.HTTPTransport()
        self._size = size

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._inner.handle_request(request)
        assert isinstance(response.stream, httpx.SyncByteStream)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_Rechunked(response.stream, self._size),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._inner.close()


class _AsyncRechunked(httpx.AsyncByteStream):
    def __init__(self, stream: httpx.AsyncByteStream, size: int) -> None:
        self._stream = stream
        self._size = size

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            for start in range(0, len(chunk), self._size):
                yield chunk[start : start + self._size]

    async def aclose(self) -> None:
        await self._stream.aclose()


class AsyncRechunkingTransport(httpx.AsyncBaseTransport):
    """The async twin of :class:`RechunkingTransport`."""

    def __init__(self, size: int) -> None:
        self._inner = httpx.AsyncHTTPTransport()
        self._size = size

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            stream=_AsyncRechunked(response.stream, self._size),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self._inner.aclose()
