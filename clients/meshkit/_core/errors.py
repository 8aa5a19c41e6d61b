"""The meshkit error hierarchy, and the mapping of every error body the three APIs send.

Every failure a caller can see is a :class:`MeshkitError`. API errors carry ``status_code``,
``code`` (always a string), ``message`` (the server's own text), ``request_id``, the parsed
``body`` and a ``hint`` saying what to check. Connection and timeout errors are also the
builtins of the same name, so ``except TimeoutError`` keeps working.
"""

from __future__ import annotations

import builtins
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Required, TypedDict, Unpack

from .jsontypes import JSON

if TYPE_CHECKING:
    import httpx


class MeshkitError(Exception):
    """Root of every error meshkit raises."""

    hint: str | None = None

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} (hint: {self.hint})" if self.hint else self.message


class ConfigurationError(MeshkitError, ValueError):
    """Something the client needs (a URL, a key, a secret) is missing or malformed; nothing was sent."""


class APIError(MeshkitError):
    """The server answered with an error status. ``retry_after`` is the seconds its
    ``Retry-After`` (or ``retry-after-ms``) asked for, whatever the status; None without one.
    ``response`` is the ``httpx.Response`` itself (headers, the request it answered; its body
    already read), or None for an error raised before anything was sent."""

    response: httpx.Response | None = None

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: str,
        request_id: str | None = None,
        body: JSON = None,
        details: JSON = None,
        hint: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.status_code = status_code
        self.code = code
        self.request_id = request_id
        self.body = body
        self.details = details
        self.retry_after = retry_after

    def __str__(self) -> str:
        text = f"{self.status_code} {self.code}: {self.message}"
        if self.request_id:
            text += f" [request {self.request_id}]"
        return f"{text} (hint: {self.hint})" if self.hint else text

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code}, code={self.code!r}, message={self.message!r})"


class _ErrorFields(TypedDict, total=False):
    """The keyword arguments of :class:`APIError` (for its subclasses' ``**kwargs``)."""

    status_code: Required[int]
    code: Required[str]
    request_id: str | None
    body: JSON
    details: JSON
    hint: str | None


class _APIErrorFields(_ErrorFields, total=False):
    retry_after: float | None


class RedirectError(APIError):
    """3xx: the server redirected the call. meshkit never follows a redirect (its keys must not
    reach another origin, and a redirected POST may not be what was meant); ``location`` names the
    target so the caller can decide, for example by configuring that URL."""

    hint = "the URL moved: check the base URL, or point the client at `location` if you trust it"

    def __init__(self, message: str, *, location: str | None, **kwargs: Unpack[_APIErrorFields]) -> None:
        super().__init__(message, **kwargs)
        self.location = location


class ValidationError(APIError):
    """400/422: the request was refused as invalid. ``field`` names the offending field when known."""

    hint = "check the arguments against the API reference; `field` names the offending one"

    def __init__(self, message: str, *, field: str | None = None, **kwargs: Unpack[_APIErrorFields]) -> None:
        super().__init__(message, **kwargs)
        self.field = field

    @classmethod
    def client_side(cls, message: str, *, field: str, code: str = "invalid_request") -> ValidationError:
        """An argument refused before anything was sent, shaped like the server's own 400 (same
        class, ``field`` and ``code``), so one ``except`` handles both; ``body`` is None."""
        return cls(message, field=field, status_code=400, code=code)


class AuthenticationError(APIError):
    """401: the key, token or signature was missing or wrong."""

    hint = "check the key (client vs admin), the HMAC key id/secret or the broker token, and the base URL"


class PermissionDeniedError(APIError):
    """403: authenticated, but not allowed (another user's request, a shared scope…)."""

    hint = "check the user id (X-Muxi-User-ID) and the permissions of the key"


class BudgetExceededError(APIError):
    """402: the agent's token budget does not cover the message."""

    hint = "raise or reset the agent's budget (set_budget/reset_budget)"

    def __init__(
        self, message: str, *, agent_id: str, required: float, available: float, **kwargs: Unpack[_APIErrorFields]
    ) -> None:
        super().__init__(message, **kwargs)
        self.agent_id = agent_id
        self.required = required
        self.available = available


class NotFoundError(APIError):
    """404: no such resource (or no such route: check the base URL)."""

    hint = "check the id, the user id it belongs to, and the base URL"


class ConflictError(APIError):
    """409: the resource is in a state that forbids the call (already exists, already running…)."""


class RateLimitError(APIError):
    """429: too many requests. ``retry_after`` is in seconds (None when the server gave none)."""

    hint = "slow down; retry after `retry_after` seconds"

    def __init__(self, message: str, *, retry_after: float | None, **kwargs: Unpack[_ErrorFields]) -> None:
        super().__init__(message, retry_after=retry_after, **kwargs)  # required here, optional elsewhere


class ServerError(APIError):
    """5xx: the server failed. Retried automatically where that is safe."""

    hint = "a server-side failure; retry later, and report the request id if it persists"


class ConnectionError(MeshkitError, builtins.ConnectionError):  # shadows the builtin: a documented seed name
    """The server could not be reached, or the connection broke before an answer arrived."""

    hint = "check that the server runs and the base URL (scheme, host, port)"


class TimeoutError(MeshkitError, builtins.TimeoutError):  # shadows the builtin: a documented seed name
    """No answer (or, on a stream, no byte) within the timeout. ``bound`` says which limit fired:
    ``"connect"``, ``"read"``, ``"write"``, ``"pool"``, ``"stream_idle"`` (a silent stream) or
    ``"total"`` (the call's deadline, ``Timeout(total=…)``)."""

    hint = "raise `timeout`, or check the server's health"
    bound: str | None = None


