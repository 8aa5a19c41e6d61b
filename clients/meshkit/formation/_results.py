"""What the formation's calls answer: ChatResult, Session, SessionMessage, SessionSummary and
TrackedRequest, built from the runtime's answers (times as timezone-aware datetimes)."""

from __future__ import annotations

import uuid
import warnings
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .._core.errors import ResponseValidationError
from .._core.jsontypes import JSON
from .._core.model_base import ResultBase
from .._core.wire import parse_model

if TYPE_CHECKING:
    from .._generated.models import ChatResponse, RequestStatus, RequestSummary, SessionHistoryMessage
    from .._generated.models import SessionSummary as SessionSummaryModel


@dataclass
class ChatResult(ResultBase):
    """A blocking chat's answer: ``text``, and the message's ``content`` as sent (a string, or a
    list of parts as dicts), its ``ui`` widgets and ``artifacts`` (dicts), and the ids.
    ``request_id`` is the id the runtime tracks the turn under (``formation.get_request(...)``):
    ``chat()`` sends one (``req_…``, or yours: ``chat(..., request_id=...)``) and the runtime echoes
    it, as it returns no other trace of its own. ``model`` is the whole answer as the generated
    ``ChatResponse`` model."""

    text: str
    content: JSON
    session_id: str | None
    request_id: str
    user_id: str | None
    artifacts: list[dict[str, JSON]]
    ui: list[dict[str, JSON]]
    _answer: dict[str, JSON] = field(repr=False, compare=False)

    @classmethod
    def from_answer(cls, answer: Any, sent_request_id: str) -> ChatResult:
        """From the unwrapped JSON answer to a chat sent with ``sent_request_id`` (the answer's own
        id wins; the runtime echoes the one sent). Only what these fields need is checked here; the
        generated model is built when ``model`` is first read, because building it on every
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
            request_id=_text_or_none(answer.get("request_id")) or sent_request_id,
            user_id=_text_or_none(answer.get("user_id")),
            artifacts=artifacts,
            ui=ui,
            _answer=answer,
        )

    @cached_property
    def model(self) -> ChatResponse:
        """The answer as the generated ``ChatResponse`` model (built on first access)."""
        model: ChatResponse = parse_model("ChatResponse", self._answer)
        return model

    @property
    def response(self) -> ChatResponse:
        """Deprecated: the same as :attr:`model` (the name said HTTP response, which it is not)."""
        warnings.warn("ChatResult.response is now ChatResult.model", DeprecationWarning, stacklevel=2)
        return self.model


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


def _or_default(value: Any, default: Any) -> Any:
    return default if value is None else value


def _extra(model: Any) -> dict[str, Any]:
    extra = getattr(model, "additional_properties", None)
    return dict(extra) if isinstance(extra, dict) else {}


@dataclass
class SessionMessage(ResultBase):
    """A message of a session's history. The runtime stores ``{text, metadata: {role, timestamp,
    agent_id, request_id, …}, timestamp, …}``; this gives ``role``, ``content`` (the text) and
    ``timestamp`` from where it puts them. ``metadata`` is the runtime's metadata as a dict;
    ``raw`` is the generated ``SessionHistoryMessage``."""

    role: str | None
    content: str
    timestamp: datetime | None
    agent_id: str | None = None
    request_id: str | None = None
    metadata: dict[str, JSON] = field(default_factory=dict)
    raw: SessionHistoryMessage | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_model(cls, message: SessionHistoryMessage) -> SessionMessage:
        metadata_model = _or_default(message.metadata, None)
        metadata = metadata_model.to_dict() if metadata_model is not None else {}
        extra = _extra(message)  # older shapes: role/content at the top
        text = _or_default(message.text, None)
        content = text if isinstance(text, str) else extra.get("content")
        return cls(
            role=_text_or_none(metadata.get("role", extra.get("role"))),
            content=content if isinstance(content, str) else _text_of(content),
            timestamp=_datetime(metadata.get("timestamp")) or _datetime(_or_default(message.timestamp, None)),
            agent_id=_text_or_none(metadata.get("agent_id", extra.get("agent_id"))),
            request_id=_text_or_none(metadata.get("request_id")),
            metadata=metadata,
            raw=message,
        )


@dataclass
class SessionSummary(ResultBase):
    """A session as ``list_sessions()`` lists it; ``last_activity`` is a timezone-aware datetime."""

    session_id: str
    user_id: str | None
    active: bool | None
    last_activity: datetime | None
    raw: SessionSummaryModel | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_model(cls, summary: SessionSummaryModel) -> SessionSummary:
        return cls(
            session_id=_or_default(summary.session_id, ""),
            user_id=_or_default(summary.user_id, None),
            active=_or_default(summary.active, None),
            last_activity=_datetime(_or_default(summary.last_activity, None)),
            raw=summary,
        )


@dataclass
class Session(ResultBase):
    """A conversation. ``create_session()`` only picks a new id: the runtime creates the session
    with the first chat that names it. ``get_session()`` fills the rest: the times are
    timezone-aware datetimes, ``messages`` the history (oldest first). ``complete`` is False when
    ``messages`` is not the whole history (``get_session`` says when: its bound, or a server that
    would not page); they are then the newest messages it read."""

    id: str
    user_id: str | None = None
    message_count: int | None = None
    active: bool | None = None
    created_at: datetime | None = None
    last_activity: datetime | None = None
    messages: list[SessionMessage] = field(default_factory=list)
    complete: bool = True

    @property
    def session_id(self) -> str:
        """The same as ``id`` (the wire's name)."""
        return self.id


@dataclass
class TrackedRequest(ResultBase):
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
    result: JSON = None
    error: str | None = None
    raw: RequestStatus | RequestSummary | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_model(cls, request: RequestStatus | RequestSummary) -> TrackedRequest:
        result = _or_default(getattr(request, "result", None), None)
        return cls(
            request_id=_or_default(request.request_id, ""),
            status=str(_or_default(request.status, "")),
            user_id=_or_default(request.user_id, None),
            progress=_or_default(request.progress, None),
            created_at=_datetime(_or_default(request.created_at, None)),
            completed_at=_datetime(_or_default(request.completed_at, None)),
            result=result.to_dict() if hasattr(result, "to_dict") else result,
            error=_or_default(request.error, None),
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
