"""One call on the wire: prepare (generated builder, headers, key, idempotency key), send with the
retry policy, check the status, decode. Only the I/O loop differs between sync and async.

Everything an operation needs comes from the generated registry (``_generated/operations.py``):
the façades name an operationId and its arguments, nothing else.
"""

from __future__ import annotations

import importlib
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any, BinaryIO, cast

import httpx

from .auth import KEY_EXTENSION, redact_credentials, select_key
from .config import HEADER_VALUE, Timeout, url_source_text
from .envelope import decode_body, envelope_data, unwrap
from .errors import (
    APIError,
    ConfigurationError,
    ConnectionError,
    MeshkitError,
    ResponseValidationError,
    TimeoutError,
    ValidationError,
    error_from_response,
)
from .guards import Guards
from .limits import ACCEPT_ENCODING, DEADLINE, DEFAULT_LIMITS, LIMITS, Limits, past_deadline
from .model_base import ResponseMeta, attach_meta
from .retry import STREAM_START, RetryPolicy, as_httpx_would_raise, parse_retry_after
from .telemetry import Telemetry

if TYPE_CHECKING:
    from .._generated.operations import Operation

# The generated registry and models load on first use, not at `import meshkit`.


@cache
def operations() -> Mapping[str, Operation]:
    from .._generated.operations import OPERATIONS

    return OPERATIONS


def operation(operation_id: str) -> Operation:
    try:
        return operations()[operation_id]
    except KeyError:
        raise MeshkitError(f"no operation {operation_id!r} in the spec") from None


@cache
def builder(operation_id: str, tag: str) -> Any:
    """The generated module of an operation (its ``request_kwargs`` builds the request)."""
    entry = operation(operation_id)
    return importlib.import_module(f"meshkit._generated.api.{tag}.{entry['module']}")


@cache
def path_parameters(operation_id: str) -> tuple[tuple[int, str], ...]:
    """(segment index, parameter name) of each templated segment of an operation's path."""
    segments = operation(operation_id)["path"].split("/")
    return tuple((i, s[1:-1]) for i, s in enumerate(segments) if s.startswith("{") and s.endswith("}"))


def check_path(operation_id: str, url: str) -> None:
    """Refuse a path whose parameter became empty, ``.`` or ``..``: httpx (like any URL client)
    drops dot segments, so ``clear_session_buffer(".")`` would become ``DELETE /v1/memory/buffer``,
    another operation. The builders percent-encode everything else, ``/`` included."""
    parameters = path_parameters(operation_id)
    if not parameters:
        return
    segments = url.split("/")
    for index, name in parameters:
        if segments[index] in ("", ".", ".."):
            raise ValidationError.client_side(
                f"{operation_id}: {name} cannot be {segments[index]!r}: it would address another route",
                field=name,
                code="invalid_path_parameter",
            )


def check_headers(operation_id: str, headers: Mapping[str, str], fields: Mapping[str, str]) -> None:
    """Refuse a header value httpx could not send as it is (non-ASCII, CR/LF/NUL, edge spaces):
    a ValidationError naming the argument, before sending and never retried."""
    for name, value in headers.items():
        if not HEADER_VALUE.match(value):
            field_name = fields.get(name, name)
            raise ValidationError.client_side(
                f"{operation_id}: {field_name} must be visible ASCII characters (inner spaces allowed)",
                field=field_name,
                code="invalid_header_value",
            )


# The call options behind the headers they set, to name them in errors.
_HEADER_FIELDS = {"X-Muxi-User-ID": "user_id", "X-Muxi-Idempotency-Key": "idempotency_key"}


@cache
def model(name: str) -> Any:
    from .._generated import models

    return getattr(models, name)


class JsonBody(dict[str, Any]):
    """A plain dict accepted where the generated builders expect a body model (they call to_dict())."""

    def to_dict(self) -> dict[str, Any]:
        return dict(self)


@dataclass(frozen=True)
class Call:
    """One logical call, ready to send (and to re-send on retries)."""

    operation_id: str
    request: httpx.Request
    retry_class: str
    stream: bool


