"""The error bodies of the three APIs, exactly as the contract spells them. One place for each."""

from __future__ import annotations

import time
import uuid
from http import HTTPStatus
from typing import Any

# contract/formation.md §4: status → error.code for errors raised generically.
FORMATION_CODES = {
    400: "INVALID_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "RESOURCE_NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    422: "INVALID_PARAMS",
    429: "RATE_LIMITED",
    501: "METHOD_NOT_FOUND",
    503: "SYSTEM_OVERLOAD",
}
_FORMATION_TYPES = {
    "INVALID_REQUEST": "error.validation",
    "INVALID_PARAMS": "error.validation",
    "PARSE_ERROR": "error.validation",
    "VALIDATION_ERROR": "error.validation",
    "UNAUTHORIZED": "error.authentication",
    "FORBIDDEN": "error.authorization",
}

# contract/broker.md §4: the broker's code for statuses raised generically.
BROKER_CODES = {
    400: "invalid_request",
    401: "unauthorized",
    402: "budget_exceeded",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    429: "rate_limited",
    500: "internal_error",
    503: "no_healthy_endpoints",
}


def new_request_id() -> str:
    return "req_" + uuid.uuid4().hex[:21]


def formation_error(
    status: int,
    message: str,
    code: str | None = None,
    data: dict[str, Any] | None = None,
    request_id: str | None = None,
    idempotency_key: str | None = None,
) -> dict[str, Any]:
    """The formation error envelope (formation.md §4)."""
    code = code or FORMATION_CODES.get(status, "INTERNAL_ERROR")
    if code in _FORMATION_TYPES:
        kind = _FORMATION_TYPES[code]
    elif status == 404:
        kind = "error.not_found"
    elif status < 500:
        kind = "error.processing"
    else:
        kind = "error.internal"
    return {
        "object": "error",
        "timestamp": int(time.time() * 1000),
        "type": kind,
        "request": {"id": request_id or new_request_id(), "idempotency_key": idempotency_key},
        "success": False,
        "error": {"code": code, "message": message, "data": data},
        "data": {},
    }


def server_error(status: int, message: str) -> dict[str, Any]:
    """The MUXI Server's Go-style error body (server.md §2)."""
    return {"error": HTTPStatus(status).phrase, "message": message, "code": status}


def broker_error(status: int, message: str, code: str | None = None, **extra: Any) -> dict[str, Any]:
    """The broker's error body (broker.md §4)."""
    return {"error": code or BROKER_CODES.get(status, "internal_error"), "message": message, **extra}


def api_error(api: str, status: int, message: str) -> dict[str, Any]:
    """The error body of ``api`` (``formation``, ``broker`` or ``server``) for ``status``."""
    if api == "formation":
        return formation_error(status, message)
    if api == "broker":
        return broker_error(status, message)
    return server_error(status, message)
