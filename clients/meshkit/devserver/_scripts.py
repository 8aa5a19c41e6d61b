"""Scripted answers: what the formation, the broker and the MUXI Server's deploys answer to a test.

A test says what the formation answers to a matching chat message (exact text, regex or predicate
on the message, the agent, the user or the session), in the same frames the echo agent sends:

    from meshkit.testing import Answer
    dev.script(Answer().tool_call({"name": "weather"}).text("Sunny."), message="Weather?")

Scripts are tried in the order they were registered; each answers ``times`` matching messages
(``None``: every one). A message no script matches goes to the echo agent, or, in strict mode
(``dev.scripts.strict = True``), is refused with a 500 naming it. An answer is checked against the
spec's event and model schemas when it is built, so a test cannot script what the real runtime
would never send; a malformed script raises :class:`ScriptError` when it is registered. A delay is
at most ``MAX_DELAY`` seconds and an answer at most ``MAX_TOKENS`` content tokens.

Broker scripts (:class:`BrokerAnswer`) give a matching message a latency, a token charge or a
refusal; deploy scripts (:class:`DeployFailure`) fail a MUXI Server deploy at a stage.

Control endpoints (loopback only, see _guard.py)::

    POST   /_dev/script          {"when": {"message": "Hi" | {"regex": "^Hi"}, "agent", "user", "session"},
                                  "answer": [{"text": "..."}, {"tokens": [...], "delay": 0.01},
                                             {"event": "tool_call", "content": {...}}, {"ui": [...]},
                                             {"artifact": {...}}, {"error": "...", "type": "...",
                                             "after_tokens": 3}, {"status": 503}, {"delay": 0.5}],
                                  "times": 1}                                       → 201 the script
                                 {"api": "broker", "when": {"agent": "a1"},
                                  "answer": {"latency_ms": 250, "tokens": 42, "status": 503}}
                                 {"api": "server", "when": {"formation": "bot"},
                                  "answer": {"stage": "health_check", "message": "..."}}
    GET    /_dev/script          the scripts still armed, strict mode and the unmatched messages
    DELETE /_dev/script          disarm all, strict mode off
    PUT    /_dev/script/strict   {"strict": true}
"""

from __future__ import annotations

import itertools
import json
import math
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from ._errors import broker_error, formation_error
from ._validation import spec

# The spec's schemas an answer is checked against.
_TOKEN_FRAME = "#/components/schemas/ChatTokenFrame"
_UI_EVENT = "#/components/schemas/ChatUiEvent"
_ERROR_EVENT = "#/components/schemas/ChatErrorEvent"
_ARTIFACT = "#/components/schemas/ChatArtifact"
_CHAT_RESPONSE = "#/components/schemas/ChatResponse"
_FORMATION_ERROR = "#/components/schemas/FormationErrorEnvelope"

# Token types a script names with ``event``; content and completed come from ``text``/``tokens``.
EVENT_TYPES = ("progress", "planning", "thinking", "tool_call", "failed", "cancelled")
# The stage each event type has unless the script gives one (as the echo agent's and the runtime's).
_EVENT_STAGES = {
    "progress": "init",
    "planning": "agent_selection",
    "thinking": "agent_processing",
    "tool_call": "tool_execution",
}
# The stages a deploy, update, start, restart or rollback reports (contract/server.md §5).
DEPLOY_STAGES = (
    "extracting",
    "validating",
    "resolving_runtime",
    "downloading_sif",
    "pulling_runner",
    "spawning",
    "spawning_staging",
    "spawning_previous",
    "health_check",
    "swapping",
    "stopping",
    "stopping_old",
    "stopping_current",
)
_DEPLOY_KINDS = {"extracting": "ExtractError", "validating": "ParseError", "health_check": "HealthCheckFailed"}
_SAMPLE_IDS = {"request_id": "req_script", "user_id": "0", "session_id": "sess_script", "timestamp": 0.0}
MAX_ERROR_CHARS = 200  # the runtime's event: error text is at most 200 characters, one line
# Bounds on what one script may ask of the dev server (a hostile or mistaken POST /_dev/script).
MAX_DELAY = 600.0  # seconds, for one delay (a step's, a token's, a broker latency)
MAX_TOKENS = 10_000  # content tokens in one answer
MAX_UNMATCHED = 100  # strict mode's unmatched messages kept (the newest)


