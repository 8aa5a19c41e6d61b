"""What ServerClient and AsyncServerClient share: settings, the wire, the call arguments, progress
decoding and the download's file handling, and ``server.ops``. The clients themselves are
``_client_async.py`` and its generated twin ``_client_sync.py``."""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar, cast

import httpx

from .._bundle import Bundle, build_bundle
from .._core.auth import MuxiHmacAuth
from .._core.client_base import ClientBase
from .._core.config import ServerSettings, identification_headers
from .._core.errors import (
    APIError,
    ConfigurationError,
    ConflictError,
    DeploymentError,
    ResponseValidationError,
    StreamError,
    StreamTimeoutError,
)
from .._core.events import StreamEvent, TypedEventDecoder
from .._core.ops import Operations
from .._core.retry import RetryPolicy
from .._core.sse import ServerSentEvent
from .._core.streams import EventDecoder
from .._core.transport_async import AsyncTransport
from .._core.transport_sync import SyncTransport
from .._core.wire import Wire, operation, parse_model

if TYPE_CHECKING:
    from typing import Literal, TypeAlias

    from .._core.events import AnyStreamEvent
    from .._generated.models import (
        DeployCompleteEvent,
        DeployProgressEvent,
        LogConnectedEvent,
        LogLineEvent,
        ServerHealth,
    )
    from .._generated.operations import Operation
    from .._generated.types import File

    # A deploy's (or update's, start's…) events: progress, then complete; an error frame raises.
    DeployEvent: TypeAlias = (
        StreamEvent[Literal["progress"], DeployProgressEvent] | StreamEvent[Literal["complete"], DeployCompleteEvent]
    )
    # A followed log: connected, then one event per line.
    LogEvent: TypeAlias = (
        StreamEvent[Literal["connected"], LogConnectedEvent] | StreamEvent[Literal["log"], LogLineEvent]
    )


class _ProgressDecoder(TypedEventDecoder):
    """``progress`` events pass through; ``complete`` ends the stream; ``error`` raises."""

    def __init__(self, schemas: dict[str, str | None]) -> None:
        super().__init__(schemas, terminal="complete")

    def convert(self, event: ServerSentEvent) -> AnyStreamEvent:
        if event.event == "error":
            self.finished = True
            payload = event.json() if event.data.lstrip().startswith("{") else {"message": event.data}
            raise DeploymentError(
                str(payload.get("message") or "the operation failed"),
                code=str(payload.get("error") or "ERROR"),
                stage=payload.get("stage"),
                details=payload.get("details"),
            )
        return super().convert(event)

    def interrupted(self) -> StreamError:
        return StreamError(
            "the progress stream ended without complete or error: the outcome is unknown",
            code="STREAM_INTERRUPTED",
            hint="check the formation with get_formation()",
        )


def _events_decoder(events: Mapping[str, str | None] | None) -> TypedEventDecoder:
    """The decoder of a server event stream (``events``: the spec's event name → payload model):
    a progress stream (its events end in ``complete``) raises DeploymentError on an error frame;
    any other (a log follow) yields typed events."""
    schemas = dict(events or {})
    return _ProgressDecoder(schemas) if "complete" in schemas else TypedEventDecoder(schemas)


# A zip is compressed already: a download asks for no content coding and refuses one (a coded
# answer could inflate far past what was sent before its size is known).
_AS_IS = {"Accept-Encoding": "identity"}


class _Download:
    """A download's ``.part`` file next to its destination: it becomes the destination only once
    the archive checks out (a failure mid-download cannot be reported otherwise), and is removed
    on any failure, a broken connection included."""

    def __init__(self, destination: str | os.PathLike[str]) -> None:
        self.target = Path(destination)
        # Closed by __exit__: this object is the context manager around it.
        self._file = tempfile.NamedTemporaryFile(dir=self.target.parent, delete=False, suffix=".part")  # noqa: SIM115
        self._part = Path(self._file.name)

    def __enter__(self) -> _Download:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        self._file.close()
        if exc is None:
            return
        self._part.unlink(missing_ok=True)
        if isinstance(exc, httpx.TimeoutException):
            error = StreamTimeoutError("the download stalled: no data within its timeout", code="STREAM_TIMEOUT")
            error.bound = "stream_idle"
            raise error from exc
        if isinstance(exc, httpx.TransportError):
            raise StreamError(f"the download broke: {exc}", code="STREAM_INTERRUPTED") from exc

    def write(self, chunk: bytes) -> None:
        self._file.write(chunk)

    def publish(self) -> Path:
        """Check the archive, then move it to its destination."""
        _publish_zip(self._part, self.target)
        return self.target


def deploy_conflict_hint(formation_id: str | None) -> str:
    """The hint of a deploy's 409 (the formation exists already): update it instead."""
    named = repr(formation_id) if formation_id else "ID"
    return (
        f"formation {named} exists already: to replace it, call server.update({named}, source) "
        "(update_stream() shows the progress; ops.update_formation() is the raw call), "
        "or run `meshkit formations update DIR`"
    )