class StreamError(MeshkitError):
    """A stream failed after it started: an ``event: error`` frame, or the connection ended without
    its final event. ``partial_text`` holds the text received until then."""

    def __init__(self, message: str, *, code: str, partial_text: str = "", hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.code = code
        self.partial_text = partial_text


class StreamInterruptedError(StreamError, ConnectionError):
    """The connection broke mid-stream; ``partial_text`` holds what arrived (also a ConnectionError)."""

    hint = "the answer may be incomplete; retry the call"


class StreamTimeoutError(StreamError, TimeoutError):
    """No byte (not even a keepalive) arrived within the read timeout mid-stream (also a TimeoutError)."""

    hint = "the server went silent; raise `timeout` for slow streams, or retry"


class ResponseValidationError(MeshkitError):
    """An answer meshkit cannot take: a 2xx body that does not match the spec (or is not the JSON
    it should be), or one larger than the client's ``Limits`` or in a coding it did not ask for."""

    hint = "the server and this meshkit version disagree on the API; check both versions"

    def __init__(self, message: str, *, body: JSON = None, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.body = body


class CircuitOpenError(MeshkitError):
    """The client's circuit breaker is open: the call was refused before anything was sent.
    ``retry_after`` says how many seconds until it lets a probe through."""

    hint = "the server failed repeatedly; wait `retry_after` seconds (the breaker then probes it)"

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class DeploymentError(StreamError):
    """A progress stream's ``event: error``: ``code`` is the server's error name (``NoChange``,
    ``HealthCheckFailed``…), ``stage`` where it failed, ``details`` any extra data."""

    def __init__(self, message: str, *, code: str, stage: str | None, details: JSON = None) -> None:
        super().__init__(message, code=code)
        self.stage = stage
        self.details = details


class WebhookError(MeshkitError):
    """A webhook delivery that cannot be trusted or read: a bad signature, or a body that is not a
    JSON object."""


# The names the seed SDKs document, so their error handling keeps working.
MuxiError = MeshkitError
AiMeshError = MeshkitError
FormationError = APIError
AuthorizationError = PermissionDeniedError
InternalServerError = ServerError

_BY_STATUS: dict[int, type[APIError]] = {
    400: ValidationError,
    401: AuthenticationError,
    402: BudgetExceededError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    413: ValidationError,
    422: ValidationError,
    429: RateLimitError,
}


def reason_code(status: int) -> str:
    """``SERVICE_UNAVAILABLE`` for 503: the status's reason phrase in UPPER_SNAKE."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        return f"HTTP_{status}"
    return phrase.upper().replace(" ", "_").replace("-", "_").replace("'", "")


def error_from_response(
    status: int,
    body: Any,
    text: str,
    *,
    retry_after: float | None = None,
    broker: bool = False,
    location: str | None = None,
) -> APIError:
    """The typed error for an error (or redirect) answer of any of the three APIs (contract
    formation.md §4, server.md §2, broker.md §4). ``body`` is the parsed JSON (or None), ``text``
    the raw text, ``location`` a redirect's ``Location`` header."""
    code, message, request_id, details, field = _normalise(status, body, text)
    kwargs: dict[str, Any] = {
        "status_code": status,
        "code": code,
        "request_id": request_id,
        "body": body,
        "retry_after": retry_after,
    }
    if details is not None:
        kwargs["details"] = details
    if 300 <= status < 400:
        target = f" to {location}" if location else " without a Location"
        return RedirectError(f"redirected{target}; meshkit does not follow redirects", location=location, **kwargs)
    kind = _BY_STATUS.get(status, ServerError if status >= 500 else APIError)
    if kind is ValidationError:
        return ValidationError(message, field=field or ("request" if broker else None), **kwargs)
    if kind is BudgetExceededError:
        extra = body if isinstance(body, dict) else {}
        return BudgetExceededError(
            message,
            agent_id=str(extra.get("agent_id", "unknown")),
            required=_number(extra.get("required")),
            available=_number(extra.get("available")),
            **kwargs,
        )
    if kind is RateLimitError:
        if retry_after is None and broker:
            kwargs["retry_after"] = 60.0  # the broker's documented default when no Retry-After came
        return RateLimitError(message, **kwargs)
    return kind(message, **kwargs)


def _normalise(status: int, body: Any, text: str) -> tuple[str, str, str | None, Any, str | None]:
    """(code, message, request_id, details, field) from whichever error body shape arrived."""
    if isinstance(body, dict):
        error = body.get("error")
        request = body.get("request")
        request_id = (request.get("id") if isinstance(request, dict) else None) or body.get("request_id")
        if isinstance(error, dict):  # the formation envelope
            details = error.get("data")
            field = details.get("field") if isinstance(details, dict) else None
            if field is None and isinstance(details, dict):
                items = details.get("validation_errors")
                if isinstance(items, list) and items and isinstance(items[0], dict):
                    field = items[0].get("field")
            code = error.get("code")
            return (
                str(code) if code not in (None, "") else reason_code(status),
                str(error.get("message") or _phrase(status)),
                _str_or_none(request_id),
                details,
                _str_or_none(field),
            )
        if isinstance(error, str) and isinstance(body.get("code"), int):  # the MUXI Server body
            return _upper_snake(error), str(body.get("message") or error), _str_or_none(request_id), None, None
        if isinstance(error, str):  # the broker body
            field = _str_or_none(body.get("field"))
            return error, str(body.get("message") or error), _str_or_none(request_id), None, field
    snippet = text.strip()[:500]  # text or HTML from an intermediary: keep it short
    return reason_code(status), snippet or _phrase(status), None, None, None


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"HTTP {status}"


def _upper_snake(text: str) -> str:
    return "_".join(text.replace("-", " ").split()).upper()


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0
