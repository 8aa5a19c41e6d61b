"""Formation and AsyncFormation: the MUXI formation API, typed, streaming, multi-user.

    from meshkit import Formation

    formation = Formation(url="http://localhost:8001", client_key="fmc_...")
    print(formation.chat("Hello!").text)
    for event in formation.chat_stream("Tell me a story"):
        print(event.text, end="", flush=True)

Every operation of the spec is reachable through ``formation.ops.<operation_id>(...)`` with the
same auth, retries, typed errors and envelope unwrapping as the hand-written methods; those exist
for good names, defaults and streaming. Each method is planned once (a pure ``_Plan``); the sync
and async classes only differ in how they send it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self

import httpx

from ._core.config import FormationSettings, TimeoutArg, identification_headers, make_timeout, resolve_formation
from ._core.errors import ConfigurationError, MeshkitError, NotFoundError, ResponseValidationError
from ._core.events import ChatEvent, ChatEventDecoder, StreamEvent
from ._core.guards import Guards
from ._core.limits import DEFAULT_LIMITS, Limits
from ._core.ops import Operations, OpsCall
from ._core.retry import RetryPolicy
from ._core.streams import EventDecoder
from ._core.streams_async import AsyncStream
from ._core.streams_sync import Stream
from ._core.transport_async import AsyncTransport
from ._core.transport_sync import SyncTransport
from ._core.wire import Wire, builder_parameters, parse_model
from ._generated.types import Unset

if TYPE_CHECKING:
    from ._generated.models import (
        Agent,
        Job,
        RequestCancellation,
        RequestStatus,
        RequestSummary,
        SessionHistoryMessage,
        TriggerFireResult,
    )
    from ._generated.models import (
        SessionSummary as SessionSummaryModel,
    )

DEFAULT_USER = "0"  # the user the runtime assigns to calls without X-Muxi-User-ID


@dataclass
class ChatResult:
    """A blocking chat's answer: ``text``, and the message's ``content`` as sent (a string, or a
    list of parts as dicts), its ``ui`` widgets and ``artifacts`` (dicts), and the ids.
    ``request_id`` is the id the runtime tracks the turn under (``formation.get_request(...)``):
    ``chat()`` sends one (``req_…``, or yours: ``chat(..., request_id=...)``) and the runtime echoes
    it, as it returns no other trace of its own. ``response`` is the whole answer as the generated
    ``ChatResponse`` model."""

    text: str
    content: Any
    session_id: str | None
    request_id: str | None
    user_id: str | None
    artifacts: list[Any]
    ui: list[dict[str, Any]]
    _answer: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def from_answer(cls, answer: Any) -> ChatResult:
        """From the unwrapped JSON answer. Only what these fields need is checked here; the
        generated model is built when ``response`` is first read, because building it on every
        call was most of a blocking chat's client CPU over raw httpx (bench/)."""
        message = answer.get("message") if isinstance(answer, dict) else None
        if not isinstance(message, dict):
            raise ResponseValidationError("the chat answer has no message object", body=answer)
        content = _or(message.get("content"), "")
        ui, artifacts = _or(message.get("ui"), []), _or(message.get("artifacts"), [])
        if not (_objects(ui) and _objects(artifacts)):
            raise ResponseValidationError("the chat answer's ui and artifacts must be lists of objects", body=answer)
        return cls(
            text=_text_of(content),
            content=content,
            session_id=_text_or_none(answer.get("session_id")),
            request_id=_text_or_none(answer.get("request_id")),
            user_id=_text_or_none(answer.get("user_id")),
            artifacts=artifacts,
            ui=ui,
            _answer=answer,
        )

    @cached_property
    def response(self) -> Any:
        """The answer as the generated ``ChatResponse`` model (built on first access)."""
        return parse_model("ChatResponse", self._answer)


def _new_request_id() -> str:
    return f"req_{uuid.uuid4().hex}"


