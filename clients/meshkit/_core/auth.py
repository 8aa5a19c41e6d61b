"""Authentication as httpx.Auth classes: formation keys, MUXI-HMAC (signed per attempt), broker Bearer.

``auth_flow`` runs for every attempt httpx sends, so a retry after a long backoff is signed
afresh. No class keeps a secret in its ``repr``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Callable, Generator, Sequence
from typing import Literal

import httpx

from .errors import ConfigurationError

KeyKind = Literal["client", "admin"]
KEY_EXTENSION = "meshkit.formation_key"  # request extension naming the key a call needs
# Headers the auth classes below fill with a credential.
CREDENTIAL_HEADERS = ("X-MUXI-CLIENT-KEY", "X-MUXI-ADMIN-KEY", "Authorization")


# Masked too, though meshkit never sets them: a caller's default_headers may carry a proxy's
# credentials or a session cookie.
_MASKED_HEADERS = (*CREDENTIAL_HEADERS, "Proxy-Authorization", "Cookie")


def redact_credentials(request: httpx.Request) -> None:
    """Mask the credentials of a request that was answered, before it travels on with an error
    (``APIError.response.request``): an error object may be logged, pickled or kept."""
    for name in _MASKED_HEADERS:
        if name in request.headers:
            request.headers[name] = "***"


class FormationKeyAuth(httpx.Auth):
    """Sends exactly one formation key: the one the request's ``meshkit.formation_key`` names."""

    def __init__(self, client_key: str | None, admin_key: str | None) -> None:
        self._keys = {"client": client_key, "admin": admin_key}

    def __repr__(self) -> str:
        configured = [kind for kind, key in self._keys.items() if key]
        return f"FormationKeyAuth(configured={configured})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        kind = request.extensions.get(KEY_EXTENSION)
        if kind is not None:
            key = self._keys[kind]
            if key is None:  # select_key() refuses earlier; this guards direct use
                raise ConfigurationError(f"this call needs the formation's {kind} key, which is not configured")
            request.headers["X-MUXI-ADMIN-KEY" if kind == "admin" else "X-MUXI-CLIENT-KEY"] = key
        yield request


def select_key(
    security: Sequence[Sequence[str]], *, user_id: str | None, client_key: str | None, admin_key: str | None
) -> KeyKind | None:
    """The formation key for an operation (contract formation.md §1, canonical choice).

    Admin-only → admin; client-only → client; either → the client key when a user id is given
    and a client key is configured, else the admin key; public → none. A needed key that is not
    configured is a ConfigurationError, raised before anything is sent.
    """
    accepted = {scheme for alternative in security for scheme in alternative}
    if not accepted:
        return None
    if accepted == {"clientKey", "adminKey"}:
        if user_id and client_key:
            return "client"
        if admin_key:
            return "admin"
        if client_key:
            return "client"
        raise ConfigurationError("no formation key configured: pass client_key= or admin_key= (or MUXI_CLIENT_KEY)")
    if "adminKey" in accepted:
        if not admin_key:
            raise ConfigurationError(
                "this operation needs the formation's admin key: pass admin_key= or MUXI_ADMIN_KEY"
            )
        return "admin"
    if not client_key:
        raise ConfigurationError("this operation needs the formation's client key: pass client_key= or MUXI_CLIENT_KEY")
    return "client"


def hmac_signature(secret_key: str, timestamp: int, method: str, path: str) -> str:
    """Base64(HMAC-SHA256(secret, "{timestamp};{METHOD};{path}")) — contract server.md §1."""
    message = f"{timestamp};{method.upper()};{path}".encode()
    return base64.b64encode(hmac.new(secret_key.encode(), message, hashlib.sha256).digest()).decode()


class MuxiHmacAuth(httpx.Auth):
    """``Authorization: MUXI-HMAC key=…, timestamp=…, signature=…``, computed for each attempt over
    the path the server routes (from ``/rpc/`` on: no query, no base-URL prefix)."""

    def __init__(self, key_id: str, secret_key: str, clock: Callable[[], float] = time.time) -> None:
        if not key_id or not secret_key:
            raise ConfigurationError("MUXI-HMAC needs both key_id and secret_key (or MUXI_KEY_ID / MUXI_SECRET_KEY)")
        self._key_id = key_id
        self._secret_key = secret_key
        self._clock = clock

    def __repr__(self) -> str:
        return f"MuxiHmacAuth(key_id={self._key_id!r})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        path = request.url.path
        start = path.find("/rpc/")
        signed_path = path[start:] if start >= 0 else path
        timestamp = int(self._clock())
        signature = hmac_signature(self._secret_key, timestamp, request.method, signed_path)
        request.headers["Authorization"] = f"MUXI-HMAC key={self._key_id}, timestamp={timestamp}, signature={signature}"
        yield request


class BearerAuth(httpx.Auth):
    """``Authorization: Bearer <api_key>`` on every broker request (including /metrics and /health)."""

    def __init__(self, api_key: str) -> None:
        self._api_key = api_key

    def __repr__(self) -> str:
        return "BearerAuth(api_key=***)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self._api_key}"
        yield request
