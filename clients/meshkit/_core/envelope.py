"""Unwrapping the MUXI success envelope (formation and server; contract README, formation.md §3)."""

from __future__ import annotations

import json
from typing import Any

_FILLED_FROM_ENVELOPE = ("request_id", "idempotency_key", "timestamp")


def unwrap(body: Any) -> Any:
    """The payload of a decoded success body.

    An object whose ``data`` is an object → a copy of ``data`` with ``request_id``,
    ``idempotency_key`` and ``timestamp`` filled from the envelope when absent or null; a non-null
    non-object ``data`` → ``data``; no ``data`` (or null) → the body as it is.
    """
    if not isinstance(body, dict):
        return body
    data = body.get("data")
    if isinstance(data, dict):
        request = body.get("request")
        request = request if isinstance(request, dict) else {}
        found = {
            "request_id": request.get("id") or body.get("request_id"),
            "idempotency_key": request.get("idempotency_key"),
            "timestamp": body.get("timestamp"),
        }
        unwrapped = dict(data)
        for key in _FILLED_FROM_ENVELOPE:
            if unwrapped.get(key) is None and found[key] is not None:
                unwrapped[key] = found[key]
        return unwrapped
    if data is not None:
        return data
    return body


def decode_body(content: bytes, content_type: str | None) -> Any:
    """A response body as the contract reads it: empty → None, JSON → its value, else the text."""
    if not content:
        return None
    if content_type and content_type.startswith("text/"):
        return content.decode("utf-8", errors="replace")  # /ping's "pong", logs, metrics: never guessed as JSON
    try:
        return json.loads(content)  # bytes straight in: no intermediate str copy on the hot path
    except ValueError:  # also UnicodeDecodeError
        return content.decode("utf-8", errors="replace")
