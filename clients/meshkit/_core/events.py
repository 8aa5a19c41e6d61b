"""Stream frames → typed events, once for sync and async.

Chat streams (formation.md §6.3): each ``data:`` frame carries a runtime token; ``event: ui``
carries widgets, ``event: done`` ends the stream, ``event: error`` fails it. Other streams map
each event name to the payload model the spec names (``x-meshkit-events``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar, cast

from .errors import ResponseValidationError, StreamError
from .jsontypes import JSON
from .sse import ServerSentEvent

if TYPE_CHECKING:
    from .._generated.models import ChatToken
    from .model_base import Model


class ChatEvent:
    """One event of a chat stream. ``type`` is the token type (``content``, ``thinking``…) or the
    event name (``ui``, ``done``); ``text`` is the content delta (empty for other events); ``data``
    is the decoded token or payload, runtime metadata included."""

    __slots__ = ("data", "text", "type")

    def __init__(self, type: str, text: str = "", data: JSON = None) -> None:
        self.type = type
        self.text = text
        self.data = data

    def __repr__(self) -> str:
        return f"{type(self).__name__}(type={self.type!r}, text={self.text!r})"

    def _field(self, name: str) -> JSON:
        return self.data.get(name) if isinstance(self.data, dict) else None

    def _text_field(self, name: str) -> str | None:
        value = self._field(name)
        return value if isinstance(value, str) else None

    @property
    def request_id(self) -> str | None:
        """The request this token belongs to, when the frame names it."""
        return self._text_field("request_id")

    @property
    def session_id(self) -> str | None:
        """The session this token belongs to, when the frame names it."""
        return self._text_field("session_id")

    @property
    def stage(self) -> str | None:
        """The runtime's processing stage (progress and planning tokens), when given."""
        return self._text_field("stage")

    @property
    def content(self) -> JSON:
        """The token's ``content`` as sent (any JSON for non-content tokens)."""
        return self._field("content")

    @property
    def token(self) -> ChatToken | None:
        """The token as the generated ``ChatToken`` model (parsed on access)."""
        from .wire import parse_model

        return cast("ChatToken", parse_model("ChatToken", self.data)) if isinstance(self.data, dict) else None


class ContentDelta(ChatEvent):
    """A piece of the answer: append ``text``."""


class Thinking(ChatEvent):
    """The agent is thinking (``content`` says about what)."""


class Planning(ChatEvent):
    """The runtime is planning or choosing an agent."""


class Progress(ChatEvent):
    """A progress note (``stage`` names the step)."""


class ToolCall(ChatEvent):
    """The agent calls a tool (``content`` describes the call)."""


class Completed(ChatEvent):
    """The final token. ``full_text`` is the whole answer (authoritative: it replaces the deltas,
    and must when ``stream_discontinuity`` is set); ``text`` is empty so that printing every
    event's ``text`` prints the answer once."""

    @property
    def full_text(self) -> str:
        """The whole answer as the runtime sent it at the end: authoritative over the deltas."""
        content = self._field("content")
        return content if isinstance(content, str) else ""

    @property
    def stream_discontinuity(self) -> bool:
        """True when the deltas seen so far must be thrown away for ``full_text``."""
        return self._field("stream_discontinuity") is True

    @property
    def status(self) -> str | None:
        """``success`` or ``error`` (the runtime completes a failed turn too), when given."""
        return self._text_field("status")


class Failed(ChatEvent):
    """A ``failed`` or ``cancelled`` token (the runtime gave up on the request)."""


class UiEvent(ChatEvent):
    """``event: ui``: widgets to show (``widgets``); unknown widget types are kept."""

    @property
    def widgets(self) -> list[dict[str, JSON]]:
        """The widgets to show, as dicts (unknown widget types are kept)."""
        ui = self._field("ui")
        return [w for w in ui if isinstance(w, dict)] if isinstance(ui, list) else []


class Done(ChatEvent):
    """``event: done``: the stream ended normally."""


class UnknownEvent(ChatEvent):
    """A token type or event name this meshkit does not know yet: surfaced, never dropped."""


_TOKEN_CLASSES: dict[str, type[ChatEvent]] = {
    "content": ContentDelta,
    "thinking": Thinking,
    "planning": Planning,
    "progress": Progress,
    "tool_call": ToolCall,
    "completed": Completed,
    "failed": Failed,
    "cancelled": Failed,
}


# json's C scanner, called directly: json.loads adds a wrapper, two whitespace regex matches and a
# type check per call, about 60% of decoding a token frame. A frame it cannot take whole (leading
# or trailing whitespace, not JSON) goes to json.loads, which accepts or rejects it as it would.
_scan_json: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _json(event: ServerSentEvent) -> Any:
    data = event.data
    try:
        value, end = _scan_json(data, 0)
        if end == len(data):
            return value
    except (StopIteration, ValueError):
        pass
    return _json_whole(data)


def _json_whole(data: str) -> Any:
    """What the scanner could not take whole: json.loads accepts it (whitespace around) or not."""
    try:
        return json.loads(data)
    except ValueError:
        raise ResponseValidationError(f"stream frame is not JSON: {data[:200]!r}", body=data) from None


_COMPACT_EVERY = 1024


