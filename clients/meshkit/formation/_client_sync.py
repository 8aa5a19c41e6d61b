# Generated from clients/meshkit/formation/_client_async.py by generator/unasync.py (make generate); do not edit.
"""The formation client (asyncio here; make generate writes the blocking twin): one MUXI formation's API.

Each method plans its call once, purely (``_base``), and sends the plan; the blocking twin differs
only in not awaiting it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

import httpx

from .._core.closing_sync import Closing
from .._core.config import TimeoutArg
from .._core.events import ChatEvent, ChatEventDecoder
from .._core.guards import Guards
from .._core.limits import Limits
from .._core.streams_sync import Stream
from .._core.transport_sync import SyncTransport
from ._base import _FormationBase, _secret_value, _secrets
from ._results import ChatResult, Session, SessionSummary, TrackedRequest, _unset_to

if TYPE_CHECKING:
    from .._generated.models import (
        Agent,
        FormationHealth,
        Job,
        RequestCancellation,
        TriggerFireResult,
    )
    from .._operations.formation_sync import FormationOperations


class Formation(Closing, _FormationBase):
    """A MUXI formation: calls and streams over one connection pool.

    Configure with arguments or the environment (``MUXI_FORMATION_URL`` — or ``MUXI_SERVER_URL`` and
    ``MUXI_FORMATION_ID`` — ``MUXI_CLIENT_KEY``, ``MUXI_ADMIN_KEY``). Close it with
    ``formation.close()`` or use it as a context manager (``with``).

    >>> with Formation(url="http://localhost:8001", client_key="fmc_...") as formation:  # doctest: +SKIP
    ...     print(formation.chat("Hello!").text)
    """

    _transport_type = SyncTransport

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
        http_client: httpx.Client | None = None,
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
        http = http_client if http_client is not None else httpx.Client(timeout=settings.timeout)
        self._start(settings, http, owns_http=http_client is None)

    @cached_property
    def ops(self) -> FormationOperations:
        """Every formation operation of the spec as a typed method, with this client's user, auth,
        retries and timeouts: ``formation.ops.list_memories(limit=5, as_user="alice")``."""
        from .._operations.formation_sync import FormationOperations

        return FormationOperations(self)

    # --- chat --------------------------------------------------------------------------------------

    def chat(
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

        >>> formation.chat("Hello!").text        # doctest: +SKIP
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
        return self._transport.run(self._chat_plan(body, user_id=user_id, idempotency_key=idempotency_key))

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
    ) -> Stream[ChatEvent]:
        """Stream the answer as typed events; ``event.text`` is the delta, ``stream.text`` the whole.
        The request is sent on first iteration: ``for event in formation.chat_stream(...)``.
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

    def get_session(self, session_id: str, *, user_id: str | None = None) -> Session:
        """A session with its history (``.messages``, oldest first). Without a user id: user "0"."""
        user = self._required_user(user_id)
        summary = self.ops.get_session(session_id, as_user=user)
        history = self.ops.get_session_messages(session_id, limit=1000, as_user=user)
        return self._session_from(summary, history)

    def list_sessions(
        self, *, user_id: str | None = None, active_only: bool = False, limit: int = 50
    ) -> list[SessionSummary]:
        """The user's sessions (most recent first)."""
        answer = self.ops.list_sessions(active_only=active_only, limit=limit, as_user=self._required_user(user_id))
        return [SessionSummary.from_model(item) for item in _unset_to(answer.sessions, [])]

    # --- requests ----------------------------------------------------------------------------------

    def list_requests(self, *, user_id: str | None = None) -> list[TrackedRequest]:
        """The requests the runtime tracks: the user's (with the client key); with the admin key
        and no user, everyone's."""
        answer = self.ops.list_requests(as_user=user_id)
        return [TrackedRequest.from_model(item) for item in _unset_to(answer.requests, [])]

    def get_request(self, request_id: str, *, user_id: str | None = None) -> TrackedRequest:
        """A tracked request, e.g. ``formation.get_request(result.request_id)`` after a chat."""
        return TrackedRequest.from_model(self.ops.get_request_status(request_id, as_user=user_id))

    def cancel_request(self, request_id: str, *, user_id: str | None = None) -> RequestCancellation:
        """Cancel a request in flight (``.cancellation``: immediate or cooperative)."""
        return self.ops.cancel_request(request_id, as_user=user_id)

    # --- agents, triggers, secrets, jobs -------------------------------------------------------------

    def list_agents(self) -> list[Agent]:
        """The formation's agents (admin key)."""
        return list(self.ops.list_agents().agents)

    def get_agent(self, agent_id: str) -> Agent:
        """One agent (admin key); NotFoundError when there is none."""
        return self.ops.get_agent(agent_id)

    def list_triggers(self) -> list[str]:
        """The names of the formation's triggers."""
        return list(_unset_to(self.ops.list_triggers().triggers, []))

    def trigger(
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
        return self.ops.fire_trigger(name, body=body, as_user=user_id, idempotency_key=idempotency_key)

    def list_secrets(self) -> dict[str, str]:
        """Secret names and their masked values (admin key)."""
        return _secrets(self.ops.list_secrets())

    def get_secret(self, key: str) -> str:
        """The masked value of one secret (the runtime has no single-secret read: this reads the list)."""
        return _secret_value(self.ops.list_secrets(), key)

    def create_secret(self, key: str, value: str) -> None:
        """Create a secret (ConflictError if it exists)."""
        self.ops.create_secret(body={"key": key, "value": value})

    def update_secret(self, key: str, value: str) -> None:
        """Change an existing secret (NotFoundError if it does not exist: updates never create)."""
        self.ops.update_secret(key, body={"value": value})

    def delete_secret(self, key: str) -> None:
        """Delete a secret (ConflictError while the formation uses it)."""
        self.ops.delete_secret(key)

    def create_job(
        self, type: Literal["one_time", "recurring"], schedule: str, message: str, *, user_id: str | None = None
    ) -> Job:
        """Schedule a message (admin key): a cron expression (recurring) or an ISO 8601 time (one_time).
        The Job answered carries them as ``cron_expression`` or ``scheduled_for``, and ``status``."""
        body = {"type": type, "schedule": schedule, "message": message}
        return self.ops.create_scheduler_job(body=body, as_user=user_id)

    def health(self) -> FormationHealth:
        """The runtime's health (no key needed)."""
        return self.ops.get_health()


__all__ = ["Formation"]