class ScriptError(ValueError):
    """A script, or an answer, that cannot be registered: raised when it is built, never mid-test.

    >>> Answer().delay(-1)
    Traceback (most recent call last):
    ...
    meshkit.devserver._scripts.ScriptError: delay must be a finite number of seconds >= 0, got -1
    """


def _check(pointer: str, value: Any, what: str) -> None:
    """``value`` against the spec's schema at ``pointer``: ScriptError naming the first problem."""
    errors = sorted(spec().validator(pointer).iter_errors(value), key=lambda error: list(error.absolute_path))
    if errors:
        where = "/".join(str(part) for part in errors[0].absolute_path)
        raise ScriptError(f"{what} is not what the runtime sends ({where or 'top'}: {errors[0].message})")


def _json(value: object, what: str) -> Any:
    """A copy of ``value`` as the stream will send it: later changes to the test's own dict do not
    reach the armed answer, and what JSON cannot carry (a datetime, NaN) is refused now, not mid-stream."""
    try:
        return json.loads(json.dumps(value, allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise ScriptError(f"{what} must be JSON (str, int, float, bool, None, list, dict): {exc}") from None


def _delay(value: Any, what: str = "delay", most: float = MAX_DELAY, unit: str = "seconds") -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise ScriptError(f"{what} must be a finite number of {unit} >= 0, got {value!r}")
    if value > most:
        raise ScriptError(f"{what} must be at most {most:g} {unit}, got {value!r}")
    return float(value)


def _message(value: Any) -> None:
    if value is not None and (not isinstance(value, str) or not value):
        raise ScriptError(f"message must be a string (the error's text), got {value!r}")


def _status(value: Any, low: int = 400) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= 599:
        raise ScriptError(f"status must be an integer {low}-599, got {value!r}")
    return value


@dataclass(frozen=True)
class Step:
    """One step of an :class:`Answer` (``kind`` and its fields), in the order it is played."""

    kind: str
    data: Mapping[str, Any]


class Answer:
    """What the scripted formation answers: start from ``Answer()`` and chain the steps, played in
    order. Every builder checks its step against the spec and raises :class:`ScriptError` at once.

    >>> answer = Answer().thinking("Looking it up").tool_call({"name": "weather"}).text("Sunny today.")
    >>> answer.reply_text
    'Sunny today.'

    In a stream each step is its frames (one ``content`` token per word of ``text``, then the
    ``completed`` token, ``event: ui`` and ``event: done``); the blocking answer (``"stream":
    false``) is the joined text, with the widgets as ``message.ui`` and the artifacts as
    ``message.artifacts``. ``error`` ends a stream with ``event: error`` (a blocking call gets 500);
    ``status`` refuses the call itself, in both modes.
    """

    def __init__(self, steps: Sequence[Step] = ()) -> None:
        self.steps: tuple[Step, ...] = tuple(steps)

    def __repr__(self) -> str:
        return f"Answer({[step.kind for step in self.steps]})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Answer) and other.steps == self.steps

    __hash__ = None  # type: ignore[assignment]

    def _then(self, kind: str, **data: Any) -> Answer:
        if any(step.kind in ("error", "status") for step in self.steps):
            raise ScriptError(f"nothing can follow an error or a status, not even {kind!r}")
        return Answer((*self.steps, Step(kind, data)))

    # --- content -------------------------------------------------------------------------------

    def text(self, text: str, *, delay: float | Sequence[float] | None = None) -> Answer:
        """Answer ``text``, streamed word by word (``delay`` seconds before each token; default the
        server's ``token_delay``)."""
        if not isinstance(text, str):
            raise ScriptError(f"text must be a string, got {type(text).__name__}")
        from .formation._chat import tokens_of

        return self.tokens(tokens_of(text) or [text], delay=delay)

    def tokens(self, tokens: Sequence[str], *, delay: float | Sequence[float] | None = None) -> Answer:
        """Stream exactly these ``content`` tokens, ``delay`` seconds before each, or one delay per
        token (a list as long as ``tokens``): the sequence's own timing."""
        if isinstance(tokens, str) or not isinstance(tokens, Sequence) or not tokens:
            raise ScriptError("tokens must be a non-empty list of strings")
        for token in tokens:
            if not isinstance(token, str):
                raise ScriptError(f"every token must be a string, got {token!r}")
        sent = len(tokens) + sum(len(step.data["tokens"]) for step in self.steps if step.kind == "tokens")
        if sent > MAX_TOKENS:
            raise ScriptError(f"an answer streams at most {MAX_TOKENS} content tokens, got {sent}")
        # Every token is a string, so one frame stands for them all (checking each one cost 0.3 ms).
        _check(_TOKEN_FRAME, {"token": {**_SAMPLE_IDS, "type": "content", "content": tokens[0]}}, "a content token")
        delays: float | list[float] | None
        if delay is None or isinstance(delay, int | float):
            delays = None if delay is None else _delay(delay)
        elif isinstance(delay, Sequence) and not isinstance(delay, str) and len(delay) == len(tokens):
            delays = [_delay(value) for value in delay]
        else:
            raise ScriptError("delay must be seconds, or a list of seconds as long as tokens")
        return self._then("tokens", tokens=list(tokens), delay=delays)

    # --- runtime events ------------------------------------------------------------------------

    def event(self, type: str, content: object = None, **fields: object) -> Answer:
        """A runtime event token: ``type`` is one of ``progress``, ``planning``, ``thinking``,
        ``tool_call``, ``failed``, ``cancelled``; ``fields`` are extra token fields (``stage``…;
        by default the type's own, as :meth:`thinking` and the others give it)."""
        if type not in EVENT_TYPES:
            raise ScriptError(f"unknown event type {type!r}: one of {', '.join(EVENT_TYPES)} (text for content)")
        if type in _EVENT_STAGES:
            fields = {"stage": _EVENT_STAGES[type], **fields}
        reserved = {"type", "content", *_SAMPLE_IDS} & set(fields)
        if reserved:
            raise ScriptError(f"the dev server sets {sorted(reserved)} itself")
        content, fields = _json(content, f"a {type} event's content"), _json(fields, f"a {type} event's fields")
        token = {**_SAMPLE_IDS, "type": type, "content": content, **fields}
        _check(_TOKEN_FRAME, {"token": token}, f"a {type} event")
        return self._then("event", type=type, content=content, fields=dict(fields))

    def thinking(self, content: object, **fields: object) -> Answer:
        """A ``thinking`` token (``stage="agent_processing"`` unless given)."""
        return self.event("thinking", content, **fields)

    def planning(self, content: object, **fields: object) -> Answer:
        """A ``planning`` token (``stage="agent_selection"`` unless given)."""
        return self.event("planning", content, **fields)

    def progress(self, content: object, **fields: object) -> Answer:
        """A ``progress`` token (``stage="init"`` unless given)."""
        return self.event("progress", content, **fields)

    def tool_call(self, content: object, **fields: object) -> Answer:
        """A ``tool_call`` token; ``content`` describes the call (any JSON, e.g. ``{"name", "arguments"}``)."""
        return self.event("tool_call", content, **fields)

    # --- widgets and artifacts -----------------------------------------------------------------

    def ui(self, *widgets: Mapping[str, object]) -> Answer:
        """UI widgets (``{"type": "options", "id": ..., ...}``): ``event: ui`` before done in a
        stream, ``message.ui`` in a blocking answer."""
        if not widgets:
            raise ScriptError("ui needs at least one widget")
        copies = _json([dict(widget) if isinstance(widget, Mapping) else widget for widget in widgets], "a widget")
        _check(_UI_EVENT, {"ui": copies}, "a ui event")
        return self._then("ui", widgets=copies)

    def artifact(self, artifact: Mapping[str, object]) -> Answer:
        """A file the agent produced: ``message.artifacts`` of a blocking answer, the ``artifacts``
        of the stream's ``completed`` token."""
        copy = _json(dict(artifact) if isinstance(artifact, Mapping) else artifact, "an artifact")
        _check(_ARTIFACT, copy, "an artifact")
        return self._then("artifact", artifact=copy)

    # --- timing and failures -------------------------------------------------------------------

    def delay(self, seconds: float) -> Answer:
        """Wait ``seconds`` before the next step (a stream sends keepalives meanwhile)."""
        return self._then("delay", seconds=_delay(seconds))

    def error(self, message: str, *, type: str = "ScriptedError", after_tokens: int | None = None) -> Answer:
        """End the stream with ``event: error`` (``type`` is the runtime's exception class), here or
        after the first ``after_tokens`` content tokens; a blocking call gets a 500 instead."""
        if not isinstance(message, str) or not message or "\n" in message or len(message) > MAX_ERROR_CHARS:
            raise ScriptError(f"an error message is one line of 1-{MAX_ERROR_CHARS} characters, as the runtime's")
        _check(_ERROR_EVENT, {"error": message, "type": type}, "an error event")
        if after_tokens is not None and (
            isinstance(after_tokens, bool) or not isinstance(after_tokens, int) or after_tokens < 0
        ):
            raise ScriptError(f"after_tokens must be an integer >= 0, got {after_tokens!r}")
        return self._then("error", message=message, type=type, after_tokens=after_tokens)

    def status(
        self, status: int, message: str | None = None, *, code: str | None = None, retry_after: int | None = None
    ) -> Answer:
        """Refuse the call with HTTP ``status`` and the formation's error envelope (``code`` defaults
        to the runtime's code for the status: 503 ``SYSTEM_OVERLOAD``, 429 ``RATE_LIMITED``…)."""
        if any(step.kind != "delay" for step in self.steps):
            raise ScriptError("status refuses the whole call: only delays can come before it")
        status = _status(status)
        text = message or f"Scripted refusal: HTTP {status}"
        _check(_FORMATION_ERROR, formation_error(status, text, code), "the error envelope")
        if retry_after is not None and (isinstance(retry_after, bool) or not isinstance(retry_after, int)):
            raise ScriptError("retry_after must be a whole number of seconds")
        return self._then("status", status=status, message=text, code=code, retry_after=retry_after)

    # --- reading -------------------------------------------------------------------------------

    @property
    def reply_text(self) -> str:
        """The whole answer text (every content token, joined)."""
        return "".join(token for step in self.steps if step.kind == "tokens" for token in step.data["tokens"])

    def find(self, kind: str) -> Step | None:
        """The first step of ``kind``, if any."""
        return next((step for step in self.steps if step.kind == kind), None)

    def blocking_message(self, session_id: str) -> dict[str, Any]:
        """``data.message`` of the blocking answer, checked against the spec."""
        message: dict[str, Any] = {
            "role": "assistant",
            "content": self.reply_text,
            "artifacts": [step.data["artifact"] for step in self.steps if step.kind == "artifact"] or None,
            "metadata": {"session_id": session_id},
        }
        widgets = [widget for step in self.steps if step.kind == "ui" for widget in step.data["widgets"]]
        if widgets:
            message["ui"] = widgets
        return message

    def to_json(self) -> list[dict[str, Any]]:
        """The steps as ``POST /_dev/script`` takes them."""
        out: list[dict[str, Any]] = []
        for step in self.steps:
            data = dict(step.data)
            if step.kind == "tokens":
                out.append({"tokens": data["tokens"], "delay": data["delay"]})
            elif step.kind == "event":
                out.append({"event": data["type"], "content": data["content"], **data["fields"]})
            elif step.kind == "ui":
                out.append({"ui": data["widgets"]})
            elif step.kind == "artifact":
                out.append({"artifact": data["artifact"]})
            elif step.kind == "delay":
                out.append({"delay": data["seconds"]})
            elif step.kind == "error":
                out.append({"error": data["message"], "type": data["type"], "after_tokens": data["after_tokens"]})
            else:
                refusal = ("status", "message", "code", "retry_after")
                out.append({name: data[name] for name in refusal})
        return out

    @classmethod
    def from_json(cls, steps: Any) -> Answer:
        """An answer from its JSON form (a list of steps, see the module's docstring)."""
        if isinstance(steps, str):
            return cls().text(steps)
        if not isinstance(steps, list) or not steps:
            raise ScriptError('"answer" must be a text or a non-empty list of steps')
        answer = cls()
        for raw in steps:
            if not isinstance(raw, dict):
                raise ScriptError(f"a step must be an object, got {raw!r}")
            step = dict(raw)
            try:
                if "text" in step:
                    answer = answer.text(step.pop("text"), delay=step.pop("delay", None))
                elif "tokens" in step:
                    answer = answer.tokens(step.pop("tokens"), delay=step.pop("delay", None))
                elif "event" in step:
                    answer = answer.event(step.pop("event"), step.pop("content", None), **step)
                    step = {}
                elif "ui" in step:
                    widgets = step.pop("ui")
                    if not isinstance(widgets, list):
                        raise ScriptError('"ui" must be a list of widgets')
                    answer = answer.ui(*widgets)
                elif "artifact" in step:
                    answer = answer.artifact(step.pop("artifact"))
                elif "error" in step:
                    kind, after = step.pop("type", "ScriptedError"), step.pop("after_tokens", None)
                    answer = answer.error(step.pop("error"), type=kind, after_tokens=after)
                elif "status" in step:
                    answer = answer.status(
                        step.pop("status"),
                        step.pop("message", None),
                        code=step.pop("code", None),
                        retry_after=step.pop("retry_after", None),
                    )
                elif "delay" in step:
                    answer = answer.delay(step.pop("delay"))
                else:
                    known = "text, tokens, event, ui, artifact, error, status, delay"
                    raise ScriptError(f"unknown step {sorted(raw)}: one of {known}")
            except TypeError as exc:
                raise ScriptError(f"bad step {raw!r}: {exc}") from None
            if step:
                raise ScriptError(f"unknown fields in step {raw!r}: {sorted(step)}")
        return answer


# --- matching ----------------------------------------------------------------------------------

Matcher: TypeAlias = "str | re.Pattern[str] | Callable[[str], bool]"


def _matcher(value: Any, name: str) -> Matcher | None:
    """A matcher from Python (text, compiled regex, predicate) or JSON (text or ``{"regex": ...}``)."""
    if value is None or isinstance(value, str | re.Pattern) or callable(value):
        return value  # type: ignore[no-any-return]
    if isinstance(value, dict) and set(value) == {"regex"} and isinstance(value["regex"], str):
        try:
            return re.compile(value["regex"])
        except re.error as exc:
            raise ScriptError(f"{name}: the regex {value['regex']!r} does not compile ({exc})") from None
    raise ScriptError(f'{name} must be a text, a regex ({{"regex": ...}} or re.compile) or a predicate')


def _matches(matcher: Matcher | None, value: str | None) -> bool:
    if matcher is None:
        return True
    if value is None:
        return False
    if isinstance(matcher, str):
        return matcher == value
    if isinstance(matcher, re.Pattern):
        return matcher.search(value) is not None
    return bool(matcher(value))


def _describe(matcher: Matcher | None) -> Any:
    if matcher is None or isinstance(matcher, str):
        return matcher
    if isinstance(matcher, re.Pattern):
        return {"regex": matcher.pattern}
    return {"predicate": getattr(matcher, "__name__", "predicate")}


def _times(value: Any) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise ScriptError(f"times must be an integer >= 1, or None to repeat, got {value!r}")
    return value


@dataclass
class Script:
    """A registered script: what it matches (``when``), its answer, and how many uses remain
    (``times``; None repeats)."""

    api: str
    when: dict[str, Matcher | None]
    answer: Any  # Answer, BrokerAnswer or DeployFailure
    times: int | None
    id: int = 0
    used: int = 0

    def matches(self, **values: str | None) -> bool:
        return all(_matches(matcher, values.get(name)) for name, matcher in self.when.items())

    def to_json(self) -> dict[str, Any]:
        answer = self.answer.to_json()
        when = {name: _describe(matcher) for name, matcher in self.when.items() if matcher is not None}
        return {"id": self.id, "api": self.api, "when": when, "answer": answer, "times": self.times, "used": self.used}


@dataclass(frozen=True)
class BrokerAnswer:
    """How the broker answers a matching message: wait ``latency_ms`` first (reported as the
    acknowledgment's ``processing_latency_ms``), charge ``tokens`` (budgets and stats follow), or
    refuse it with ``status`` and the broker's error ``code``.

    >>> BrokerAnswer(tokens=42).tokens
    42
    """

    latency_ms: float | None = None
    tokens: float | None = None
    status: int | None = None
    message: str | None = None
    code: str | None = None

    def __post_init__(self) -> None:
        if self.latency_ms is not None:
            _delay(self.latency_ms, "latency_ms", MAX_DELAY * 1000, "milliseconds")
        if self.tokens is not None:
            _delay(self.tokens, "tokens", math.inf, "tokens")
        _message(self.message)
        if self.status is not None:
            _status(self.status)
        elif self.message is not None or self.code is not None:
            raise ScriptError("message and code describe a refusal: give its status too")
        if self.code is not None and not re.fullmatch(r"[a-z][a-z0-9_]*", self.code):
            raise ScriptError(f"a broker error code is snake_case, got {self.code!r}")
        if self.latency_ms is None and self.tokens is None and self.status is None:
            raise ScriptError("a broker answer needs latency_ms, tokens or status")

    def error_body(self) -> dict[str, Any]:
        assert self.status is not None
        return broker_error(self.status, self.message or f"Scripted refusal: HTTP {self.status}", self.code)

    def to_json(self) -> dict[str, Any]:
        fields = ("latency_ms", "tokens", "status", "message", "code")
        return {name: getattr(self, name) for name in fields if getattr(self, name) is not None}


@dataclass(frozen=True)
class DeployFailure:
    """A MUXI Server deploy (or update, start, restart, rollback) that fails at ``stage``: the JSON
    answer is a 500 with the server's error body, a progress stream ends with ``event: error``
    naming the stage and ``kind`` (``HealthCheckFailed`` for ``health_check``…).

    >>> DeployFailure("health_check").error_kind
    'HealthCheckFailed'
    """

    stage: str
    message: str | None = None
    kind: str | None = None
    status: int = 500

    def __post_init__(self) -> None:
        if self.stage not in DEPLOY_STAGES:
            raise ScriptError(f"unknown deploy stage {self.stage!r}: one of {', '.join(DEPLOY_STAGES)}")
        _message(self.message)
        _status(self.status, 500)
        if self.kind is not None and not re.fullmatch(r"[A-Z][A-Za-z]*", self.kind):
            raise ScriptError(f"an error kind is CamelCase, like the server's (HealthCheckFailed), got {self.kind!r}")

    @property
    def error_kind(self) -> str:
        """The ``error`` of the stream's error frame."""
        return self.kind or _DEPLOY_KINDS.get(self.stage, "DeployFailed")

    @property
    def error_message(self) -> str:
        return self.message or f"Scripted failure at stage {self.stage}"

    def to_json(self) -> dict[str, Any]:
        return {"stage": self.stage, "message": self.error_message, "kind": self.error_kind, "status": self.status}


_WHEN = {
    "formation": ("message", "agent", "user", "session"),
    "broker": ("agent", "message_id"),
    "server": ("formation", "operation"),
}


class ScriptBook:
    """Every script of one dev server, in registration order. ``strict``: a chat no script matches
    is refused (500 ``SCRIPT_UNMATCHED``) instead of echoed; ``unmatched`` lists those messages."""

    def __init__(self) -> None:
        self.scripts: list[Script] = []
        self.strict = False
        self.unmatched: list[str] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def add(self, api: str, answer: Any, times: int | None = 1, **when: Any) -> Script:
        """Register a script for ``api`` (``formation``, ``broker`` or ``server``)."""
        if api not in _WHEN:
            raise ScriptError(f"api must be one of {sorted(_WHEN)}, got {api!r}")
        unknown = set(when) - set(_WHEN[api])
        if unknown:
            raise ScriptError(f"a {api} script matches on {', '.join(_WHEN[api])}, not {sorted(unknown)}")
        kinds = {"formation": Answer, "broker": BrokerAnswer, "server": DeployFailure}
        if api == "formation" and isinstance(answer, str):
            answer = Answer().text(answer)
        if not isinstance(answer, kinds[api]):
            raise ScriptError(f"a {api} script answers with {kinds[api].__name__}, got {type(answer).__name__}")
        if isinstance(answer, Answer):
            if not answer.steps:
                raise ScriptError("an answer needs at least one step")
            sample = {
                "message": answer.blocking_message("sess_script"),
                "user_id": "0",
                "session_id": "s",
                "request_id": None,
            }
            _check(_CHAT_RESPONSE, sample, "the blocking answer")
        matchers = {name: _matcher(when.get(name), name) for name in _WHEN[api]}
        script = Script(api, matchers, answer, _times(times))
        with self._lock:
            script.id = next(self._ids)
            self.scripts.append(script)
        return script

    def take(self, api: str, accept: Callable[[Any], bool] | None = None, **values: str | None) -> Any:
        """The answer of the first script matching this call (and, given ``accept``, whose answer
        it accepts), charged one use; None when none does."""
        with self._lock:
            for script in self.scripts:
                if script.api == api and script.matches(**values) and (accept is None or accept(script.answer)):
                    script.used += 1
                    if script.times is not None and script.used >= script.times:
                        self.scripts.remove(script)
                    return script.answer
            if api == "formation" and self.strict and values.get("message") is not None:
                self.unmatched.append(str(values["message"]))
                del self.unmatched[:-MAX_UNMATCHED]
        return None

    def clear(self) -> None:
        """Disarm every script, strict mode off, forget the unmatched messages."""
        with self._lock:
            self.scripts.clear()
            self.unmatched.clear()
            self.strict = False

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "scripts": [script.to_json() for script in self.scripts],
                "strict": self.strict,
                "unmatched": list(self.unmatched),
            }

    def add_json(self, spec_: Any) -> Script:
        """A script from the JSON ``POST /_dev/script`` takes."""
        if not isinstance(spec_, dict):
            raise ScriptError("the body must be a JSON object")
        unknown = set(spec_) - {"api", "when", "answer", "times"}
        if unknown:
            raise ScriptError(f"unknown script fields: {sorted(unknown)}")
        api = spec_.get("api", "formation")
        when = spec_.get("when") or {}
        if not isinstance(when, dict):
            raise ScriptError('"when" must be an object')
        raw = spec_.get("answer")
        answer: Any
        if api == "formation":
            answer = Answer.from_json(raw)
        else:
            if not isinstance(raw, dict):
                raise ScriptError('"answer" must be an object')
            try:
                answer = BrokerAnswer(**raw) if api == "broker" else DeployFailure(**raw)
            except TypeError as exc:
                raise ScriptError(f"bad answer {raw!r}: {exc}") from None
        return self.add(api, answer, spec_.get("times", 1), **when)


def unmatched_error(message: str) -> tuple[int, str, str]:
    """The strict mode's refusal of a message no script matches."""
    return 500, f"No script matches the message {message[:80]!r} (strict mode)", "SCRIPT_UNMATCHED"


__all__ = ["Answer", "BrokerAnswer", "DeployFailure", "Script", "ScriptBook", "ScriptError", "Step"]
