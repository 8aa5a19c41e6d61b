"""Verify and parse the webhooks a MUXI formation sends (contract: webhooks.md).

A formation POSTs the outcome of an asynchronous request to your endpoint, signed with HMAC-SHA256
in the ``X-Muxi-Signature`` header. Verify the **raw body as received** (never a re-serialised
copy), then read the typed event. With the contract's test vector:

>>> from meshkit.webhooks import construct_event, verify_signature
>>> body = b'{"id":"req_1","status":"completed"}'
>>> header = "t=1700000000,v1=c868efdb7b6b3694550bcc3abb5173dab1842368714015b14e3a66f1120e3b14"
>>> verify_signature(body, header, "whsec", now=1700000000)
True
>>> verify_signature(body, header, "whsec", now=1700000301)  # outside the 300 s tolerance
False
>>> event = construct_event(body, header, "whsec", now=1700000000)
>>> (event.request_id, event.status)
('req_1', 'completed')

In a handler, pass ``await request.body()`` and ``request.headers.get("X-Muxi-Signature")`` and
leave ``now`` out (it defaults to the current time). The secret is the formation's admin key, or
its client key for retry-escalation payloads. Deliveries are at-least-once: deduplicate on
``request_id`` + ``status``. A delivery that fails verification raises :class:`WebhookError`.

:func:`parse_ui_widgets` reads the widgets of a chat stream's ``ui`` frame.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ._core.errors import ConfigurationError, WebhookError

__all__ = [
    "Clarification",
    "ContentItem",
    "WebhookError",
    "WebhookErrorInfo",
    "WebhookEvent",
    "construct_event",
    "parse_event",
    "parse_ui_widgets",
    "verify_signature",
]

_SECRET_HINT = "use the formation's admin key (its client key for retry-escalation webhooks)"
# A millisecond timestamp passed 10^11 in 1973; a seconds one will not reach it for 3000 years.
_MILLISECONDS_FROM = 10**11
# Far more digits than any plausible Unix time; int() refuses strings over 4300 digits.
_MAX_TIMESTAMP_DIGITS = 18


@dataclass(frozen=True, slots=True)
class ContentItem:
    """One item of the ``response`` array: ``text`` for a text item, ``file`` (url, name?, type?) for a file."""

    type: str
    text: str | None = None
    file: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class WebhookErrorInfo:
    """Why a request failed: ``code`` (e.g. ``processing_failed``), ``message``, and ``trace`` if sent."""

    code: str | None
    message: str | None
    trace: str | None = None


@dataclass(frozen=True, slots=True)
class Clarification:
    """A question the formation asks in async mode; the answer goes back through a normal chat call."""

    question: str | None
    request_id: str | None
    original_message: str | None


@dataclass(frozen=True, slots=True)
class WebhookEvent:
    """A parsed webhook payload. Absent or malformed optional fields are None; ``raw`` keeps every
    field as sent, known or not.

    ``timestamp`` is in seconds since the epoch (milliseconds are converted). Retry-escalation
    payloads fill ``status`` from ``state`` and set ``result``, ``report`` and ``attempts``.
    """

    request_id: str | None = None
    status: str | None = None
    timestamp: float | None = None
    content: list[ContentItem] = field(default_factory=list)
    error: WebhookErrorInfo | None = None
    clarification: Clarification | None = None
    formation_id: str | None = None
    user_id: str | None = None
    processing_time: float | None = None
    processing_mode: str | None = None
    webhook_url: str | None = None
    result: Any = None
    report: dict[str, Any] | None = None
    attempts: int | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The text items of ``content``, concatenated (``""`` when there are none)."""
        return "".join(item.text for item in self.content if item.type == "text" and item.text)


def verify_signature(
    payload: bytes | str,
    signature_header: str | None,
    secret: str,
    tolerance_seconds: int = 300,
    *,
    now: float | None = None,
) -> bool:
    """True when ``signature_header`` (``t=<unix seconds>,v1=<hex>``) signs ``payload`` with ``secret``
    and ``t`` is within ``tolerance_seconds`` of ``now`` (default: the current time).

    ``payload`` is the raw body (a ``str`` is encoded as UTF-8). A missing or malformed header, a
    header with no ``v1`` or not exactly one integer ``t``, a stale ``t`` or a wrong signature all
    give False; any one of several ``v1`` values may match. Raises :class:`ConfigurationError` only
    when ``secret`` is empty.
    """
    if not secret:
        raise ConfigurationError("the webhook secret is empty", hint=_SECRET_HINT)
    parsed = _parse_signature_header(signature_header)
    if parsed is None:
        return False
    timestamp, candidates = parsed
    clock = time.time() if now is None else now
    if abs(clock - int(timestamp)) > tolerance_seconds:
        return False
    body = payload.encode("utf-8") if isinstance(payload, str) else payload
    expected = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body, hashlib.sha256)
    expected_hex = expected.hexdigest().encode("ascii")
    return any(hmac.compare_digest(expected_hex, candidate) for candidate in candidates)


def parse_event(payload: bytes | str | Mapping[str, Any]) -> WebhookEvent:
    """The :class:`WebhookEvent` of a webhook body (raw JSON, or already parsed), without verifying it.

    Unknown fields are kept in ``raw`` and missing optional ones are None; a body that is not a JSON
    object raises :class:`WebhookError`.
    """
    raw = _load_object(payload)
    return WebhookEvent(
        request_id=_string(raw.get("id")) or _string(raw.get("request_id")),
        status=_string(raw.get("status")) or _string(raw.get("state")),
        timestamp=_timestamp_seconds(raw.get("timestamp")),
        content=_content_items(raw.get("response")),
        error=_error_info(raw.get("error")),
        clarification=_clarification(raw),
        formation_id=_string(raw.get("formation_id")),
        user_id=_string(raw.get("user_id")),
        processing_time=_float(raw.get("processing_time")),
        processing_mode=_string(raw.get("processing_mode")),
        webhook_url=_string(raw.get("webhook_url")),
        result=raw.get("result"),
        report=_dict(raw.get("report")),
        attempts=_int(raw.get("attempts")),
        raw=raw,
    )


