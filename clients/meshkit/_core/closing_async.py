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
        """Close the connection pool (copies made by ``with_options``/``for_user`` share it).

        On the asyncio clients this is a coroutine, and ``close`` is the same coroutine (an awaitable
        alias, for code written against the blocking clients): either must be awaited, or the client
        used as an async context manager. Called without ``await``, ``close()`` closes nothing: it
        only makes a coroutine, which Python reports as never awaited."""
        await self._transport.aclose()

    close = aclose  # sync: -
