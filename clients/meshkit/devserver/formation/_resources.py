"""Formation operations other than chat, sessions, requests and events (being filled in)."""

from __future__ import annotations

import time
from typing import Any

from starlette.responses import Response

from .._wire import json_response
from ._core import Call, operation


@operation("GET", "/v1/health", "public")
async def get_health(call: Call) -> Response:
    runtime = call.runtime
    body: dict[str, Any] = {
        "status": "healthy",
        "version": runtime.version,
        "uptime_seconds": round(time.time() - runtime.started_at, 3),
    }
    return json_response(body)