class ChatEventDecoder:
    """Turns chat stream frames into :class:`ChatEvent` objects and keeps the answer's text."""

    terminal: str | None = "done"

    def __init__(self) -> None:
        # The deltas so far. Every _COMPACT_EVERY of them are joined into one string: a long
        # answer then costs about its text in memory, not one str object (~50 bytes) per token.
        self.parts: list[str] = []
        self._pending = 0
        self.final: str | None = None
        self.finished = False

    @property
    def text(self) -> str:
        """The answer so far: the deltas joined, or the ``completed`` token's full text."""
        return self.final if self.final is not None else "".join(self.parts)

    def convert(self, event: ServerSentEvent) -> ChatEvent:
        name = event.event
        if name == "message":
            # The hot path, one per chat token: _json and _token's content case inlined (a Python
            # call each is a tenth of decoding a frame); anything else goes to _token.
            data = event.data
            try:
                frame, end = _scan_json(data, 0)
            except (StopIteration, ValueError):
                end = -1
            if end != len(data):
                frame = _json_whole(data)
            token = frame.get("token") if type(frame) is dict else None
            if type(token) is dict:
                kind = token.get("type")
                if kind == "content":
                    content = token.get("content")
                    text = content if isinstance(content, str) else ""
                    self.parts.append(text)
                    self._pending += 1
                    if self._pending == _COMPACT_EVERY:
                        self._compact()
                    return ContentDelta(kind, text, token)
            return self._token(frame)
        if name == "done":
            self.finished = True
            return Done("done", data=_json(event) if event.data else None)
        if name == "ui":
            return UiEvent("ui", data=_json(event))
        if name == "error":
            self.finished = True
            payload = _json(event) if event.data.lstrip().startswith("{") else {"error": event.data}
            code = str(payload.get("type") or "STREAM_ERROR") if isinstance(payload, dict) else "STREAM_ERROR"
            message = str(payload.get("error") or "the stream failed") if isinstance(payload, dict) else str(payload)
            raise StreamError(message, code=code, partial_text=self.text)
        return UnknownEvent(name, data=_json(event) if event.data else None)

    def _append(self, text: str) -> None:
        self.parts.append(text)
        self._pending += 1
        if self._pending == _COMPACT_EVERY:
            self._compact()

    def _compact(self) -> None:
        parts = self.parts
        parts[-_COMPACT_EVERY:] = ["".join(parts[-_COMPACT_EVERY:])]
        self._pending = 0

    def _token(self, frame: Any) -> ChatEvent:
        token = frame.get("token") if type(frame) is dict else None
        if type(token) is not dict:
            if isinstance(token, str):  # older runtimes send a bare string: a content delta
                self._append(token)
                return ContentDelta("content", token, {"type": "content", "content": token})
            raise ResponseValidationError("chat frame without a token object", body=frame)
        kind = token.get("type")
        if type(kind) is not str:
            kind = str(kind or "")
        content = token.get("content")
        cls = _TOKEN_CLASSES.get(kind, UnknownEvent)
        if cls is ContentDelta:  # the hot path: _append's work inlined
            text = content if isinstance(content, str) else ""
            parts = self.parts
            parts.append(text)
            self._pending += 1
            if self._pending == _COMPACT_EVERY:
                self._compact()
            return ContentDelta(kind, text, token)
        if cls is Completed:
            text = content if isinstance(content, str) else self.text
            # The completed token is authoritative, and must replace the deltas on a discontinuity.
            self.final = text
            return Completed(kind, "", token)
        return cls(kind, "", token)

    def interrupted(self) -> StreamError:
        return StreamError(
            "the stream ended without its final event (connection lost?)",
            code="STREAM_INTERRUPTED",
            partial_text=self.text,
            hint="the answer may be incomplete; retry the call",
        )


N = TypeVar("N", bound=str, covariant=True)
D = TypeVar("D", covariant=True)


class StreamEvent(Generic[N, D]):
    """One event of a non-chat stream: ``event`` (its name) and ``data`` (the payload model the
    spec names, or the decoded JSON, or the raw text). ``raw`` is the undecoded frame.

    A stream's type lists its events by name (``StreamEvent[Literal["progress"],
    DeployProgressEvent] | StreamEvent[Literal["complete"], DeployCompleteEvent]``), so matching on
    the name tells a type checker what ``data`` is::

        for event in server.deploy_stream("./bot"):
            if event.event == "progress":
                print(event.data.stage)      # a DeployProgressEvent
            else:
                print(event.data.port)       # a DeployCompleteEvent

    An event this meshkit does not know yet (one a newer server sends) arrives too, with its
    JSON as ``data``: compare names rather than assuming the last branch.
    """

    __slots__ = ("_data", "_event", "raw")

    def __init__(self, event: N, data: D, raw: ServerSentEvent) -> None:
        self._event = event
        self._data = data
        self.raw = raw

    @property
    def event(self) -> N:
        """The event's name (``progress``, ``complete``, ``log``…; ``message`` when unnamed)."""
        return self._event

    @property
    def data(self) -> D:
        """The payload: the model the spec names for this event, else its JSON (or text)."""
        return self._data

    def __repr__(self) -> str:
        return f"StreamEvent(event={self._event!r}, data={self._data!r})"


if TYPE_CHECKING:
    # What a decoder makes before a stream's type names its events.
    AnyStreamEvent: TypeAlias = StreamEvent[str, Model | JSON]


class TypedEventDecoder:
    """Maps each event name to the model the spec names for it (``x-meshkit-events``)."""

    def __init__(self, schemas: dict[str, str | None] | None, terminal: str | None = None) -> None:
        self.schemas = schemas or {}
        self.terminal = terminal
        self.finished = False
        self.text = ""

    def convert(self, event: ServerSentEvent) -> AnyStreamEvent:
        from .wire import parse_model

        if self.terminal is not None and event.event == self.terminal:
            self.finished = True
        schema = self.schemas.get(event.event)
        if schema is None:
            try:
                return StreamEvent(event.event, _json(event), event)
            except ResponseValidationError:  # not JSON: the text as it came
                return StreamEvent(event.event, event.data, event)
        return StreamEvent(event.event, parse_model(schema, _json(event)), event)

    def interrupted(self) -> StreamError:
        return StreamError("the stream ended without its final event", code="STREAM_INTERRUPTED")