def _or(value: Any, default: Any) -> Any:
    return default if value is None else value


def _objects(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, dict) for item in value)


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _datetime(value: Any) -> datetime | None:
    """A time the runtime sent, as a timezone-aware ``datetime``: it sends epoch seconds (a float)
    in most answers and ISO 8601 strings in a few; a string without an offset is read as UTC.
    ``None``, unset, or anything unreadable gives ``None``."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, str) and value.strip():
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def _unset_to(value: Any, default: Any) -> Any:
    return default if value is None or isinstance(value, Unset) else value


def _extra(model: Any) -> dict[str, Any]:
    extra = getattr(model, "additional_properties", None)
    return dict(extra) if isinstance(extra, dict) else {}


@dataclass
class SessionMessage:
    """A message of a session's history. The runtime stores ``{text, metadata: {role, timestamp,
    agent_id, request_id, …}, timestamp, …}``; this gives ``role``, ``content`` (the text) and
    ``timestamp`` from where it puts them. ``metadata`` is the runtime's metadata as a dict;
    ``raw`` is the generated ``SessionHistoryMessage``."""

    role: str | None
    content: str
    timestamp: datetime | None
    agent_id: str | None = None
    request_id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    raw: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def from_model(cls, message: SessionHistoryMessage) -> SessionMessage:
        metadata_model = _unset_to(message.metadata, None)
        metadata = metadata_model.to_dict() if metadata_model is not None else {}
        extra = _extra(message)  # older shapes: role/content at the top
        text = _unset_to(message.text, None)
        content = text if isinstance(text, str) else extra.get("content")
        return cls(
            role=_text_or_none(metadata.get("role", extra.get("role"))),
            content=content if isinstance(content, str) else _text_of(content),
            timestamp=_datetime(metadata.get("timestamp")) or _datetime(_unset_to(message.timestamp, None)),
            agent_id=_text_or_none(metadata.get("agent_id", extra.get("agent_id"))),
            request_id=_text_or_none(metadata.get("request_id")),
            metadata=metadata,
            raw=message,
        )


@dataclass
class SessionSummary:
    """A session as ``list_sessions()`` lists it; ``last_activity`` is a timezone-aware datetime."""

    session_id: str
    user_id: str | None
    active: bool | None
    last_activity: datetime | None
    raw: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def from_model(cls, summary: SessionSummaryModel) -> SessionSummary:
        return cls(
            session_id=_unset_to(summary.session_id, ""),
            user_id=_unset_to(summary.user_id, None),
            active=_unset_to(summary.active, None),
            last_activity=_datetime(_unset_to(summary.last_activity, None)),
            raw=summary,
        )


@dataclass
class Session:
    """A conversation. ``create_session()`` only picks a new id: the runtime creates the session
    with the first chat that names it. ``get_session()`` fills the rest: the times are
    timezone-aware datetimes, ``messages`` the history (oldest first)."""

    id: str
    user_id: str | None = None
    message_count: int | None = None
    active: bool | None = None
    created_at: datetime | None = None
    last_activity: datetime | None = None
    messages: list[SessionMessage] = field(default_factory=list)

    @property
    def session_id(self) -> str:
        """The same as ``id`` (the wire's name)."""
        return self.id


@dataclass
class TrackedRequest:
    """A request the runtime tracks (a chat turn, a trigger, a job run): its ``status``
    (processing, completed, failed, cancelled, awaiting_clarification…), the times as
    timezone-aware datetimes, and once done its ``result`` or ``error``. ``raw`` is the generated
    model."""

    request_id: str
    status: str
    user_id: str | None = None
    progress: str | None = None
    created_at: datetime | None = None
    completed_at: datetime | None = None
    result: Any = None
    error: str | None = None
    raw: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def from_model(cls, request: RequestStatus | RequestSummary) -> TrackedRequest:
        result = _unset_to(getattr(request, "result", None), None)
        return cls(
            request_id=_unset_to(request.request_id, ""),
            status=str(_unset_to(request.status, "")),
            user_id=_unset_to(request.user_id, None),
            progress=_unset_to(request.progress, None),
            created_at=_datetime(_unset_to(request.created_at, None)),
            completed_at=_datetime(_unset_to(request.completed_at, None)),
            result=result.to_dict() if hasattr(result, "to_dict") else result,
            error=_unset_to(request.error, None),
            raw=request,
        )


def _text_of(content: Any) -> str:
    """Text of a message's content: a string, or the text parts of a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            part["text"]
            for part in content
            if isinstance(part, dict) and part.get("type") == "text" and isinstance(part.get("text"), str)
        )
    return ""


@dataclass(slots=True)  # not frozen: a frozen __init__ costs ~1 µs more, on every call
class _Plan:
    """One façade call before any I/O: which operation, its arguments, and how to finish."""

    operation_id: str
    arguments: Mapping[str, Any] = field(default_factory=dict)
    user_id: str | None = None
    idempotency_key: str | None = None
    finish: Callable[[Any], Any] | None = None
    typed: bool = True  # False: finish gets the unwrapped JSON, not the generated model

    def options(self, timeout: httpx.Timeout | None) -> dict[str, Any]:
        return {"user_id": self.user_id, "idempotency_key": self.idempotency_key, "timeout": timeout}


class _FormationBase:
    """What the sync and async formations share: settings, the wire rules, and the plans."""

    _settings: FormationSettings
    _wire: Wire
    _user_id: str | None
    _timeout: httpx.Timeout | None
    _transport: Any  # SyncTransport or AsyncTransport
    _transport_type: ClassVar[type[SyncTransport] | type[AsyncTransport]]

    def _attach(self, http: Any, *, owns_http: bool) -> None:
        self._transport = self._transport_type(self._wire, http, owns_http=owns_http)
        self._timeout = self._settings.timeout
        self.ops = FormationOps(self)

    def _copy(self, *, settings: FormationSettings | None = None, user_id: str | None = None) -> Self:
        clone = object.__new__(type(self))
        clone._settings = settings or self._settings
        clone._user_id = user_id if user_id is not None else self._user_id
        clone._wire = self._make_wire(clone._settings) if settings else self._wire
        clone._attach(self._transport.http, owns_http=False)
        return clone

    def with_options(self, *, timeout: TimeoutArg = None, max_retries: int | None = None) -> Self:
        """A copy with another timeout or retry count, sharing this pool (closing it is a no-op)."""
        changes: dict[str, Any] = {}
        if timeout is not None:
            changes["timeout"] = make_timeout(timeout)
        if max_retries is not None:
            changes["max_retries"] = max_retries
        return self._copy(settings=self._settings.with_changes(**changes))

    def for_user(self, user_id: str) -> Self:
        """A view that sends ``X-Muxi-User-ID: user_id`` on every call, sharing this pool."""
        if not user_id:
            raise ConfigurationError("for_user() needs a non-empty user id")
        return self._copy(user_id=user_id)

    def _init_settings(
        self,
        url: str | None,
        client_key: str | None,
        admin_key: str | None,
        *,
        base_url: str | None,
        server_url: str | None,
        formation_id: str | None,
        mode: Literal["live", "draft"],
        timeout: TimeoutArg,
        max_retries: int | None,
        app_name: str | None,
        guards: Guards | None = None,
        limits: Limits | None = None,
    ) -> None:
        self._settings = resolve_formation(
            url=url,
            base_url=base_url,
            server_url=server_url,
            formation_id=formation_id,
            mode=mode,
            client_key=client_key,
            admin_key=admin_key,
            timeout=timeout,
            max_retries=max_retries,
            app_name=app_name,
        ).with_changes(guards=guards, limits=limits or DEFAULT_LIMITS)
        self._user_id = None
        self._wire = self._make_wire(self._settings)

    @staticmethod
    def _make_wire(settings: FormationSettings) -> Wire:
        from ._core.auth import FormationKeyAuth

        return Wire(
            # The spec's formation paths keep their wire form (/v1/...): append them to the root.
            root_url=settings.base_url.removesuffix("/v1"),
            auth=FormationKeyAuth(settings.client_key, settings.admin_key),
            default_headers=identification_headers(settings.app_name, muxi=True),
            retry=RetryPolicy(max_retries=settings.max_retries),
            tag="formation",
            client_key=settings.client_key,
            admin_key=settings.admin_key,
            guards=settings.guards,
            limits=settings.limits,
        )

    @property
    def base_url(self) -> str:
        """The formation API's base URL (ends in ``/v1``)."""
        return self._settings.base_url

    def __repr__(self) -> str:
        user = f", user_id={self._user_id!r}" if self._user_id else ""
        return f"{type(self).__name__}(base_url={self._settings.base_url!r}{user})"

    def _user(self, user_id: str | None) -> str | None:
        return user_id or self._user_id

    def _required_user(self, user_id: str | None) -> str:
        return self._user(user_id) or DEFAULT_USER

    # --- plans -------------------------------------------------------------------------------------

    def _chat_plan(
        self,
        message: str,
        *,
        agent: str | None,
        session_id: str | None,
        user_id: str | None,
        stream: bool,
        idempotency_key: str | None,
        extra: Mapping[str, Any] | None,
    ) -> _Plan:
        if not isinstance(message, str):
            raise MeshkitError(f"message must be a string, got {type(message).__name__}")
        body: dict[str, Any] = {"message": message, "stream": stream}
        if agent:
            body["agent_id"] = agent
        if session_id:
            body["session_id"] = session_id
        if not stream:
            # The runtime tracks a turn under the body's request_id and echoes it in the answer;
            # without one it tracks it under an id it never returns (the envelope's request.id is
            # the HTTP request's, which GET /v1/requests does not know). A caller continuing a
            # clarification passes the previous answer's request_id to keep the same request.
            body["request_id"] = _new_request_id()
        body.update(extra or {})
        return _Plan(
            "chat",
            {"body": body},
            user_id=self._user(user_id),
            idempotency_key=idempotency_key,
            finish=None if stream else ChatResult.from_answer,
            typed=False,
        )

    def _session_plans(self, session_id: str, user_id: str | None) -> tuple[_Plan, _Plan]:
        user = self._required_user(user_id)
        return (
            _Plan("get_session", {"session_id": session_id}, user_id=user),
            _Plan("get_session_messages", {"session_id": session_id, "limit": 1000}, user_id=user),
        )

    @staticmethod
    def _session_from(summary: Any, history: Any) -> Session:
        return Session(
            id=_unset_to(summary.session_id, ""),
            user_id=_unset_to(summary.user_id, None),
            message_count=_unset_to(summary.message_count, None),
            active=_unset_to(summary.active, None),
            created_at=_datetime(_unset_to(summary.created_at, None)),
            last_activity=_datetime(_unset_to(summary.last_activity, None)),
            messages=[SessionMessage.from_model(message) for message in _unset_to(history.messages, [])],
        )

    def _list_sessions_plan(self, user_id: str | None, active_only: bool, limit: int) -> _Plan:
        return _Plan(
            "list_sessions",
            {"active_only": active_only, "limit": limit},
            user_id=self._required_user(user_id),
            finish=lambda answer: [SessionSummary.from_model(item) for item in _unset_to(answer.sessions, [])],
        )

    def _requests_plan(self, user_id: str | None) -> _Plan:
        return _Plan(
            "list_requests",
            user_id=self._user(user_id),
            finish=lambda answer: [TrackedRequest.from_model(item) for item in _unset_to(answer.requests, [])],
        )

    def _request_plan(self, request_id: str, user_id: str | None) -> _Plan:
        return _Plan(
            "get_request_status",
            {"request_id": request_id},
            user_id=self._user(user_id),
            finish=TrackedRequest.from_model,
        )

    def _cancel_plan(self, request_id: str, user_id: str | None) -> _Plan:
        return _Plan("cancel_request", {"request_id": request_id}, user_id=self._user(user_id))

    def _trigger_plan(
        self,
        name: str,
        data: Mapping[str, Any] | None,
        *,
        session_id: str | None,
        use_async: bool,
        user_id: str | None,
        idempotency_key: str | None,
    ) -> _Plan:
        body: dict[str, Any] = {"data": dict(data or {}), "use_async": use_async}
        if session_id:
            body["session_id"] = session_id
        return _Plan(
            "fire_trigger",
            {"trigger_name": name, "body": body},
            user_id=self._user(user_id),
            idempotency_key=idempotency_key,
        )


def _secret_value(secrets: Any, key: str) -> str:
    values = _unset_to(secrets.secrets, None)
    found = values.additional_properties if values is not None else {}
    if key not in found:
        raise NotFoundError(f"Secret '{key}' not found", status_code=404, code="SECRET_NOT_FOUND")
    return str(found[key])


class FormationOps(Operations):
    """``formation.ops.<operation_id>(...)``: every formation operation of the spec, including
    ones added by ``make generate`` after this file was written (sync and async alike: on an
    AsyncFormation the calls return awaitables and the streams are AsyncStream).

    Arguments are the generated builder's: path parameters (positionally or by name), ``body=``
    (a dict or model), query and header parameters. Besides: ``as_user=`` names the end user
    (``X-Muxi-User-ID``; ``user_id=`` does too unless the operation has a parameter of that name),
    ``idempotency_key=``, and ``stream=True`` for operations that can answer with a stream (chat).
    Returns the typed data model; streams are Stream/AsyncStream."""

    tag = "formation"

    def __init__(self, formation: _FormationBase) -> None:
        super().__init__(formation._transport, formation._timeout)
        self._user = formation._user

    def _plan(self, name: str, entry: Mapping[str, Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> OpsCall:
        as_user = kwargs.pop("as_user", None)
        if "user_id" not in builder_parameters(name, self.tag) and "user_id" in kwargs:
            as_user = as_user or kwargs.pop("user_id")
        planned = super()._plan(name, entry, args, kwargs)
        arguments = planned.arguments
        body = arguments.get("body")
        if entry["stream"] == "optional" and isinstance(body, dict):
            # Chat decides by its body; a blocking call must say "stream": false (formation.md §6.1).
            arguments = {**arguments, "body": {"stream": planned.decoder is not None, **body}}
        return replace(planned, arguments=arguments, options={**planned.options, "user_id": self._user(as_user)})

    def _decoder(self, entry: Mapping[str, Any]) -> EventDecoder[Any]:
        if (entry["events"] or {}).get("message") == "ChatTokenFrame":
            return ChatEventDecoder()
        return super()._decoder(entry)


AsyncFormationOps = FormationOps  # one class serves both: the formation's transport decides


class Formation(_FormationBase):
    """A MUXI formation: blocking calls and streams over one connection pool.

    Configure with arguments or the environment (``MUXI_FORMATION_URL`` — or ``MUXI_SERVER_URL`` and
    ``MUXI_FORMATION_ID`` — ``MUXI_CLIENT_KEY``, ``MUXI_ADMIN_KEY``). Close it with ``close()`` or use
    it as a context manager.
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
        self._init_settings(
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
        http = http_client if http_client is not None else httpx.Client(timeout=self._settings.timeout)
        self._attach(http, owns_http=http_client is None)

    # --- lifecycle ---------------------------------------------------------------------------------

    def __enter__(self) -> Formation:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool (copies made by ``with_options``/``for_user`` share it)."""
        self._transport.close()

    def _run(self, plan: _Plan) -> Any:
        result = self._transport.call(
            plan.operation_id, plan.arguments, typed=plan.typed, **plan.options(self._timeout)
        )
        return plan.finish(result) if plan.finish else result

    # --- chat --------------------------------------------------------------------------------------

    def chat(
        self,
        message: str,
        *,
        agent: str | None = None,
        session_id: str | None = None,
        user_id: str | None = None,
        idempotency_key: str | None = None,
        **extra: Any,
    ) -> ChatResult:
        """Send a message and wait for the whole answer (``"stream": false`` on the wire).

        >>> formation.chat("Hello!").text        # doctest: +SKIP
        'You said: Hello!'
        """
        plan = self._chat_plan(
            message,
            agent=agent,
            session_id=session_id,
            user_id=user_id,
            stream=False,
            idempotency_key=idempotency_key,
            extra=extra,
        )
        result: ChatResult = self._run(plan)
        return result

    def chat_stream(
        self,
        message: str,
        *,
        agent: str | None = None,
        session_id: str | None = None,
        user_id: str | None = None,
        **extra: Any,
    ) -> Stream[ChatEvent]:
        """Stream the answer as typed events; ``event.text`` is the delta, ``stream.text`` the whole."""
        plan = self._chat_plan(
            message,
            agent=agent,
            session_id=session_id,
            user_id=user_id,
            stream=True,
            idempotency_key=None,
            extra=extra,
        )
        opener = lambda: self._transport.open_stream(  # noqa: E731
            plan.operation_id, plan.arguments, **plan.options(self._timeout)
        )
        return Stream(opener, ChatEventDecoder())

    # --- sessions ----------------------------------------------------------------------------------

    def create_session(self) -> Session:
        """A new session id (``sess_…``); the runtime creates the session with its first chat."""
        return Session(id=f"sess_{uuid.uuid4().hex}", user_id=self._user_id)

    def get_session(self, session_id: str, *, user_id: str | None = None) -> Session:
        """A session with its history (``.messages``, oldest first). Without a user id: user "0"."""
        summary_plan, history_plan = self._session_plans(session_id, user_id)
        return self._session_from(self._run(summary_plan), self._run(history_plan))

    def list_sessions(
        self, *, user_id: str | None = None, active_only: bool = False, limit: int = 50
    ) -> list[SessionSummary]:
        """The user's sessions (most recent first)."""
        result: list[SessionSummary] = self._run(self._list_sessions_plan(user_id, active_only, limit))
        return result

    # --- requests ----------------------------------------------------------------------------------

    def list_requests(self, *, user_id: str | None = None) -> list[TrackedRequest]:
        """The requests the runtime tracks: the user's (with the client key); with the admin key
        and no user, everyone's."""
        result: list[TrackedRequest] = self._run(self._requests_plan(user_id))
        return result

    def get_request(self, request_id: str, *, user_id: str | None = None) -> TrackedRequest:
        """A tracked request, e.g. ``formation.get_request(formation.chat(...).request_id)``."""
        result: TrackedRequest = self._run(self._request_plan(request_id, user_id))
        return result

    def cancel_request(self, request_id: str, *, user_id: str | None = None) -> RequestCancellation:
        """Cancel a request in flight (``.cancellation``: immediate or cooperative)."""
        result: RequestCancellation = self._run(self._cancel_plan(request_id, user_id))
        return result

    # --- agents, triggers, secrets -------------------------------------------------------------------

    def list_agents(self) -> list[Agent]:
        """The formation's agents (admin key)."""
        return list(self._run(_Plan("list_agents")).agents)

    def get_agent(self, agent_id: str) -> Agent:
        """One agent (admin key); NotFoundError when there is none."""
        agent: Agent = self._run(_Plan("get_agent", {"agent_id": agent_id}))
        return agent

    def list_triggers(self) -> list[str]:
        """The names of the formation's triggers."""
        return list(_unset_to(self._run(_Plan("list_triggers")).triggers, []))

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
        plan = self._trigger_plan(
            name, data, session_id=session_id, use_async=use_async, user_id=user_id, idempotency_key=idempotency_key
        )
        result: TriggerFireResult = self._run(plan)
        return result

    def list_secrets(self) -> dict[str, str]:
        """Secret names and their masked values (admin key)."""
        secrets = self._run(_Plan("list_secrets"))
        values = _unset_to(secrets.secrets, None)
        return dict(values.additional_properties) if values is not None else {}

    def get_secret(self, key: str) -> str:
        """The masked value of one secret (the runtime has no single-secret read: this reads the list)."""
        return _secret_value(self._run(_Plan("list_secrets")), key)

    def create_secret(self, key: str, value: str) -> None:
        """Create a secret (ConflictError if it exists)."""
        self._run(_Plan("create_secret", {"body": {"key": key, "value": value}}))

    def update_secret(self, key: str, value: str) -> None:
        """Change an existing secret (NotFoundError if it does not exist: updates never create)."""
        self._run(_Plan("update_secret", {"key": key, "body": {"value": value}}))

    def delete_secret(self, key: str) -> None:
        """Delete a secret (ConflictError while the formation uses it)."""
        self._run(_Plan("delete_secret", {"key": key}))

    def create_job(
        self, type: Literal["one_time", "recurring"], schedule: str, message: str, *, user_id: str | None = None
    ) -> Job:
        """Schedule a message (admin key): a cron expression (recurring) or an ISO 8601 time (one_time).
        The Job answered carries them as ``cron_expression`` or ``scheduled_for``, and ``status``."""
        body = {"type": type, "schedule": schedule, "message": message}
        job: Job = self._run(_Plan("create_scheduler_job", {"body": body}, user_id=self._user(user_id)))
        return job

    def health(self) -> Any:
        """The runtime's health (no key needed)."""
        return self._run(_Plan("get_health"))


class AsyncFormation(_FormationBase):
    """The asyncio twin of :class:`Formation` (same arguments, ``await`` the calls)."""

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
        self._init_settings(
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
        http = http_client if http_client is not None else httpx.AsyncClient(timeout=self._settings.timeout)
        self._attach(http, owns_http=http_client is None)

    async def __aenter__(self) -> AsyncFormation:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._transport.aclose()

    close = aclose

    async def _run(self, plan: _Plan) -> Any:
        result = await self._transport.call(
            plan.operation_id, plan.arguments, typed=plan.typed, **plan.options(self._timeout)
        )
        return plan.finish(result) if plan.finish else result

    async def chat(
        self,
        message: str,
        *,
        agent: str | None = None,
        session_id: str | None = None,
        user_id: str | None = None,
        idempotency_key: str | None = None,
        **extra: Any,
    ) -> ChatResult:
        """Send a message and wait for the whole answer."""
        plan = self._chat_plan(
            message,
            agent=agent,
            session_id=session_id,
            user_id=user_id,
            stream=False,
            idempotency_key=idempotency_key,
            extra=extra,
        )
        result: ChatResult = await self._run(plan)
        return result

    def chat_stream(
        self,
        message: str,
        *,
        agent: str | None = None,
        session_id: str | None = None,
        user_id: str | None = None,
        **extra: Any,
    ) -> AsyncStream[ChatEvent]:
        """``async for event in formation.chat_stream(...)`` — no await needed before iterating."""
        plan = self._chat_plan(
            message,
            agent=agent,
            session_id=session_id,
            user_id=user_id,
            stream=True,
            idempotency_key=None,
            extra=extra,
        )

        async def opener() -> httpx.Response:
            response: httpx.Response = await self._transport.open_stream(
                plan.operation_id, plan.arguments, **plan.options(self._timeout)
            )
            return response

        return AsyncStream(opener, ChatEventDecoder())

    def create_session(self) -> Session:
        """A new session id; the runtime creates the session with its first chat."""
        return Session(id=f"sess_{uuid.uuid4().hex}", user_id=self._user_id)

    async def get_session(self, session_id: str, *, user_id: str | None = None) -> Session:
        """A session with its history (``.messages``)."""
        summary_plan, history_plan = self._session_plans(session_id, user_id)
        return self._session_from(await self._run(summary_plan), await self._run(history_plan))

    async def list_sessions(
        self, *, user_id: str | None = None, active_only: bool = False, limit: int = 50
    ) -> list[SessionSummary]:
        """The user's sessions (most recent first)."""
        result: list[SessionSummary] = await self._run(self._list_sessions_plan(user_id, active_only, limit))
        return result

    async def list_requests(self, *, user_id: str | None = None) -> list[TrackedRequest]:
        """The requests the runtime tracks (see ``Formation.list_requests``)."""
        result: list[TrackedRequest] = await self._run(self._requests_plan(user_id))
        return result

    async def get_request(self, request_id: str, *, user_id: str | None = None) -> TrackedRequest:
        """A tracked request."""
        result: TrackedRequest = await self._run(self._request_plan(request_id, user_id))
        return result

    async def cancel_request(self, request_id: str, *, user_id: str | None = None) -> RequestCancellation:
        """Cancel a request in flight."""
        result: RequestCancellation = await self._run(self._cancel_plan(request_id, user_id))
        return result

    async def list_agents(self) -> list[Agent]:
        """The formation's agents (admin key)."""
        return list((await self._run(_Plan("list_agents"))).agents)

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
        """Fire a trigger with ``data``."""
        plan = self._trigger_plan(
            name, data, session_id=session_id, use_async=use_async, user_id=user_id, idempotency_key=idempotency_key
        )
        result: TriggerFireResult = await self._run(plan)
        return result

    async def get_agent(self, agent_id: str) -> Agent:
        """One agent (admin key)."""
        agent: Agent = await self._run(_Plan("get_agent", {"agent_id": agent_id}))
        return agent

    async def list_triggers(self) -> list[str]:
        """The names of the formation's triggers."""
        return list(_unset_to((await self._run(_Plan("list_triggers"))).triggers, []))

    async def list_secrets(self) -> dict[str, str]:
        """Secret names and their masked values (admin key)."""
        values = _unset_to((await self._run(_Plan("list_secrets"))).secrets, None)
        return dict(values.additional_properties) if values is not None else {}

    async def get_secret(self, key: str) -> str:
        """The masked value of one secret."""
        return _secret_value(await self._run(_Plan("list_secrets")), key)

    async def create_secret(self, key: str, value: str) -> None:
        """Create a secret (ConflictError if it exists)."""
        await self._run(_Plan("create_secret", {"body": {"key": key, "value": value}}))

    async def update_secret(self, key: str, value: str) -> None:
        """Change an existing secret (NotFoundError if it does not exist)."""
        await self._run(_Plan("update_secret", {"key": key, "body": {"value": value}}))

    async def delete_secret(self, key: str) -> None:
        """Delete a secret."""
        await self._run(_Plan("delete_secret", {"key": key}))

    async def create_job(
        self, type: Literal["one_time", "recurring"], schedule: str, message: str, *, user_id: str | None = None
    ) -> Job:
        """Schedule a message (admin key)."""
        body = {"type": type, "schedule": schedule, "message": message}
        job: Job = await self._run(_Plan("create_scheduler_job", {"body": body}, user_id=self._user(user_id)))
        return job

    async def health(self) -> Any:
        """The runtime's health (no key needed)."""
        return await self._run(_Plan("get_health"))


__all__ = ["AsyncFormation", "ChatResult", "Formation", "FormationOps", "Session", "StreamEvent"]
