"""The MUXI Server's wire rules (contract/server.md): its version, the error body (§2) and the
success envelope, and the MUXI-HMAC signature of every ``/rpc/*`` request (§1)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from .. import __version__ as meshkit_version
from ._errors import server_error
from ._wire import json_response

SERVER_VERSION = f"{meshkit_version}-dev"

UNAUTHORIZED_MISSING = "Missing authorization header"
UNAUTHORIZED_FORMAT = "Invalid authorization header format"
UNAUTHORIZED_KEY = "Invalid key"
UNAUTHORIZED_EXPIRED = "Request expired (timestamp too old or in future)"
UNAUTHORIZED_SIGNATURE = "Invalid signature"


# --- errors ------------------------------------------------------------------------------------


class ServerError(Exception):
    """A refusal: the server error body (§2) in a JSON answer, or an ``event: error`` frame (§5).

    ``kind`` is the frame's ``error`` value (``NotFound``, ``ExtractError``…); ``stage`` pins the
    frame's stage when the failure happens before the operation reports one.
    """

    def __init__(self, status: int, message: str, kind: str | None = None, stage: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.kind = kind or HTTPStatus(status).phrase.replace(" ", "")
        self.stage = stage

    def response(self) -> Response:
        """The JSON answer: ``{"error": <status text>, "message", "code": <status>}``."""
        return json_response(server_error(self.status, self.message), self.status)

    def event(self, current_stage: str) -> dict[str, Any]:
        """The data of the ``event: error`` frame."""
        return {"error": self.kind, "message": self.message, "stage": self.stage or current_stage}


def formation_not_found(stage: str | None = None) -> ServerError:
    """404 ``Formation not found`` (``NotFound`` in a progress stream)."""
    return ServerError(404, "Formation not found", "NotFound", stage)


def success(data: Any, status: int = 200) -> Response:
    """The success envelope (§2)."""
    return json_response({"success": True, "data": data}, status)


class EndpointNotFound:
    """The catch-all ASGI app: 404 ``Endpoint not found`` for every path and method nobody serves."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await ServerError(404, "Endpoint not found").response()(scope, receive, send)


def internal_error(exc: Exception) -> ServerError:
    """A bug or an unexpected failure, reported instead of dropping the answer."""
    return ServerError(500, f"Internal server error: {exc}", "InternalError")


# --- §1 MUXI-HMAC ------------------------------------------------------------------------------


def sign_request(secret_key: str, timestamp: str, method: str, path: str) -> str:
    """Base64 of HMAC-SHA256(secret, ``"{timestamp};{METHOD};{path}"``)."""
    message = f"{timestamp};{method.upper()};{path}".encode()
    digest = hmac.new(secret_key.encode(), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def parse_authorization(header: str) -> tuple[str, str, str]:
    """``key``, ``timestamp`` and ``signature`` of a ``MUXI-HMAC`` header.

    Parameters are split on ``", "`` and each on its first ``=``, as the server does; any other
    separator leaves a parameter missing, which is a format error.
    """
    if not header.startswith("MUXI-HMAC "):
        raise ServerError(401, UNAUTHORIZED_FORMAT)
    params: dict[str, str] = {}
    for part in header.removeprefix("MUXI-HMAC ").split(", "):
        name, equals, value = part.partition("=")
        if equals:
            params[name] = value
    key, timestamp, signature = (params.get(name, "") for name in ("key", "timestamp", "signature"))
    if not (key and timestamp and signature):
        raise ServerError(401, UNAUTHORIZED_FORMAT)
    return key, timestamp, signature


@dataclass(frozen=True)
class HmacVerifier:
    """The MUXI-HMAC check of every ``/rpc/*`` request (§1), in the server's order."""

    key_id: str
    secret_key: str
    tolerance_secs: int
    clock: Callable[[], float] = time.time

    def check(self, authorization: str | None, method: str, path: str) -> None:
        """Raise a 401 :class:`ServerError` unless the header signs ``METHOD path`` now."""
        if not authorization:
            raise ServerError(401, UNAUTHORIZED_MISSING)
        key, timestamp, signature = parse_authorization(authorization)
        if not hmac.compare_digest(key.encode(), self.key_id.encode()):
            raise ServerError(401, UNAUTHORIZED_KEY)
        if not self._is_fresh(timestamp):
            raise ServerError(401, UNAUTHORIZED_EXPIRED)
        # The server signs the timestamp exactly as it was sent.
        expected = sign_request(self.secret_key, timestamp, method, path)
        if not hmac.compare_digest(signature.encode(), expected.encode()):
            raise ServerError(401, UNAUTHORIZED_SIGNATURE)

    def _is_fresh(self, timestamp: str) -> bool:
        # Like the real server, a timestamp that is not an integer fails the freshness check.
        if not re.fullmatch(r"[+-]?\d+", timestamp):
            return False
        return abs(self.clock() - int(timestamp)) <= self.tolerance_secs
