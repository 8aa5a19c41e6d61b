"""Telling, once per pool, that calls wait for a pooled connection (issue 18).

A pool with every connection busy makes the next call queue silently: 300 concurrent streams
behind httpx's default 100 connections ran in three waves and nothing said why. When an attempt
starts on a full pool, a one-off httpcore ``trace`` callback on that request times how long it
waits for its connection (until the connection starts connecting or sending); a wait longer than
:data:`MOMENT` is logged at INFO on the ``meshkit`` logger, naming the setting to raise. Each pool
is told about once, and then never watched again.

The check per attempt is a length and a comparison on httpcore's pool (no allocation), and only
pools httpx builds itself are watched: an injected client on another transport (aiohttp, a mock)
has no httpcore pool to read, and is left alone.
"""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Callable
from typing import Any

import httpx

logger = logging.getLogger("meshkit")

MOMENT = 0.1  # seconds a call may wait for a connection before it is worth a line
# httpcore's first trace events once the pool has handed the request a connection: a new one
# starts connecting, a kept-alive one starts sending.
_CONNECTED = (
    "connection.connect_tcp.started",
    "connection.connect_unix_socket.started",
    "http11.send_request_headers.started",
    "http2.send_request_headers.started",
)
_told: weakref.WeakSet[Any] = weakref.WeakSet()  # the pools already told about
_EARLIER = "meshkit.pool_watch"  # request extension: the trace callback ours replaced (never sent)


class PoolWatch:
    """Watches one pool: :meth:`attempt` before each attempt (a length and a comparison), and
    :meth:`time_wait` when the pool is full."""

    __slots__ = ("pool", "setting")

    def __init__(self, pool: Any, *, made_here: bool) -> None:
        self.pool = pool
        self.setting = (
            "max_connections= on the client"
            if made_here
            else "the limits of the http_client= you passed (httpx.Limits(max_connections=...))"
        )

    @classmethod
    def of(cls, http: httpx.Client | httpx.AsyncClient, *, made_here: bool) -> PoolWatch | None:
        """A watch on the httpcore pool behind ``http`` (``made_here``: by meshkit, sized by
        ``max_connections=``), or None when it has none to read."""
        pool = getattr(getattr(http, "_transport", None), "_pool", None)
        requests, limit = getattr(pool, "_requests", None), getattr(pool, "_max_connections", None)
        if isinstance(requests, list) and isinstance(limit, int) and pool not in _told:
            return cls(pool, made_here=made_here)
        return None

    def attempt(self, request: httpx.Request, *, awaited: bool) -> None:
        """Before each attempt: drop the timer an earlier attempt of the same request left (its
        wait is over; retries reuse the request), and time this one's wait when the pool is full."""
        extensions = request.extensions
        if _EARLIER in extensions:
            earlier = extensions.pop(_EARLIER)
            if earlier is None:
                extensions.pop("trace", None)
            else:
                extensions["trace"] = earlier
        pool = self.pool
        if len(pool._requests) >= pool._max_connections and pool not in _told:  # this attempt queues
            self.time_wait(request, awaited=awaited)

    def time_wait(self, request: httpx.Request, *, awaited: bool) -> None:
        """Time ``request``'s wait for a connection, and tell once if it was more than a moment.
        httpcore awaits the trace callback of an asyncio client (``awaited``) and calls a blocking
        client's; a callback already on the request is called after ours, as it was."""
        started = time.monotonic()
        earlier: Callable[[str, dict[str, Any]], Any] | None = request.extensions.get("trace")
        request.extensions[_EARLIER] = earlier
        pending = [True]

        def connected(name: str) -> None:
            if not pending or name not in _CONNECTED:
                return
            pending.clear()
            waited = time.monotonic() - started
            if waited > MOMENT and self.pool not in _told:
                _told.add(self.pool)
                logger.info(
                    "calls are waiting for a pooled connection: all %d connections were in use and one call "
                    "waited %.1f s; raise %s to run more calls at once (told once per pool)",
                    self.pool._max_connections,
                    waited,
                    self.setting,
                )

        if awaited:

            async def atrace(name: str, info: dict[str, Any]) -> None:
                connected(name)
                if earlier is not None:
                    await earlier(name, info)

            request.extensions["trace"] = atrace
        else:

            def trace(name: str, info: dict[str, Any]) -> None:
                connected(name)
                if earlier is not None:
                    earlier(name, info)

            request.extensions["trace"] = trace