@dataclass
class Wire:
    """What the sync and async transports share: headers, keys, retry policy, and the rules."""

    root_url: str  # the spec's paths are appended to it (formation: the base URL without /v1)
    auth: httpx.Auth
    default_headers: dict[str, str] = field(repr=False)  # a caller's may carry a cookie
    retry: RetryPolicy
    tag: str
    client_key: str | None = field(default=None, repr=False)
    admin_key: str | None = field(default=None, repr=False)
    send_idempotency_key: bool = True
    # False for APIs whose bodies are bare (the broker): a top-level "data" key is then just a field.
    envelope: bool = True
    # Opt-in client-side guards (rate limit, circuit breaker, max in flight); None: off.
    guards: Guards | None = None
    limits: Limits = DEFAULT_LIMITS
    timeout: httpx.Timeout | None = None  # the client's; a call may bring its own
    # Who listens to the calls (hooks, the meshkit logger, OpenTelemetry): ClientBase sets it.
    telemetry: Telemetry | None = None

    def __post_init__(self) -> None:
        # Only codings meshkit inflates itself, in bounded steps (_core/limits).
        self.default_headers = {"Accept-Encoding": ACCEPT_ENCODING, **self.default_headers}

    def prepare(
        self,
        client: httpx.Client | httpx.AsyncClient,
        operation_id: str,
        arguments: Mapping[str, Any],
        *,
        user_id: str | None = None,
        idempotency_key: str | None = None,
        stream: bool = False,
        headers: Mapping[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Call:
        entry = operation(operation_id)
        timeout = timeout if timeout is not None else self.timeout
        if self.tag not in entry["tags"]:
            raise MeshkitError(f"{operation_id} is not a {self.tag} operation")
        kwargs = dict(arguments)
        # Headers the spec lists as parameters come from the call's options, in one place.
        parameters: Mapping[str, bool] = entry["parameters"]
        if "x_muxi_user_id" in parameters and user_id:
            kwargs["x_muxi_user_id"] = user_id
        elif parameters.get("x_muxi_user_id") is True:
            raise ConfigurationError(f"{operation_id} needs a user: pass user_id= (or use for_user())")
        body = kwargs.get("body")
        if isinstance(body, Mapping) and not isinstance(body, JsonBody):
            kwargs["body"] = JsonBody(body)
        elif isinstance(body, bytes | bytearray):  # where the builders expect a File (a bundle upload)
            from .._generated.types import File

            # The builder passes payload on as httpx content; bytes (unlike a file object, read
            # once) are sent whole again on a retry.
            kwargs["body"] = File(payload=cast(BinaryIO, bytes(body)))
        try:
            spec = builder(operation_id, self.tag).request_kwargs(**kwargs)
        except TypeError as exc:  # a wrong or missing argument: say which call it was
            raise MeshkitError(f"{operation_id}: {exc}") from None
        check_path(operation_id, spec["url"])
        if query:
            spec["params"] = {**spec.get("params", {}), **query}
        if extra_body:
            _merge_body(operation_id, spec, extra_body, accepts_body="body" in parameters)
        # Only the call's own values need checking: the defaults were checked at construction.
        call_headers = {**spec.pop("headers", {}), **(headers or {})}
        if user_id:
            call_headers["X-Muxi-User-ID"] = user_id
        if idempotency_key and self.send_idempotency_key:
            call_headers.setdefault("X-Muxi-Idempotency-Key", idempotency_key)
        if call_headers:
            check_headers(operation_id, call_headers, _HEADER_FIELDS)
        merged = {**self.default_headers, **call_headers}
        if self.send_idempotency_key:
            merged.setdefault("X-Muxi-Idempotency-Key", str(uuid.uuid4()))
        # An event stream when one was asked for; otherwise what the operation answers (zip, text…).
        accept = "text/event-stream" if stream and entry["events"] else entry["media_type"] or "application/json"
        merged.setdefault("Accept", accept)
        extensions: dict[str, Any] = {}
        if isinstance(timeout, Timeout):
            extensions["timeout"] = timeout.stream_extension if stream else timeout.blocking_extension
            if timeout.total is not None:
                extensions[DEADLINE] = time.monotonic() + timeout.total
        elif timeout is not None:
            extensions["timeout"] = timeout.as_dict()
        if stream:
            extensions[LIMITS] = self.limits
        if self.tag == "formation":
            kind = select_key(entry["security"], user_id=user_id, client_key=self.client_key, admin_key=self.admin_key)
            if kind is not None:
                extensions[KEY_EXTENSION] = kind
        spec["url"] = self.root_url + spec["url"]
        request = client.build_request(**spec, headers=merged, extensions=extensions)
        # A stream is re-sent only when it never started (STREAM_START), and never once its events
        # are read: Stream never sends again, so a retry repeats no event.
        retry_class: str = entry["retry"]
        if stream and retry_class != "never":
            retry_class = STREAM_START
        return Call(operation_id, request, retry_class, stream)

    def error_for(self, response: httpx.Response) -> APIError:
        """The typed error of a read error (or redirect) response."""
        body = decode_body(response.content, response.headers.get("content-type"))
        error = error_from_response(
            response.status_code,
            body if isinstance(body, dict) else None,
            body if isinstance(body, str) else response.text,
            retry_after=parse_retry_after(response.headers),
            broker=self.tag == "broker",
            location=response.headers.get("location"),
        )
        redact_credentials(response.request)
        error.response = response
        return error

    def result(
        self, operation_id: str, response: httpx.Response, *, typed: bool = True, seen: list[str] | None = None
    ) -> Any:
        """The answer of a 2xx response: the typed model the spec names (the envelope's data model,
        or the bare body's model), else the unwrapped JSON, the text, or None for an empty body."""
        content_type = response.headers.get("content-type") or ""
        if content_type.startswith("text/event-stream"):
            # A blocking call answered with a stream (e.g. chat without "stream": false): never
            # hand raw SSE text back as if it were the answer.
            raise ResponseValidationError(f"{operation_id} answered with an event stream; use its streaming form")
        entry = operation(operation_id)
        media_type = entry["media_type"]
        if media_type == "*/*" or (
            media_type is not None and _is_binary(media_type) and content_type.startswith(media_type)
        ):
            # A zip (download_formation), or content whose type is the resource's own (an
            # artifact's bytes): the bytes, never decoded as text or unwrapped as an envelope.
            return response.content
        body = decode_body(response.content, content_type)
        if seen is not None and self.envelope and isinstance(body, dict):
            # For a listener (telemetry): the envelope's request id, which unwrapping drops.
            found = ResponseMeta.from_envelope(body).request_id
            if found:
                seen.append(found)
        if typed and isinstance(body, dict) and entry["result_schema"]:
            if entry["data_schema"]:
                # The envelope's request id and time go to the model's ``meta``, not into its fields.
                return attach_meta(parse_model(entry["result_schema"], envelope_data(body)), body)
            return parse_model(entry["result_schema"], body)
        return unwrap(body) if self.envelope else body


def _merge_body(operation_id: str, spec: dict[str, Any], extra: Mapping[str, Any], *, accepts_body: bool) -> None:
    """``extra_body``'s fields over the JSON body the builder made (or as the body, when an optional
    body was not given); an operation without a body, or with an upload, takes none."""
    if not accepts_body:
        raise ConfigurationError(f"{operation_id} sends no body: extra_body cannot be used (extra_query can)")
    if "json" in spec:
        if not isinstance(spec["json"], dict):
            raise ConfigurationError(f"{operation_id}: extra_body needs a JSON object body")
        spec["json"] = {**spec["json"], **extra}
    elif any(key in spec for key in ("content", "data", "files")):
        raise ConfigurationError(f"{operation_id}: extra_body cannot be added to an upload or form body")
    else:
        spec["json"] = dict(extra)
        spec.setdefault("headers", {})["Content-Type"] = "application/json"


def _is_binary(media_type: str | None) -> bool:
    """A media type whose bodies are neither JSON nor text (``application/zip``)."""
    return media_type is not None and not media_type.startswith("text/") and not media_type.endswith("json")


def parse_model(name: str, data: Any) -> Any:
    """``models.<name>.from_dict(data)``, with a body that does not fit as a meshkit error."""
    if not isinstance(data, dict):
        raise ResponseValidationError(f"expected a JSON object for {name}, got {type(data).__name__}", body=data)
    try:
        return model(name).from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ResponseValidationError(f"the answer does not match {name}: {exc!r}", body=data) from None


class _MappedTransportErrors:
    """httpx's transport exceptions as meshkit errors (also the builtins of the same name).

    A class rather than ``@contextmanager``: it wraps every attempt, and a generator-based
    manager costs several times more per call on the hot path."""

    __slots__ = ()

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if exc is None:
            return
        cause, exc = exc, as_httpx_would_raise(exc)
        if isinstance(exc, httpx.TimeoutException):
            raise timeout_error(exc) from cause
        if isinstance(exc, httpx.LocalProtocolError):
            # A request httpx refused to write; its message may quote a header value (a key), so
            # neither it nor its cause travels on. Values are checked before sending; this is a net.
            raise MeshkitError("the request could not be written (an invalid header or body)") from None
        if isinstance(exc, httpx.TransportError):
            target, origin = _target(exc)
            raise ConnectionError(f"{target}connection failed: {exc or type(exc).__name__}{origin}") from cause


def _target(exc: httpx.TransportError) -> tuple[str, str]:
    """``("POST http://host:port/v1/chat: ", " (base URL from MUXI_FORMATION_URL)")``: where the call
    went (never its query or headers) and where its base URL came from; empty without a request."""
    try:
        request = exc.request
    except RuntimeError:  # httpx raised it before a request was attached
        return "", ""
    return f"{where(request)}: ", _origin(request)


def _origin(request: httpx.Request) -> str:
    """`` (base URL from AIMESH_URL)``: the argument, variable or default that gave the URL of the
    client that sent ``request`` (looked up only once a call failed); empty when unknown."""
    source = url_source_text(request.url)
    return f" ({source})" if source else ""


def where(request: httpx.Request) -> str:
    """``POST http://host:port/v1/chat``: method and URL without credentials, query or fragment."""
    url = request.url
    return f"{request.method} {url.scheme}://{url.netloc.decode('ascii')}{url.path}"


_MAPPED_TRANSPORT_ERRORS = _MappedTransportErrors()

_BOUNDS: tuple[tuple[type[httpx.TimeoutException], str], ...] = (
    (httpx.ConnectTimeout, "connect"),
    (httpx.ReadTimeout, "read"),
    (httpx.WriteTimeout, "write"),
    (httpx.PoolTimeout, "pool"),
)


def timeout_error(exc: httpx.TimeoutException, *, streaming: bool = False) -> TimeoutError:
    """The meshkit error of an httpx timeout, naming the bound that fired and the call."""
    try:
        request: httpx.Request | None = exc.request
    except RuntimeError:  # httpx raised it before a request was attached
        request = None
    bound = next((name for kind, name in _BOUNDS if isinstance(exc, kind)), "read")
    if request is not None and past_deadline(request):
        bound = "total"
    elif streaming and bound == "read":
        bound = "stream_idle"
    seconds = (
        (request.extensions.get("timeout") or {}).get(bound if bound != "stream_idle" else "read") if request else None
    )
    target = f"{where(request)}: " if request is not None else ""
    origin = _origin(request) if request is not None else ""
    limit = f" ({seconds:g} s)" if isinstance(seconds, float) else ""
    error = TimeoutError(f"{target}timed out: the {bound} timeout{limit} passed{origin}")
    error.bound = bound
    return error


def mapped_transport_errors() -> _MappedTransportErrors:
    """A context manager turning httpx's transport exceptions into meshkit errors."""
    return _MAPPED_TRANSPORT_ERRORS
