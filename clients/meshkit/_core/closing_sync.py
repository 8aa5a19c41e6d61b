# Generated from clients/meshkit/_core/closing_async.py by generator/unasync.py (make generate); do not edit.
"""Closing a client: ``with client:`` or ``client.close()`` (generated twin: ``with``
and ``close()``). Copies made by ``with_options``/``for_user`` share the pool: closing one is a
no-op, closing the client that made the pool closes it."""

from __future__ import annotations

from typing import Self

from .transport_sync import SyncTransport


class Closing:
    """The context manager and ``close()`` of every client."""

    _transport: SyncTransport

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool (copies made by ``with_options``/``for_user`` share it).

        On the asyncio clients this is a coroutine, and ``close`` is the same coroutine (an awaitable
        alias, for code written against the blocking clients): either must be awaited, or the client
        used as an async context manager. Called without ``await``, ``close()`` closes nothing: it
        only makes a coroutine, which Python reports as never awaited."""
        self._transport.close()
