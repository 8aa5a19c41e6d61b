"""The formation client (asyncio here; make generate writes the blocking twin): one MUXI formation's API.

Each method plans its call once, purely (``_base``), and sends the plan; the blocking twin differs
only in not awaiting it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Literal, Unpack

import httpx

from .._core.client_base import HttpBackend
from .._core.closing_async import AsyncClosing
from .._core.config import TimeoutArg
from .._core.events import ChatEvent, ChatEventDecoder
from .._core.guards import Guards
from .._core.limits import Limits
from .._core.options import RequestOptions
from .._core.raw_async import AsyncRawAccess
from .._core.streams_async import AsyncStream
from .._core.telemetry import Hooks
from .._core.transport_async import AsyncTransport
from ._base import (
    GET_SESSION_MAX_MESSAGES,
    LISTING_MAX,
    MEMORIES_PAGE_MAX,
    MESSAGES_PAGE_MAX,
    _at_most,
    _FormationBase,
    _MemoryPages,
    _MessagePages,
    _page_size,
    _secret_value,
    _secrets,
    _since,
    _unpaged,
)
from ._results import ChatResult, Session, SessionMessage, SessionSummary, TrackedRequest, _or_default

if TYPE_CHECKING:
    from .._generated.models import (
        Agent,
        AuditEntry,
        FormationHealth,
        Job,
        Memory,
        RequestCancellation,
        TriggerFireResult,
    )
    from .._operations.formation_async import AsyncFormationOperations


class AsyncFormation(AsyncClosing, AsyncRawAccess, _FormationBase):
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
        default_headers: Mapping[str, str] | None = None,
        hooks: Hooks | None = None,
        max_connections: int | None = None,
        http_backend: HttpBackend = "httpx",
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
            default_headers=default_headers,
            hooks=hooks,
        )
        self._open(settings, http_client, max_connections=max_connections, http_backend=http_backend)

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
        files: Sequence[Mapping[str, object]] | None = None,
        stream: Literal[False] = False,
        **options: Unpack[RequestOptions],
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
            extra_body=options.pop("extra_body", None),
        )
        return await self._transport.run(
            self._chat_plan(body, user_id=user_id, idempotency_key=idempotency_key), options
        )

    def chat_stream(
        self,
        message: str,
        *,
        agent: str | None = None,
        session_id: str | None = None,
        user_id: str | None = None,
        idempotency_key: str | None = None,
        files: Sequence[Mapping[str, object]] | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStream[ChatEvent]:
        """Stream the answer as typed events; ``event.text`` is the delta, ``stream.text`` the whole.
        The request is sent on first iteration: ``async for event in formation.chat_stream(...)``.
        A refusal before the first event (a 503 or 429, a failed connect) is retried with the same
        idempotency key (yours, or a generated one); once events arrive nothing is re-sent."""
        body = self._chat_body(
            message,
            stream=True,
            agent=agent,
            session_id=session_id,
            files=files,
            extra_body=options.pop("extra_body", None),
        )
        plan = self._chat_stream_plan(body, user_id=user_id, idempotency_key=idempotency_key)
        return self._transport.stream(plan, ChatEventDecoder(), options)

    # --- sessions ----------------------------------------------------------------------------------

    def create_session(self) -> Session:
        """A new session id (``sess_…``); the runtime creates the session with its first chat."""
        return self._new_session()

    async def get_session(
        self,
        session_id: str,
        *,
        user_id: str | None = None,
        max_messages: int | None = GET_SESSION_MAX_MESSAGES,
        **options: Unpack[RequestOptions],
    ) -> Session:
        """A session with its whole history (``.messages``, oldest first), read 1,000 messages a
        page until the runtime says there are no more. Without a user id: user "0".

        ``session.complete`` is False when the history may hold more than ``messages``: past
        ``max_messages`` (10,000 by default; None for no bound), or when the server would not page
        (muxi-runtime 1.20260928.0 ignores ``before``: it gives the oldest 1,000 messages only).
        ``messages`` are then the messages read: the newest on a server that pages as the spec
        reads ``before``, the oldest 1,000 on that runtime.

        >>> session = await formation.get_session("sess_1", user_id="alice")  # doctest: +SKIP
        >>> len(session.messages), session.complete  # doctest: +SKIP
        (2, True)
        """
        user = self._required_user(user_id)
        walk = _MessagePages(session_id, MESSAGES_PAGE_MAX, _at_most(max_messages, "max_messages"))
        summary = await self.ops.get_session(session_id, as_user=user, **options)
        pages = []
        while (query := walk.query()) is not None:
            page = await self.ops.get_session_messages(session_id, as_user=user, **query, **options)
            pages.append(walk.take(page))
        return self._session_from(summary, pages, walk)

    def iter_session_messages(
        self,
        session_id: str,
        *,
        user_id: str | None = None,
        page_size: int = 100,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[SessionMessage]:
        """A session's messages, **newest first**, fetched ``page_size`` (1-1,000) at a time as the
        loop asks for them, backwards with the API's ``before`` cursor; ``limit`` stops after that
        many. A server that hands back what was read already raises ResponseValidationError.
        muxi-runtime 1.20260928.0 ignores ``before`` and answers the *oldest* page: there this
        yields that page (newest of it first) and raises past it; a ``limit`` within one page gets
        the oldest messages with no error, as one page cannot tell which end it came from.

        >>> async for message in formation.iter_session_messages("sess_1", limit=20):  # doctest: +SKIP
        ...     print(message.role, message.content)
        """
        walk = _MessagePages(session_id, _page_size(page_size, MESSAGES_PAGE_MAX), _at_most(limit))
        return self._read_messages(session_id, self._required_user(user_id), walk, options)

    async def _read_messages(
        self, session_id: str, user: str, walk: _MessagePages, options: RequestOptions
    ) -> AsyncIterator[SessionMessage]:
        while (query := walk.query()) is not None:
            page = walk.take(await self.ops.get_session_messages(session_id, as_user=user, **query, **options))
            for message in reversed(page):  # sync: yield from reversed(page)
                yield message  # sync: -
        if walk.problem is not None:
            raise walk.problem

    async def list_sessions(
        self,
        *,
        user_id: str | None = None,
        active_only: bool = False,
        limit: int = 50,
        **options: Unpack[RequestOptions],
    ) -> list[SessionSummary]:
        """The user's sessions (most recent first)."""
        answer = await self.ops.list_sessions(
            active_only=active_only, limit=limit, as_user=self._required_user(user_id), **options
        )
        return [SessionSummary.from_model(item) for item in _or_default(answer.sessions, [])]

    def iter_sessions(
        self,
        *,
        user_id: str | None = None,
        active_only: bool = False,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[SessionSummary]:
        """The user's sessions, most recent first. The API has no cursor for sessions: this is one
        request for ``limit`` (at most 1,000) of them. Without a limit, an answer of 1,000, the
        most it lists, raises MeshkitError once they are all yielded, as there may be more."""
        most = _at_most(limit, maximum=LISTING_MAX)
        return self._read_sessions(self._required_user(user_id), active_only, most, options)

    async def _read_sessions(
        self, user: str, active_only: bool, limit: int | None, options: RequestOptions
    ) -> AsyncIterator[SessionSummary]:
        answer = await self.ops.list_sessions(
            active_only=active_only, limit=limit or LISTING_MAX, as_user=user, **options
        )
        for item in answer.sessions[:limit]:
            yield SessionSummary.from_model(item)
        if limit is None and len(answer.sessions) >= LISTING_MAX:
            raise _unpaged("list_sessions", "sessions", len(answer.sessions))

    # --- requests ----------------------------------------------------------------------------------

    async def list_requests(
        self, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> list[TrackedRequest]:
        """The requests the runtime tracks: the user's (with the client key); with the admin key
        and no user, everyone's."""
        answer = await self.ops.list_requests(as_user=user_id, **options)
        return [TrackedRequest.from_model(item) for item in _or_default(answer.requests, [])]

    def iter_requests(
        self, *, user_id: str | None = None, limit: int | None = None, **options: Unpack[RequestOptions]
    ) -> AsyncIterator[TrackedRequest]:
        """The tracked requests, as :meth:`list_requests` gives them (the API answers them all at
        once: one request); ``limit`` stops after that many."""
        return self._read_requests(user_id, _at_most(limit), options)

    async def _read_requests(
        self, user_id: str | None, limit: int | None, options: RequestOptions
    ) -> AsyncIterator[TrackedRequest]:
        answer = await self.ops.list_requests(as_user=user_id, **options)
        for item in answer.requests[:limit]:
            yield TrackedRequest.from_model(item)

    async def get_request(
        self, request_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> TrackedRequest:
        """A tracked request, e.g. ``formation.get_request(result.request_id)`` after a chat."""
        return TrackedRequest.from_model(await self.ops.get_request_status(request_id, as_user=user_id, **options))

    async def cancel_request(
        self, request_id: str, *, user_id: str | None = None, **options: Unpack[RequestOptions]
    ) -> RequestCancellation:
        """Cancel a request in flight (``.cancellation``: immediate or cooperative)."""
        return await self.ops.cancel_request(request_id, as_user=user_id, **options)

    # --- memories and audit ------------------------------------------------------------------------

    def iter_memories(
        self,
        *,
        user_id: str | None = None,
        scopes: Sequence[str] | str | None = None,
        page_size: int = MEMORIES_PAGE_MAX,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[Memory]:
        """The memories the user can read (``scopes``: ``user``, ``group``, ``formation``; default
        all), newest first, fetched ``page_size`` (1-100) at a time with the API's ``offset``;
        ``limit`` stops after that many. A memory added meanwhile shifts the pages: one seen
        already is skipped. A server that ignores ``offset`` raises ResponseValidationError.

        >>> async for memory in formation.iter_memories(user_id="alice"):  # doctest: +SKIP
        ...     print(memory.id, memory.content)
        """
        walk = _MemoryPages(_page_size(page_size, MEMORIES_PAGE_MAX), _at_most(limit))
        scoped = scopes if scopes is None or isinstance(scopes, str) else ",".join(scopes)
        return self._read_memories(self._required_user(user_id), scoped, walk, options)

    async def _read_memories(
        self, user: str, scopes: str | None, walk: _MemoryPages, options: RequestOptions
    ) -> AsyncIterator[Memory]:
        while (query := walk.query()) is not None:
            page = walk.take(await self.ops.list_memories(scopes=scopes, as_user=user, **query, **options))
            for memory in page:  # sync: yield from page
                yield memory  # sync: -
        if walk.problem is not None:
            raise walk.problem

    def iter_audit_entries(
        self,
        *,
        action: str | None = None,
        resource_type: str | None = None,
        since: datetime | str | None = None,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncIterator[AuditEntry]:
        """The audit log (admin key), newest first, filtered as ``GET /audit`` filters (``since``: a
        datetime, naive read as UTC, or an ISO 8601 string). The API has no cursor: this is one
        request for ``limit`` (at most 1,000); without a limit, an answer of 1,000 raises
        MeshkitError once they are all yielded, as there may be more."""
        most = _at_most(limit, maximum=LISTING_MAX)
        return self._read_audit(action, resource_type, _since(since), most, options)

    async def _read_audit(
        self,
        action: str | None,
        resource_type: str | None,
        since: str | None,
        limit: int | None,
        options: RequestOptions,
    ) -> AsyncIterator[AuditEntry]:
        answer = await self.ops.get_audit_log(
            limit=limit or LISTING_MAX, action=action, resource_type=resource_type, since=since, **options
        )
        for entry in answer.entries[:limit]:  # sync: yield from answer.entries[:limit]
            yield entry  # sync: -
        if limit is None and len(answer.entries) >= LISTING_MAX:
            raise _unpaged("get_audit_log", "entries", len(answer.entries))

    # --- agents, triggers, secrets, jobs -------------------------------------------------------------

    async def list_agents(self, **options: Unpack[RequestOptions]) -> list[Agent]:
        """The formation's agents (admin key)."""
        return list((await self.ops.list_agents(**options)).agents)

    async def get_agent(self, agent_id: str, **options: Unpack[RequestOptions]) -> Agent:
        """One agent (admin key); NotFoundError when there is none."""
        return await self.ops.get_agent(agent_id, **options)

    async def list_triggers(self, **options: Unpack[RequestOptions]) -> list[str]:
        """The names of the formation's triggers."""
        return list(_or_default((await self.ops.list_triggers(**options)).triggers, []))

    async def trigger(
        self,
        name: str,
        data: Mapping[str, object] | None = None,
        *,
        session_id: str | None = None,
        use_async: bool = True,
        user_id: str | None = None,
        idempotency_key: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> TriggerFireResult:
        """Fire a trigger with ``data``; with ``use_async=False`` the answer's ``content`` is in the result."""
        body = self._trigger_body(data, session_id=session_id, use_async=use_async)
        return await self.ops.fire_trigger(name, body=body, as_user=user_id, idempotency_key=idempotency_key, **options)

    async def list_secrets(self, **options: Unpack[RequestOptions]) -> dict[str, str]:
        """Secret names and their masked values (admin key)."""
        return _secrets(await self.ops.list_secrets(**options))

    async def get_secret(self, key: str, **options: Unpack[RequestOptions]) -> str:
        """The masked value of one secret (the runtime has no single-secret read: this reads the list)."""
        return _secret_value(await self.ops.list_secrets(**options), key)

    async def create_secret(self, key: str, value: str, **options: Unpack[RequestOptions]) -> None:
        """Create a secret (ConflictError if it exists)."""
        await self.ops.create_secret(body={"key": key, "value": value}, **options)

    async def update_secret(self, key: str, value: str, **options: Unpack[RequestOptions]) -> None:
        """Change an existing secret (NotFoundError if it does not exist: updates never create)."""
        await self.ops.update_secret(key, body={"value": value}, **options)

    async def delete_secret(self, key: str, **options: Unpack[RequestOptions]) -> None:
        """Delete a secret (ConflictError while the formation uses it)."""
        await self.ops.delete_secret(key, **options)

    async def create_job(
        self,
        type: Literal["one_time", "recurring"],
        schedule: str,
        message: str,
        *,
        user_id: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> Job:
        """Schedule a message (admin key): a cron expression (recurring) or an ISO 8601 time (one_time).
        The Job answered carries them as ``cron_expression`` or ``scheduled_for``, and ``status``."""
        body = {"type": type, "schedule": schedule, "message": message}
        return await self.ops.create_scheduler_job(body=body, as_user=user_id, **options)

    async def health(self, **options: Unpack[RequestOptions]) -> FormationHealth:
        """The runtime's health (no key needed)."""
        return await self.ops.get_health(**options)


__all__ = ["AsyncFormation"]
