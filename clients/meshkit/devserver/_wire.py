"""Small wire helpers shared by the three APIs of the dev server: compact JSON and SSE frames."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response


def dumps(value: Any) -> str:
    """Compact JSON, as the real servers write it."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(dumps(body), status_code=status, headers=headers, media_type="application/json")


def sse_frame(data: Any, event: str | None = None) -> bytes:
    """One server-sent event; ``data`` is JSON-encoded unless it is already a string."""
    text = data if isinstance(data, str) else dumps(data)
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {text}\n\n".encode()


SSE_HEADERS = {"Cache-Control": "no-cache", "Connection": "keep-alive", "X-Accel-Buffering": "no"}

KEEPALIVE = b": keepalive\n\n"
