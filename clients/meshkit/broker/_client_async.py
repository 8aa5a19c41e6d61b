"""The AiMesh broker client (asyncio here; make generate writes the blocking twin)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Unpack

import httpx

from .._core.client_base import HttpBackend
from .._core.closing_async import AsyncClosing
from .._core.config import TimeoutArg, resolve_broker
from .._core.errors import MeshkitError
from .._core.guards import Guards
from .._core.io_hooks import amap_bounded
from .._core.limits import DEFAULT_LIMITS, Limits
from .._core.options import RequestOptions, default_headers_setting
from .._core.raw_async import AsyncRawAccess
from .._core.telemetry import Hooks
from .._core.transport_async import AsyncTransport
from ._base import DEFAULT_MAX_IN_FLIGHT, _BrokerBase
from ._models import Acknowledgment, BrokerHealth, BrokerStats, BudgetInfo, EndpointMetrics, Message, SendResult

if TYPE_CHECKING:
    from .._operations.broker_async import AsyncBrokerOperations


class AsyncAiMeshClient(AsyncClosing, AsyncRawAccess, _BrokerBase):
    """The AiMesh broker over one connection pool.

    ``AsyncAiMeshClient("http://localhost:9000")`` as in the seed SDK; without ``base_url`` it reads
    ``AIMESH_URL`` (default ``http://localhost:9000``), without ``api_key`` ``AIMESH_API_KEY`` (no
    key, no ``Authorization`` header). ``timeout`` is in seconds (default 30) or an
    ``httpx.Timeout``; ``max_retries`` (default 2) — see the module docstring for what is retried.
    An injected ``http_client`` lends only its pool. Close with ``await client.aclose()`` or use
    ``async with``.
    """

    _transport_type = AsyncTransport

    def __init__(
        self,
        base_url: str | None = None,
        timeout: TimeoutArg = None,
        api_key: str | None = None,
        *,
        max_retries: int | None = None,
        http_client: httpx.AsyncClient | None = None,
        guards: Guards | None = None,
        limits: Limits | None = None,
        default_headers: Mapping[str, str] | None = None,
        hooks: Hooks | None = None,
        max_connections: int | None = None,
        http_backend: HttpBackend = "httpx",
    ) -> None:
        settings = resolve_broker(base_url=base_url, api_key=api_key, timeout=timeout, max_retries=max_retries)
        settings = settings.with_changes(
            guards=guards,
            limits=limits or DEFAULT_LIMITS,
            default_headers=default_headers_setting(default_headers),
            hooks=hooks,
        )
        self._open(settings, http_client, max_connections=max_connections, http_backend=http_backend)

    @cached_property
    def ops(self) -> AsyncBrokerOperations:
        """Every broker operation of the spec as a typed method (generated models in and out), with
        this client's auth, retries and typed errors: ``client.ops.get_budget("my-agent")``."""
        from .._operations.broker_async import AsyncBrokerOperations

        return AsyncBrokerOperations(self._transport)

    # --- messages ------------------------------------------------------------------------------------

    async def send_message(self, message: Message, **options: Unpack[RequestOptions]) -> Acknowledgment:
        """Send one message; BudgetExceededError (402), RateLimitError (429), ServerError (503 when
        no endpoint is healthy) and ValidationError (400, or before sending) say why not."""
        return await self._transport.run(self._send_message_plan(message), options)

    async def send_batch(self, messages: Iterable[Message], **options: Unpack[RequestOptions]) -> list[Acknowledgment]:
        """Send messages in one request; one acknowledgment per message, same order. An item the
        broker refuses gets a failed acknowledgment (``is_success`` False, ``error_code`` set)
        instead of failing the batch; an item that breaks a rule here raises ValidationError
        (field ``messages[i].<field>``) and nothing is sent."""
        return await self._transport.run(self._send_batch_plan(messages), options)

    async def send_many(
        self,
        messages: Iterable[Message],
        *,
        max_in_flight: int = DEFAULT_MAX_IN_FLIGHT,
        **options: Unpack[RequestOptions],
    ) -> list[SendResult]:
        """Send messages one request each, at most ``max_in_flight`` at a time, sharing this pool.

        Returns one item per message in input order: its Acknowledgment, or the MeshkitError it
        failed with (nothing dropped, one failure stops nothing)::

            results = await client.send_many(messages, max_in_flight=20)
            failed = [r for r in results if isinstance(r, MeshkitError)]
        """
        workers = self._check_max_in_flight(max_in_flight)

        async def send_one(message: Message) -> SendResult:
            try:
                return await self.send_message(message, **options)
            except MeshkitError as exc:
                return exc

        return await amap_bounded(send_one, list(messages), workers)

    # --- endpoints -----------------------------------------------------------------------------------

    async def register_endpoint(self, metrics: EndpointMetrics, **options: Unpack[RequestOptions]) -> EndpointMetrics:
        """Register (or replace) an endpoint; returns it as the broker stored it."""
        return await self._transport.run(self._register_plan(metrics), options)

    async def list_endpoints(self, **options: Unpack[RequestOptions]) -> list[EndpointMetrics]:
        """Every registered endpoint, sorted by id."""
        return await self._transport.run(self._LIST_ENDPOINTS, options)

    async def remove_endpoint(self, endpoint_id: str, **options: Unpack[RequestOptions]) -> bool:
        """Remove an endpoint (the id is percent-encoded, so ``/`` and spaces are fine); True, or
        NotFoundError for an unknown id."""
        return await self._transport.run(self._remove_plan(endpoint_id), options)

    # --- budgets -------------------------------------------------------------------------------------

    async def set_budget(
        self, agent_id: str, tokens: float, reset_at: int | None = None, **options: Unpack[RequestOptions]
    ) -> BudgetInfo:
        """Create or overwrite an agent's token budget (``reset_at`` in epoch ns is stored only)."""
        return await self._transport.run(self._set_budget_plan(agent_id, tokens, reset_at), options)

    async def get_budget(self, agent_id: str, **options: Unpack[RequestOptions]) -> BudgetInfo:
        """An agent's budget, with ``utilization_percent``; NotFoundError when it has none."""
        return await self._transport.run(self._budget_plan("get_budget", agent_id), options)

    async def reset_budget(self, agent_id: str, **options: Unpack[RequestOptions]) -> BudgetInfo:
        """Give an agent its initial tokens back; NotFoundError when it has no budget."""
        return await self._transport.run(self._budget_plan("reset_budget", agent_id), options)

    # --- stats ---------------------------------------------------------------------------------------

    async def get_stats(self, **options: Unpack[RequestOptions]) -> BrokerStats:
        """Counters, latencies and router state (a typed view; ``.raw`` is the answer)."""
        return await self._transport.run(self._STATS, options)

    async def get_metrics(self, **options: Unpack[RequestOptions]) -> str:
        """The Prometheus text exposition, unparsed."""
        return await self._transport.run(self._METRICS, options)

    async def health_check(self, **options: Unpack[RequestOptions]) -> BrokerHealth:
        """The broker's health (``.status``, ``.uptime_secs``…; ``health["status"]`` works too)."""
        return await self._transport.run(self._HEALTH, options)


__all__ = ["AsyncAiMeshClient"]