class _ServerWire(Wire):
    """The server's wire: its errors also say what to do instead where the server's text does not
    (a deploy's 409: update the formation)."""

    def error_for(self, response: httpx.Response) -> APIError:
        error = super().error_for(response)
        if isinstance(error, ConflictError) and self._is_deploy(response.request):
            error.hint = deploy_conflict_hint(response.request.headers.get("X-Formation-ID"))
        return error

    def _is_deploy(self, request: httpx.Request) -> bool:
        deploy = operation("deploy_formation")
        path = httpx.URL(self.root_url).path.rstrip("/") + deploy["path"]
        return request.method == deploy["method"] and request.url.path == path


class _ServerBase(ClientBase[ServerSettings]):
    """What the sync and async server clients share: settings, the wire, and the call plans."""

    _settings: ServerSettings
    _wire: Wire
    _transport: Any  # SyncTransport or AsyncTransport
    _transport_type: ClassVar[type[SyncTransport] | type[AsyncTransport]]

    def _make_wire(self, settings: ServerSettings) -> Wire:
        return _ServerWire(
            root_url=settings.url,
            auth=MuxiHmacAuth(settings.key_id, settings.secret_key),
            default_headers={**identification_headers(settings.app_name, muxi=True), **dict(settings.default_headers)},
            retry=RetryPolicy(max_retries=settings.max_retries),
            tag="server",
            guards=settings.guards,
            limits=settings.limits,
            timeout=settings.timeout,
        )

    @property
    def url(self) -> str:
        return self._settings.url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(url={self._settings.url!r}, key_id={self._settings.key_id!r})"

    @staticmethod
    def _bundle(
        source: str | os.PathLike[str] | bytes | Bundle, formation_id: str | None, version: str | None
    ) -> tuple[str, File, str | None]:
        """The formation id, the bundle as an upload, and its version (the bundle's own unless given)."""
        from .._generated.types import File

        bundle = source if isinstance(source, Bundle) else build_bundle(source)
        formation = formation_id or bundle.formation_id
        if not formation:
            raise ConfigurationError("name the formation: pass formation_id= (the bundle declares no id)")
        # Bytes, not a file object: a retried connect must be able to send the body again.
        upload = File(payload=cast(BinaryIO, bundle.data), file_name="bundle.tar.gz")
        return formation, upload, version or bundle.version or None

    @staticmethod
    def _health(body: Any) -> ServerHealth:
        health: ServerHealth = parse_model("ServerHealth", body)
        return health

    @staticmethod
    def _logs_text(body: Any) -> str:
        return body if isinstance(body, str) else ""

    def _formation_kwargs(self, formation_id: str, draft: bool, keys: Mapping[str, Any]) -> dict[str, Any]:
        inherited = {"default_headers": dict(self._settings.default_headers)} if self._settings.default_headers else {}
        return {
            "server_url": self._settings.url,
            "formation_id": formation_id,
            "mode": "draft" if draft else "live",
            **inherited,  # the same origin: a gateway's headers apply there too
            **keys,
        }


def _publish_zip(part: Path, target: Path) -> None:
    try:
        with zipfile.ZipFile(part) as archive:
            broken = archive.testzip()
    except zipfile.BadZipFile as exc:
        part.unlink(missing_ok=True)
        raise ResponseValidationError(f"the downloaded archive is not a valid zip: {exc}") from None
    if broken is not None:
        part.unlink(missing_ok=True)
        raise ResponseValidationError(f"the downloaded archive is corrupt at {broken!r}")
    part.replace(target)


class ServerOps(Operations):
    """``server.ops.<operation_id>(...)``: every MUXI Server operation of the spec — also ones added
    by ``make generate`` later — signed with MUXI-HMAC per attempt, retried as the spec says (reads
    only), with typed errors and envelope unwrapping.

    Arguments are the generated builder's: ``formation_id`` (positionally or by name), query
    parameters (``lines=``, ``db=``…), header parameters (``x_formation_id=``,
    ``x_formation_version=``) and ``body=`` (a deploy or update bundle as bytes, e.g.
    ``build_bundle(path).data``); ``idempotency_key=`` as on every MUXI call. ``stream=True`` on
    deploy, update, start, restart and rollback gives their progress stream (``progress`` events,
    then ``complete``; DeploymentError on an error frame), and ``get_formation_logs(id,
    follow=True)`` is the open-ended stream of new lines. Answers are the generated models (bytes
    for the zip of ``download_formation``). On AsyncServerClient the calls return awaitables and
    the streams are AsyncStream."""

    def _wants_stream(self, entry: Operation, parameters: Mapping[str, bool], kwargs: dict[str, Any]) -> bool:
        # A followed log is a stream whatever else is asked (contract server.md §6).
        if entry["stream"] is not None and "follow" in parameters and kwargs.get("follow"):
            return True
        return super()._wants_stream(entry, parameters, kwargs)

    def _decoder(self, entry: Operation) -> EventDecoder[Any]:
        return _events_decoder(entry["events"])