def construct_event(
    payload: bytes | str,
    signature_header: str | None,
    secret: str,
    tolerance_seconds: int = 300,
    *,
    now: float | None = None,
) -> WebhookEvent:
    """Verify the signature (as :func:`verify_signature`), then parse the body (as :func:`parse_event`).

    Raises :class:`WebhookError` when the signature does not verify.
    """
    if not verify_signature(payload, signature_header, secret, tolerance_seconds, now=now):
        raise WebhookError(
            "the webhook signature does not verify",
            hint=f"pass the raw body as received; {_SECRET_HINT}; check the clock (tolerance {tolerance_seconds} s)",
        )
    return parse_event(payload)


def parse_ui_widgets(event_or_payload: object) -> list[dict[str, Any]]:
    """The widgets of a chat stream's ``ui`` frame; ``[]`` for anything else, never an exception.

    Accepts the frame's payload ``{"ui": [...]}`` (a dict, or its JSON text), an event carrying it
    in ``data`` (a ``ServerSentEvent`` or the chat stream's ``UiEvent``), or the muxi SDK's
    ``{"event": "ui", "data": "<json>"}`` frame dict. Each widget is a dict with a string ``type``;
    unknown types are kept, items that are not such dicts are dropped.
    """
    payload = _ui_payload(event_or_payload)
    widgets = payload.get("ui") if isinstance(payload, Mapping) else None
    if not isinstance(widgets, list):
        return []
    return [widget for widget in widgets if isinstance(widget, dict) and isinstance(widget.get("type"), str)]


def _parse_signature_header(header: str | None) -> tuple[str, list[bytes]] | None:
    """(``t`` as sent, the ``v1`` values) of ``t=…,v1=…``, or None when the header is unusable."""
    if not header:
        return None
    timestamps: list[str] = []
    signatures: list[bytes] = []
    for part in header.split(","):
        key, _, value = part.partition("=")
        key, value = key.strip(), value.strip()
        if key == "t":
            timestamps.append(value)
        elif key == "v1":
            signatures.append(value.encode("utf-8"))  # bytes: compare_digest refuses non-ASCII str
    # Two `t` values would leave the signed one ambiguous: refuse rather than guess.
    if len(timestamps) != 1 or not _is_unix_seconds(timestamps[0]) or not signatures:
        return None
    return timestamps[0], signatures


def _is_unix_seconds(text: str) -> bool:
    # Plain ASCII digits only: int() would also take "+5", "1_000" or non-ASCII digits.
    return text.isascii() and text.isdigit() and len(text) <= _MAX_TIMESTAMP_DIGITS


def _load_object(payload: bytes | str | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(payload, Mapping):
        return dict(payload)
    try:
        loaded = json.loads(payload)
    except (TypeError, ValueError, RecursionError) as exc:
        raise WebhookError("the webhook body is not valid JSON", hint="pass the raw request body") from exc
    if not isinstance(loaded, dict):
        raise WebhookError(f"the webhook body is a JSON {type(loaded).__name__}, not an object")
    return loaded


def _content_items(response: Any) -> list[ContentItem]:
    if not isinstance(response, list):
        return []
    return [
        ContentItem(
            type=_string(item.get("type")) or ("file" if "file" in item else "text"),
            text=_string(item.get("text")),
            file=_dict(item.get("file")),
        )
        for item in response
        if isinstance(item, dict)
    ]


def _error_info(error: Any) -> WebhookErrorInfo | None:
    if isinstance(error, dict):
        code = error.get("code")
        return WebhookErrorInfo(
            code=None if code is None else str(code),  # meshkit error codes are always strings
            message=_string(error.get("message")),
            trace=_string(error.get("trace")),
        )
    if isinstance(error, str) and error:
        return WebhookErrorInfo(code=None, message=error)
    return None


def _clarification(raw: dict[str, Any]) -> Clarification | None:
    asked = "clarification_question" in raw or "clarification_request_id" in raw
    if not asked and raw.get("status") != "awaiting_clarification":
        return None
    return Clarification(
        question=_string(raw.get("clarification_question")),
        request_id=_string(raw.get("clarification_request_id")),
        original_message=_string(raw.get("original_message")),
    )


def _timestamp_seconds(value: Any) -> float | None:
    seconds = _float(value)
    if seconds is not None and seconds >= _MILLISECONDS_FROM:
        return seconds / 1000
    return seconds


def _ui_payload(source: object) -> object:
    """The ``{"ui": [...]}`` object inside whichever form the frame came in."""
    if not isinstance(source, Mapping | str | bytes | bytearray):
        source = getattr(source, "data", None)  # a ServerSentEvent, or the chat stream's UiEvent
    if isinstance(source, Mapping) and "ui" not in source:
        source = source.get("data")  # the muxi SDK's frame dict: {"event": "ui", "data": "<json>"}
    if isinstance(source, str | bytes | bytearray):
        return _json_or_none(source)
    return source


def _json_or_none(text: Any) -> object:
    try:
        return json.loads(text)
    except (TypeError, ValueError, RecursionError):
        return None


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _dict(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _float(value: Any) -> float | None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return None
    try:
        return float(value)
    except OverflowError:  # an integer beyond float range: no usable number
        return None
