"""Closing a client: ``async with client:`` or ``await client.aclose()`` (generated twin: ``with``
and ``close()``). Copies made by ``with_options``/``for_user`` share the pool: closing one is a
no-op, closing the client that made the pool closes it."""

from __future__ import annotations

from typing import Self

from .transport_async import AsyncTransport


class AsyncClosing:
    """The context manager and ``aclose()`` of every client."""

    _transport: AsyncTransport

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool (copies made by ``with_options``/``for_user`` share it)."""
        await self._transport.aclose()

    async def close(self) -> None:  # sync: -
        """``aclose()`` by the blocking clients' name: await it too (unawaited, it closes nothing)."""  # sync: -
        await self._transport.aclose()  # sync: -
