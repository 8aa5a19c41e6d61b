"""What Formation and AsyncFormation share: settings, the wire rules, the pure plan of every
call, and ``formation.ops``. The clients themselves are ``_client_async.py`` and its generated
twin ``_client_sync.py``; they differ only in how a plan is sent."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Self

import httpx

from .._core.client_base import ClientBase
from .._core.config import FormationSettings, TimeoutArg, identification_headers, resolve_formation
from .._core.errors import ConfigurationError, MeshkitError, NotFoundError
from .._core.events import ChatEventDecoder
from .._core.guards import Guards
from .._core.limits import DEFAULT_LIMITS, Limits
from .._core.ops import Operations
from .._core.plan import Plan
from .._core.retry import RetryPolicy
from .._core.streams import EventDecoder
from .._core.wire import Wire
from ._results import (
    ChatResult,
    Session,
    SessionMessage,
    _datetime,
    _new_request_id,
    _unset_to,
)

if TYPE_CHECKING:
    from .._generated.operations import Operation

DEFAULT_USER = "0"  # the user the runtime assigns to calls without X-Muxi-User-ID


class _FormationBase(ClientBase[FormationSettings]):
    """What the sync and async formations share: settings, the wire rules, and the plans."""

    _user_id: str | None = None

    @property
    def _timeout(self) -> httpx.Timeout:
        return self._settings.timeout

    def for_user(self, user_id: str) -> Self:
        """A view that sends ``X-Muxi-User-ID: user_id`` on every call, sharing this pool."""
        if not user_id:
            raise ConfigurationError("for_user() needs a non-empty user id")
        return self._copy(_user_id=user_id)

    @staticmethod
    def _resolve(
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
    ) -> FormationSettings:
        return resolve_formation(
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

    def _make_wire(self, settings: FormationSettings) -> Wire:
        from .._core.auth import FormationKeyAuth

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
            timeout=settings.timeout,
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

    def _chat_body(
        self,
        message: str,
        *,
        stream: bool,
        agent: str | None,
        session_id: str | None,
        request_id: str | None = None,
        files: Sequence[Mapping[str, Any]] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        if not isinstance(message, str):
            raise MeshkitError(f"message must be a string, got {type(message).__name__}")
        body: dict[str, Any] = {"message": message, "stream": stream}
        if agent:
            body["agent_id"] = agent
        if session_id:
            body["session_id"] = session_id
        if files is not None:
            body["files"] = [dict(item) for item in files]
        if request_id:
            body["request_id"] = request_id
        elif not stream:
            # The runtime tracks a turn under the body's request_id and echoes it in the answer;
            # without one it tracks it under an id it never returns (the envelope's request.id is
            # the HTTP request's, which GET /v1/requests does not know). A caller continuing a
            # clarification passes the previous answer's request_id to keep the same request.
            body["request_id"] = _new_request_id()
        body.update(extra_body or {})  # the escape hatch: fields this method does not name
        return body

    def _chat_plan(
        self,
        body: dict[str, Any],
        *,
        user_id: str | None,
        idempotency_key: str | None,
    ) -> Plan[ChatResult]:
        return Plan(
            "chat",
            {"body": body},
            user_id=self._user(user_id),
            idempotency_key=idempotency_key,
            finish=ChatResult.from_answer,
            typed=False,
        )

    def _chat_stream_plan(
        self,
        body: dict[str, Any],
        *,
        user_id: str | None,
        idempotency_key: str | None,
    ) -> Plan[Any]:
        return Plan("chat", {"body": body}, user_id=self._user(user_id), idempotency_key=idempotency_key, typed=False)

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

    def _new_session(self) -> Session:
        return Session(id=f"sess_{uuid.uuid4().hex}", user_id=self._user_id)

    @staticmethod
    def _trigger_body(data: Mapping[str, Any] | None, *, session_id: str | None, use_async: bool) -> dict[str, Any]:
        body: dict[str, Any] = {"data": dict(data or {}), "use_async": use_async}
        if session_id:
            body["session_id"] = session_id
        return body


def _secrets(answer: Any) -> dict[str, str]:
    values = _unset_to(answer.secrets, None)
    return dict(values.additional_properties) if values is not None else {}


def _secret_value(secrets: Any, key: str) -> str:
    values = _unset_to(secrets.secrets, None)
    found = values.additional_properties if values is not None else {}
    if key not in found:
        raise NotFoundError(f"Secret '{key}' not found", status_code=404, code="SECRET_NOT_FOUND")
    return str(found[key])


class FormationOps(Operations):
    """What a formation call adds to the planner behind the typed ``formation.ops``: ``as_user=``
    names the end user (``X-Muxi-User-ID``; ``user_id=`` does too unless the operation has a
    parameter of that name), and a chat body says whether it streams."""

    def __init__(self, formation: _FormationBase) -> None:
        super().__init__(formation._transport)
        self._user = formation._user

    def _plan(self, name: str, entry: Operation, kwargs: dict[str, Any]) -> tuple[Plan[Any], EventDecoder[Any] | None]:
        as_user = kwargs.pop("as_user", None)
        if "user_id" not in entry["parameters"]:  # else user_id is the operation's own (a filter)
            named = kwargs.pop("user_id", None)
            as_user = as_user or named
        plan, decoder = super()._plan(name, entry, kwargs)
        body = plan.arguments.get("body")
        if entry["stream"] == "optional" and isinstance(body, dict):
            # Chat decides by its body; a blocking call must say "stream": false (formation.md §6.1).
            plan.arguments = {**plan.arguments, "body": {"stream": decoder is not None, **body}}
        # The view's user (for_user) goes on every call: it also chooses the client key over the
        # admin key where an operation accepts both.
        plan.user_id = self._user(as_user)
        return plan, decoder

    def _decoder(self, entry: Operation) -> EventDecoder[Any]:
        if (entry["events"] or {}).get("message") == "ChatTokenFrame":
            return ChatEventDecoder()
        return super()._decoder(entry)
