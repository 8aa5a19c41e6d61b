"""What Formation and AsyncFormation share: settings, the wire rules, the pure plan of every
call, and ``formation.ops``. The clients themselves are ``_client_async.py`` and its generated
twin ``_client_sync.py``; they differ only in how a plan is sent."""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal, Self

import httpx

from .._core.client_base import ClientBase
from .._core.config import FormationSettings, TimeoutArg, identification_headers, resolve_formation
from .._core.errors import (
    ConfigurationError,
    MeshkitError,
    NotFoundError,
    ResponseValidationError,
    ValidationError,
)
from .._core.events import ChatEventDecoder
from .._core.guards import Guards
from .._core.limits import DEFAULT_LIMITS, Limits
from .._core.ops import Operations
from .._core.options import checked_extra_body, default_headers_setting
from .._core.plan import Plan
from .._core.retry import RetryPolicy
from .._core.streams import EventDecoder
from .._core.telemetry import Hooks
from .._core.wire import Wire
from ._results import (
    ChatResult,
    Session,
    SessionMessage,
    _datetime,
    _new_request_id,
    _or_default,
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
        default_headers: Mapping[str, str] | None = None,
        hooks: Hooks | None = None,
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
        ).with_changes(
            guards=guards,
            limits=limits or DEFAULT_LIMITS,
            default_headers=default_headers_setting(default_headers),
            hooks=hooks,
        )

    def _make_wire(self, settings: FormationSettings) -> Wire:
        from .._core.auth import FormationKeyAuth

        return Wire(
            # The spec's formation paths keep their wire form (/v1/...): append them to the root.
            root_url=settings.base_url.removesuffix("/v1"),
            auth=FormationKeyAuth(settings.client_key, settings.admin_key),
            default_headers={**identification_headers(settings.app_name, muxi=True), **dict(settings.default_headers)},
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
        if extra_body is not None:  # the escape hatch: fields this method does not name
            body.update(checked_extra_body("chat", extra_body))
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
            finish=functools.partial(ChatResult.from_answer, sent_request_id=body["request_id"]),
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
    def _session_from(summary: Any, pages: list[list[SessionMessage]], walk: _MessagePages) -> Session:
        """The summary and the history, read newest page first, as one Session."""
        session = Session(
            id=_or_default(summary.session_id, ""),
            user_id=_or_default(summary.user_id, None),
            message_count=_or_default(summary.message_count, None),
            active=_or_default(summary.active, None),
            created_at=_datetime(_or_default(summary.created_at, None)),
            last_activity=_datetime(_or_default(summary.last_activity, None)),
            messages=[message for page in reversed(pages) for message in page],
        )
        session.complete = walk.complete(session.message_count)
        return session

    def _new_session(self) -> Session:
        return Session(id=f"sess_{uuid.uuid4().hex}", user_id=self._user_id)

    @staticmethod
    def _trigger_body(data: Mapping[str, Any] | None, *, session_id: str | None, use_async: bool) -> dict[str, Any]:
        body: dict[str, Any] = {"data": dict(data or {}), "use_async": use_async}
        if session_id:
            body["session_id"] = session_id
        return body


def _secrets(answer: Any) -> dict[str, str]:
    values = _or_default(answer.secrets, None)
    return dict(values.additional_properties) if values is not None else {}


def _secret_value(secrets: Any, key: str) -> str:
    values = _or_default(secrets.secrets, None)
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
        if entry["stream"] == "optional" and isinstance(body, Mapping):
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


# --- paging --------------------------------------------------------------------------------------
# The iter_* methods and get_session() walk a listing page by page, the way its API pages. Each walk
# is a pure state machine: ``query()`` gives the next page's query parameters (None: the walk is
# over), the client sends them and hands the answer to ``take()``, which returns the items not read
# yet. A server that answers a page the walk cannot move past sets ``problem``, raised by the
# iterators (a ResponseValidationError) and reported by get_session() as ``complete=False``.

MESSAGES_PAGE_MAX = 1000  # GET /sessions/{id}/messages: limit 1-1000
MEMORIES_PAGE_MAX = 100  # GET /memories: limit 1-100
LISTING_MAX = 1000  # GET /sessions and GET /audit: limit 1-1000, and no cursor
GET_SESSION_MAX_MESSAGES = 10_000  # get_session()'s default bound


def _whole(value: object, name: str, maximum: int | None) -> int:
    """``value`` if it is a whole number from 1 to ``maximum``; a ValidationError naming it if not."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError.client_side(
            f"{name} must be a whole number, got {type(value).__name__}", field=name, code="invalid_argument"
        )
    if value < 1 or (maximum is not None and value > maximum):
        bound = f"from 1 to {maximum}" if maximum is not None else "at least 1"
        raise ValidationError.client_side(f"{name} must be {bound}, got {value}", field=name, code="invalid_argument")
    return value


def _page_size(value: object, maximum: int) -> int:
    return _whole(value, "page_size", maximum)


def _at_most(value: object, name: str = "limit", maximum: int | None = None) -> int | None:
    """An optional bound on the items read (None: no bound)."""
    return None if value is None else _whole(value, name, maximum)


def _since(value: datetime | str | None) -> str | None:
    """An ISO 8601 time for a query; a naive datetime is read as UTC."""
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if value is None or isinstance(value, str):
        return value
    raise ValidationError.client_side(
        f"since must be a datetime or an ISO 8601 string, got {type(value).__name__}",
        field="since",
        code="invalid_argument",
    )


def _stalled(operation: str, detail: str, read: int, answer: Any) -> ResponseValidationError:
    return ResponseValidationError(
        f"{operation}: {detail}; stopped after {read} items, as asking again would not move on",
        body=answer.to_dict() if hasattr(answer, "to_dict") else answer,
        hint="the server does not page as the spec says; what was read so far is all meshkit can give",
    )


class _MessagePages:
    """A session's history, read backwards: a page is the newest ``limit`` messages before the
    ``before`` cursor, oldest first, and ``has_more`` says older ones remain. The cursor is the
    oldest time read so far; only messages strictly older than it are taken from the next page, so
    a server that ignores ``before`` (muxi-runtime 1.20260928.0 does) is noticed, not looped on.
    Messages that share the cursor's exact time are a timestamp cursor's blind spot."""

    def __init__(self, session_id: str, page_size: int, limit: int | None) -> None:
        self.session_id = session_id
        self.page_size = page_size
        self.limit = limit
        self.read = 0
        self.more = True  # the last page's has_more
        self.cursor: datetime | None = None
        self.problem: ResponseValidationError | None = None

    def query(self) -> dict[str, Any] | None:
        if not self.more or self.problem is not None or (self.limit is not None and self.read >= self.limit):
            return None
        size = self.page_size if self.limit is None else min(self.page_size, self.limit - self.read)
        query: dict[str, Any] = {"limit": size}
        if self.cursor is not None:
            query["before"] = self.cursor.isoformat()
        return query

    def take(self, answer: Any) -> list[SessionMessage]:
        """The page's messages not read yet, oldest first."""
        messages = [SessionMessage.from_model(message) for message in answer.messages]
        cursor = self.cursor
        if cursor is not None:  # what the last pages gave already, or a message without a time
            messages = [m for m in messages if m.timestamp is not None and m.timestamp < cursor]
        if self.limit is not None:
            messages = messages[max(0, len(messages) - (self.limit - self.read)) :]  # the newest
        self.more = answer.has_more is True
        if not messages and (self.more or cursor is not None):
            before = f"before {cursor.isoformat()}" if cursor is not None else "in its first page"
            detail = f"has_more promised older messages, but the server gave none {before}"
            self.problem = _stalled(f"get_session_messages({self.session_id!r})", detail, self.read, answer)
            return []
        self.read += len(messages)
        times = [m.timestamp for m in messages if m.timestamp is not None]
        if self.more and not times:
            detail = "no message of the page has a time, so there is no cursor for the page before it"
            self.problem = _stalled(f"get_session_messages({self.session_id!r})", detail, self.read, answer)
        elif times:
            self.cursor = min(times)
        return messages

    def complete(self, message_count: int | None) -> bool:
        """Whether the walk read the whole history: the server said there was no more, and it read
        at least the ``message_count`` the session's summary gave (when it gave one)."""
        return not self.more and self.problem is None and (message_count is None or self.read >= message_count)


class _MemoryPages:
    """The memories a user can read, newest first, by ``offset``: a page shorter than asked is the
    last. A memory seen already (the listing shifts when one is added meanwhile) is skipped; a full
    page of nothing new is a server that ignores ``offset``."""

    def __init__(self, page_size: int, limit: int | None) -> None:
        self.page_size = page_size
        self.limit = limit
        self.read = 0
        self.offset = 0
        self.asked = 0
        self.done = False
        self.seen: set[str] = set()
        self.problem: ResponseValidationError | None = None

    def query(self) -> dict[str, Any] | None:
        if self.done or self.problem is not None or (self.limit is not None and self.read >= self.limit):
            return None
        self.asked = self.page_size if self.limit is None else min(self.page_size, self.limit - self.read)
        return {"limit": self.asked, "offset": self.offset}

    def take(self, answer: Any) -> list[Any]:
        """The page's memories not read yet, newest first."""
        items = list(answer.memories)
        self.offset += len(items)
        fresh = []
        for memory in items:
            key = memory.id if isinstance(memory.id, str) else json.dumps(memory.to_dict(), sort_keys=True, default=str)
            if key not in self.seen:
                self.seen.add(key)
                fresh.append(memory)
        if self.limit is not None:
            fresh = fresh[: self.limit - self.read]
        self.read += len(fresh)
        if len(items) < self.asked:
            self.done = True
        elif not fresh:
            detail = f"the page at offset {self.offset - len(items)} holds only memories read already"
            self.problem = _stalled("list_memories", detail, self.read, answer)
        return fresh


def _unpaged(operation: str, what: str, count: int) -> MeshkitError:
    """The error after a listing without a cursor answered its maximum: there may be more."""
    return MeshkitError(
        f"{operation} answered {count} {what}, the most it lists, and the API has no way to page past "
        f"them: there may be more",
        hint=f"pass limit= (up to {LISTING_MAX}) to read at most that many without this error",
    )
