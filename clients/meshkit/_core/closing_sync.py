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
        """Close the connection pool (copies made by ``with_options``/``for_user`` share it)."""
        self._transport.close()
