"""The sync and async send loops: the only code that differs between the two façade families.

Every call — blocking or stream — goes through ``send``: the retry policy around one attempt
function, and the client's opt-in guards (``_core/guards``) around each attempt (circuit breaker,
rate limiter) and around the whole call (max in flight).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from typing import Any

import httpx
import tenacity

from .transport import Call, Wire, mapped_transport_errors


class SyncTransport:
    """Sends prepared calls on one pooled ``httpx.Client``, with the wire's retry policy."""

    def __init__(self, wire: Wire, http: httpx.Client, *, owns_http: bool) -> None:
        self.wire = wire
        self.http = http
        self.owns_http = owns_http

    def send(self, call: Call) -> httpx.Response:
        """The final response of a call (after retries); a stream's body is left unread."""
        retrying = tenacity.Retrying(**self.wire.retry.tenacity_kwargs(call.retry_class))
        guards = self.wire.guards
        if guards is None:
            with mapped_transport_errors():
                response: httpx.Response = retrying(
                    self.http.send, call.request, stream=call.stream, auth=self.wire.auth
                )
            return response
        with guards.slot(), mapped_transport_errors():
            guarded: httpx.Response = retrying(self._guarded_attempt, call.request, stream=call.stream)
        return guarded

    def _guarded_attempt(self, request: httpx.Request, *, stream: bool) -> httpx.Response:
        guards = self.wire.guards
        assert guards is not None
        ticket, wait = guards.admit()
        try:
            if wait > 0:
                time.sleep(wait)
            response = self.http.send(request, stream=stream, auth=self.wire.auth)
        except BaseException as exc:
            guards.settle(ticket, exc)
            raise
        guards.settle(ticket, response)
        return response

    def call(
        self,
        operation_id: str,
        arguments: Mapping[str, Any] | None = None,
        *,
        typed: bool = True,
        **options: Any,
    ) -> Any:
        """Send one operation and return its decoded answer, or raise its typed error."""
        prepared = self.wire.prepare(self.http, operation_id, arguments or {}, **options)
        response = self.send(prepared)
        if response.status_code >= 400:
            raise self.wire.error_for(response)
        return self.wire.result(operation_id, response, typed=typed)

    def open_stream(
        self, operation_id: str, arguments: Mapping[str, Any] | None = None, **options: Any
    ) -> httpx.Response:
        """Start a streaming call; its status is checked before any event is read."""
        prepared = self.wire.prepare(self.http, operation_id, arguments or {}, stream=True, **options)
        response = self.send(prepared)
        if response.status_code >= 400:
            try:
                with mapped_transport_errors():
                    response.read()
            finally:
                response.close()
            raise self.wire.error_for(response)
        return response

    def close(self) -> None:
        if self.owns_http:
            self.http.close()


class AsyncTransport:
    """The async twin of :class:`SyncTransport`, on one pooled ``httpx.AsyncClient``."""

    def __init__(self, wire: Wire, http: httpx.AsyncClient, *, owns_http: bool) -> None:
        self.wire = wire
        self.http = http
        self.owns_http = owns_http

    async def send(self, call: Call) -> httpx.Response:
        retrying = tenacity.AsyncRetrying(**self.wire.retry.async_tenacity_kwargs(call.retry_class))
        guards = self.wire.guards
        if guards is None:
            with mapped_transport_errors():
                response: httpx.Response = await retrying(
                    self.http.send, call.request, stream=call.stream, auth=self.wire.auth
                )
            return response
        async with guards.async_slot():
            with mapped_transport_errors():
                guarded: httpx.Response = await retrying(self._guarded_attempt, call.request, stream=call.stream)
        return guarded

    async def _guarded_attempt(self, request: httpx.Request, *, stream: bool) -> httpx.Response:
        guards = self.wire.guards
        assert guards is not None
        ticket, wait = guards.admit()
        try:
            if wait > 0:
                await asyncio.sleep(wait)
            response = await self.http.send(request, stream=stream, auth=self.wire.auth)
        except BaseException as exc:
            guards.settle(ticket, exc)
            raise
        guards.settle(ticket, response)
        return response

    async def call(
        self,
        operation_id: str,
        arguments: Mapping[str, Any] | None = None,
        *,
        typed: bool = True,
        **options: Any,
    ) -> Any:
        prepared = self.wire.prepare(self.http, operation_id, arguments or {}, **options)
        response = await self.send(prepared)
        if response.status_code >= 400:
            raise self.wire.error_for(response)
        return self.wire.result(operation_id, response, typed=typed)

    async def open_stream(
        self, operation_id: str, arguments: Mapping[str, Any] | None = None, **options: Any
    ) -> httpx.Response:
        prepared = self.wire.prepare(self.http, operation_id, arguments or {}, stream=True, **options)
        response = await self.send(prepared)
        if response.status_code >= 400:
            try:
                with mapped_transport_errors():
                    await response.aread()
            finally:
                await response.aclose()
            raise self.wire.error_for(response)
        return response

    async def aclose(self) -> None:
        if self.owns_http:
            await self.http.aclose()
