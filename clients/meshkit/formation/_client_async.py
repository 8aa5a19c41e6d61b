"""The formation client (asyncio here; make generate writes the blocking twin): one MUXI formation's API.

Each method plans its call once, purely (``_base``), and sends the plan; the blocking twin differs
only in not awaiting it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

import httpx

from .._core.closing_async import AsyncClosing
from .._core.config import TimeoutArg
from .._core.events import ChatEvent, ChatEventDecoder
from .._core.guards import Guards
from .._core.limits import Limits
from .._core.streams_async import AsyncStream
from .._core.transport_async import AsyncTransport
from ._base import _FormationBase, _secret_value, _secrets
from ._results import ChatResult, Session, SessionSummary, TrackedRequest, _unset_to

if TYPE_CHECKING:
    from .._generated.models import Agent, FormationHealth, Job, RequestCancellation, TriggerFireResult
    from .._operations.formation_async import AsyncFormationOperations


class AsyncFormation(AsyncClosing, _FormationBase):
    """A MUXI formation: calls and streams over one connection pool.

    Configure with arguments or the environment (``MUXI_FORMATION_URL`` — or ``MUXI_SERVER_URL`` and
    ``MUXI_FORMATION_ID`` — ``MUXI_CLIENT_KEY``, ``MUXI_ADMIN_KEY``). Close it with
    ``await formation.aclose()`` or use it as a context manager (``async with``).

    >>> async with AsyncFormation(url="http://localhost:8001", client_key="fmc_...") as formation:  # doctest: +SKIP
    ...     print((await formation.chat("Hello!")).text)
    """

    _transport_type = AsyncTransport

    def __init__(
        self,
        url: str | None = None,
        client_key: str | None = None,
        admin_key: str | None = None,
        *,
        base_url: str | None = None,
        server_url: str | None = None,
        formation_id: str | None = None,
        mode: Literal["live", "draft"] = "live",
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        app_name: str | None = None,
        http_client: httpx.AsyncClient | None = None,
        guards: Guards | None = None,
        limits: Limits | None = None,
    ) -> None:
        settings = self._resolve(
            url,
            client_key,
            admin_key,
            base_url=base_url,
            server_url=server_url,
            formation_id=formation_id,
            mode=mode,
            timeout=timeout,
            max_retries=max_retries,
            app_name=app_name,
            guards=guards,
            limits=limits,
        )
        # An injected client lends its pool and transport; URLs, auth and headers stay meshkit's.
        http = http_client if http_client is not None else httpx.AsyncClient(timeout=settings.timeout)
        self._start(settings, http, owns_http=http_client is None)

    @cached_property
    def ops(self) -> AsyncFormationOperations:
        """Every formation operation of the spec as a typed method, with this client's user, auth,
        retries and timeouts: ``formation.ops.list_memories(limit=5, as_user="alice")``."""
        from .._operations.formation_async import AsyncFormationOperations

        return AsyncFormationOperations(self)

    # --- chat --------------------------------------------------------------------------------------

    async def chat(
        self,
        message: str,
        *,
        agent: str | None = None,
        session_id: str | None = None,
        user_id: str | None = None,
        idempotency_key: str | None = None,
        request_id: str | None = None,
        files: Sequence[Mapping[str, Any]] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        stream: Literal[False] = False,
    ) -> ChatResult:
        """Send a message and wait for the whole answer (``"stream": false`` on the wire).

        ``request_id`` continues an earlier turn (a clarification); ``files`` are the runtime's file
        parts (``{"filename", "content_type", "data"}``); ``extra_body`` adds body fields this
        method does not name. To stream, call :meth:`chat_stream`.

        >>> (await formation.chat("Hello!")).text        # doctest: +SKIP
        'You said: Hello!'
        """
        if stream:
            raise TypeError("chat() waits for the whole answer; to stream it, call chat_stream(...)")
        body = self._chat_body(
            message,
            stream=False,
            agent=agent,
            session_id=session_id,
            request_id=request_id,
            files=files,
            extra_body=extra_body,
        )
        return await self._transport.run(self._chat_plan(body, user_id=user_id, idempotency_key=idempotency_key))

    def chat_stream(
        self,
        message: str,
        *,
        agent: str | None = None,
        session_id: str | None = None,
        user_id: str | None = None,
        idempotency_key: str | None = None,
        files: Sequence[Mapping[str, Any]] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> AsyncStream[ChatEvent]:
        """Stream the answer as typed events; ``event.text`` is the delta, ``stream.text`` the whole.
        The request is sent on first iteration: ``async for event in formation.chat_stream(...)``.
        A refusal before the first event (a 503 or 429, a failed connect) is retried with the same
        idempotency key (yours, or a generated one); once events arrive nothing is re-sent."""
        body = self._chat_body(
            message, stream=True, agent=agent, session_id=session_id, files=files, extra_body=extra_body
        )
        plan = self._chat_stream_plan(body, user_id=user_id, idempotency_key=idempotency_key)
        return self._transport.stream(plan, ChatEventDecoder())

    # --- sessions ----------------------------------------------------------------------------------

    def create_session(self) -> Session:
        """A new session id (``sess_…``); the runtime creates the session with its first chat."""
        return self._new_session()

    async def get_session(self, session_id: str, *, user_id: str | None = None) -> Session:
        """A session with its history (``.messages``, oldest first). Without a user id: user "0"."""
        user = self._required_user(user_id)
        summary = await self.ops.get_session(session_id, as_user=user)
        history = await self.ops.get_session_messages(session_id, limit=1000, as_user=user)
        return self._session_from(summary, history)

    async def list_sessions(
        self, *, user_id: str | None = None, active_only: bool = False, limit: int = 50
    ) -> list[SessionSummary]:
        """The user's sessions (most recent first)."""
        answer = await self.ops.list_sessions(
            active_only=active_only, limit=limit, as_user=self._required_user(user_id)
        )
        return [SessionSummary.from_model(item) for item in _unset_to(answer.sessions, [])]

    # --- requests ----------------------------------------------------------------------------------

    async def list_requests(self, *, user_id: str | None = None) -> list[TrackedRequest]:
        """The requests the runtime tracks: the user's (with the client key); with the admin key
        and no user, everyone's."""
        answer = await self.ops.list_requests(as_user=user_id)
        return [TrackedRequest.from_model(item) for item in _unset_to(answer.requests, [])]

    async def get_request(self, request_id: str, *, user_id: str | None = None) -> TrackedRequest:
        """A tracked request, e.g. ``formation.get_request(result.request_id)`` after a chat."""
        return TrackedRequest.from_model(await self.ops.get_request_status(request_id, as_user=user_id))

    async def cancel_request(self, request_id: str, *, user_id: str | None = None) -> RequestCancellation:
        """Cancel a request in flight (``.cancellation``: immediate or cooperative)."""
        return await self.ops.cancel_request(request_id, as_user=user_id)

    # --- agents, triggers, secrets, jobs -------------------------------------------------------------

    async def list_agents(self) -> list[Agent]:
        """The formation's agents (admin key)."""
        return list((await self.ops.list_agents()).agents)

    async def get_agent(self, agent_id: str) -> Agent:
        """One agent (admin key); NotFoundError when there is none."""
        return await self.ops.get_agent(agent_id)

    async def list_triggers(self) -> list[str]:
        """The names of the formation's triggers."""
        return list(_unset_to((await self.ops.list_triggers()).triggers, []))

    async def trigger(
        self,
        name: str,
        data: Mapping[str, Any] | None = None,
        *,
        session_id: str | None = None,
        use_async: bool = True,
        user_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> TriggerFireResult:
        """Fire a trigger with ``data``; with ``use_async=False`` the answer's ``content`` is in the result."""
        body = self._trigger_body(data, session_id=session_id, use_async=use_async)
        return await self.ops.fire_trigger(name, body=body, as_user=user_id, idempotency_key=idempotency_key)

    async def list_secrets(self) -> dict[str, str]:
        """Secret names and their masked values (admin key)."""
        return _secrets(await self.ops.list_secrets())

    async def get_secret(self, key: str) -> str:
        """The masked value of one secret (the runtime has no single-secret read: this reads the list)."""
        return _secret_value(await self.ops.list_secrets(), key)

    async def create_secret(self, key: str, value: str) -> None:
        """Create a secret (ConflictError if it exists)."""
        await self.ops.create_secret(body={"key": key, "value": value})

    async def update_secret(self, key: str, value: str) -> None:
        """Change an existing secret (NotFoundError if it does not exist: updates never create)."""
        await self.ops.update_secret(key, body={"value": value})

    async def delete_secret(self, key: str) -> None:
        """Delete a secret (ConflictError while the formation uses it)."""
        await self.ops.delete_secret(key)

    async def create_job(
        self, type: Literal["one_time", "recurring"], schedule: str, message: str, *, user_id: str | None = None
    ) -> Job:
        """Schedule a message (admin key): a cron expression (recurring) or an ISO 8601 time (one_time).
        The Job answered carries them as ``cron_expression`` or ``scheduled_for``, and ``status``."""
        body = {"type": type, "schedule": schedule, "message": message}
        return await self.ops.create_scheduler_job(body=body, as_user=user_id)

    async def health(self) -> FormationHealth:
        """The runtime's health (no key needed)."""
        return await self.ops.get_health()


__all__ = ["AsyncFormation"]
