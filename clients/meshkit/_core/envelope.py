"""Unwrapping the MUXI success envelope (formation and server; contract README, formation.md §3)."""

from __future__ import annotations

import json
from typing import Any


def unwrap(body: Any) -> Any:
    """The payload of a decoded success body.

    An object whose ``data`` is an object → ``data``, with ``request_id`` filled from the
    envelope (in a copy) when absent or null: the runtime sends a chat answer's own ``request_id``
    as null and the real one in the envelope. The rest of the envelope (its idempotency key and
    time) is metadata, which typed results carry as ``meta`` (``model_base.ResponseMeta``), never
    as fields. A non-null non-object ``data`` → ``data``; no ``data`` (or null) → the body as it is.
    """
    if not isinstance(body, dict):
        return body
    data = body.get("data")
    if isinstance(data, dict):
        if data.get("request_id") is not None:
            return data
        request = body.get("request")
        request_id = (request.get("id") if isinstance(request, dict) else None) or body.get("request_id")
        return data if request_id is None else {**data, "request_id": request_id}
    if data is not None:
        return data
    return body


def envelope_data(body: dict[str, Any]) -> Any:
    """The ``data`` of an envelope as it is (its metadata stays out: see ``ResponseMeta``), or the
    body itself when it has no ``data``."""
    data = body.get("data")
    return body if data is None else data


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
