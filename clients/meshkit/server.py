"""ServerClient and AsyncServerClient: deploy and run formations on a MUXI Server.

    from meshkit import ServerClient

    server = ServerClient(url="http://localhost:7890", key_id="MUXI_...", secret_key="sk_...")
    result = server.deploy("path/to/formation")              # a directory or a .tar.gz bundle
    print(result.formation_id, result.port)
    print(server.formation(result.formation_id, client_key="fmc_...").chat("Hello!").text)

Every ``/rpc`` request is signed with MUXI-HMAC afresh for each attempt. The server's mutations
(deploy, update, lifecycle actions, delete) are never re-sent once they may have reached it; reads
are retried. Progress streams (``deploy_stream`` …) yield typed progress events and end with the
typed completion, or raise :class:`DeploymentError` on an ``event: error`` frame. Every server
operation of the spec is also ``server.ops.<operation_id>(...)`` (:class:`ServerOps`).
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar, cast

import httpx

from ._bundle import Bundle, build_bundle
from ._core.auth import MuxiHmacAuth
from ._core.config import ServerSettings, TimeoutArg, identification_headers, resolve_server
from ._core.errors import ConfigurationError, ResponseValidationError, StreamError, StreamTimeoutError
from ._core.events import StreamEvent, TypedEventDecoder
from ._core.guards import Guards
from ._core.limits import DEFAULT_LIMITS, Limits, adecoded, araw_chunks, decoded, raw_chunks
from ._core.ops import Operations
from ._core.retry import RetryPolicy
from ._core.sse import ServerSentEvent
from ._core.streams import EventDecoder
from ._core.streams_async import AsyncStream
from ._core.streams_sync import Stream
from ._core.transport_async import AsyncTransport
from ._core.transport_sync import SyncTransport
from ._core.wire import Wire, operation, parse_model

if TYPE_CHECKING:
    from ._generated.models import (
        DeployResult,
        FormationDetail,
        FormationLogs,
        FormationSummary,
        ServerStatus,
        UpdateResult,
    )
    from .formation import AsyncFormation, Formation


class DeploymentError(StreamError):
    """A progress stream's ``event: error``: ``code`` is the server's error name (``NoChange``,
    ``HealthCheckFailed``…), ``stage`` where it failed, ``details`` any extra data."""

    def __init__(self, message: str, *, code: str, stage: str | None, details: Any = None) -> None:
        super().__init__(message, code=code)
        self.stage = stage
        self.details = details


class _ProgressDecoder(TypedEventDecoder):
    """``progress`` events pass through; ``complete`` ends the stream; ``error`` raises."""

    def __init__(self, schemas: dict[str, str | None]) -> None:
        super().__init__(schemas, terminal="complete")

    def convert(self, event: ServerSentEvent) -> StreamEvent:
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


class _ServerBase:
    """What the sync and async server clients share: settings, the wire, and the call plans."""

    _settings: ServerSettings
    _wire: Wire
    _transport: Any  # SyncTransport or AsyncTransport
    _transport_type: ClassVar[type[SyncTransport] | type[AsyncTransport]]

    def _setup(
        self, settings: ServerSettings, guards: Guards | None, limits: Limits | None, http: Any, *, owns_http: bool
    ) -> None:
        self._settings = settings
        self._wire = Wire(
            root_url=settings.url,
            auth=MuxiHmacAuth(settings.key_id, settings.secret_key),
            default_headers=identification_headers(settings.app_name, muxi=True),
            retry=RetryPolicy(max_retries=settings.max_retries),
            tag="server",
            guards=guards,
            limits=limits or DEFAULT_LIMITS,
        )
        self._transport = self._transport_type(self._wire, http, owns_http=owns_http)
        self.ops = ServerOps(self._transport, settings.timeout)

    @property
    def url(self) -> str:
        return self._settings.url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(url={self._settings.url!r}, key_id={self._settings.key_id!r})"

    @staticmethod
    def _deploy_arguments(
        source: str | os.PathLike[str] | bytes | Bundle, formation_id: str | None, version: str | None
    ) -> tuple[str, dict[str, Any]]:
        from ._generated.types import File

        bundle = source if isinstance(source, Bundle) else build_bundle(source)
        formation = formation_id or bundle.formation_id
        if not formation:
            raise ConfigurationError("name the formation: pass formation_id= (the bundle declares no id)")
        # Bytes, not a file object: a retried connect must be able to send the body again.
        payload = cast(BinaryIO, bundle.data)
        arguments: dict[str, Any] = {"body": File(payload=payload, file_name="bundle.tar.gz")}
        chosen = version or bundle.version
        if chosen:
            arguments["x_formation_version"] = chosen
        return formation, arguments

    @staticmethod
    def _health(body: Any) -> Any:
        return parse_model("ServerHealth", body)

    @staticmethod
    def _logs_text(body: Any) -> str:
        return body if isinstance(body, str) else ""

    @staticmethod
    def _logs_arguments(formation_id: str, lines: int, stream: str) -> dict[str, Any]:
        return {"formation_id": formation_id, "lines": lines, "stream": stream}

    @staticmethod
    def _follow_arguments(formation_id: str, stream: str) -> dict[str, Any]:
        # follow=true is what makes the server stream (contract server.md §6): one line per event.
        return {"formation_id": formation_id, "follow": True, "stream": stream}

    @staticmethod
    def _download_arguments(formation_id: str, db: bool) -> dict[str, Any]:
        return {"formation_id": formation_id, "db": db}

    def _formation_kwargs(self, formation_id: str, draft: bool, keys: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "server_url": self._settings.url,
            "formation_id": formation_id,
            "mode": "draft" if draft else "live",
            **keys,
        }


class ServerClient(_ServerBase):
    """A MUXI Server (env: ``MUXI_SERVER_URL``, ``MUXI_KEY_ID``, ``MUXI_SECRET_KEY``).

    Every server operation of the spec is also ``server.ops.<operation_id>(...)`` (see
    :class:`ServerOps`)."""

    _transport: SyncTransport
    _transport_type = SyncTransport

    def __init__(
        self,
        url: str | None = None,
        key_id: str | None = None,
        secret_key: str | None = None,
        *,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        app_name: str | None = None,
        http_client: httpx.Client | None = None,
        guards: Guards | None = None,
        limits: Limits | None = None,
    ) -> None:
        settings = resolve_server(
            url=url,
            key_id=key_id,
            secret_key=secret_key,
            timeout=timeout,
            max_retries=max_retries,
            app_name=app_name,
        )
        http = http_client if http_client is not None else httpx.Client(timeout=settings.timeout)
        self._setup(settings, guards, limits, http, owns_http=http_client is None)

    def __enter__(self) -> ServerClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._transport.close()

    def _call(self, operation_id: str, arguments: Mapping[str, Any] | None = None, **options: Any) -> Any:
        return self._transport.call(operation_id, arguments, timeout=self._settings.timeout, **options)

    def _stream(self, operation_id: str, arguments: Mapping[str, Any]) -> Stream[StreamEvent]:
        opener = lambda: self._transport.open_stream(operation_id, arguments, timeout=self._settings.timeout)  # noqa: E731
        return Stream(opener, _events_decoder(operation(operation_id)["events"]))

    # --- health and status ---------------------------------------------------------------------------

    def ping(self) -> bool:
        """True when the server answers ``pong``."""
        return bool(self._call("ping", typed=False) == "pong")

    def health(self) -> Any:
        """``ServerHealth``: ``status`` and the server ``version``."""
        return self._health(self._call("health", typed=False))

    def status(self) -> ServerStatus:
        """Server id, version, uptime, formation counts and the port pool."""
        result: ServerStatus = self._call("get_server_status")
        return result

    # --- formations ----------------------------------------------------------------------------------

    def list_formations(self) -> list[FormationSummary]:
        """Every formation the server manages."""
        return list(self._call("list_formations").formations)

    def get_formation(self, formation_id: str) -> FormationDetail:
        """One formation (a live health check may turn its status to ``unhealthy``)."""
        result: FormationDetail = self._call("get_formation", {"formation_id": formation_id})
        return result

    def deploy(
        self,
        source: str | os.PathLike[str] | bytes | Bundle,
        *,
        formation_id: str | None = None,
        version: str | None = None,
    ) -> DeployResult:
        """Deploy a formation directory or bundle; returns port, pid, URLs once it runs."""
        formation, arguments = self._deploy_arguments(source, formation_id, version)
        result: DeployResult = self._call("deploy_formation", {**arguments, "x_formation_id": formation})
        return result

    def deploy_stream(
        self,
        source: str | os.PathLike[str] | bytes | Bundle,
        *,
        formation_id: str | None = None,
        version: str | None = None,
    ) -> Stream[StreamEvent]:
        """Deploy, yielding ``progress`` events (``.data.stage``, ``.message``, ``.progress``) and
        finally ``complete`` (``.data`` is a DeployCompleteEvent); DeploymentError on failure."""
        formation, arguments = self._deploy_arguments(source, formation_id, version)
        return self._stream("deploy_formation", {**arguments, "x_formation_id": formation})

    def update(
        self, formation_id: str, source: str | os.PathLike[str] | bytes | Bundle, *, version: str | None = None
    ) -> UpdateResult:
        """Blue-green update of a running formation with a new bundle."""
        _, arguments = self._deploy_arguments(source, formation_id, version)
        result: UpdateResult = self._call("update_formation", {**arguments, "formation_id": formation_id})
        return result

    def update_stream(
        self, formation_id: str, source: str | os.PathLike[str] | bytes | Bundle, *, version: str | None = None
    ) -> Stream[StreamEvent]:
        """The update with its progress events."""
        _, arguments = self._deploy_arguments(source, formation_id, version)
        return self._stream("update_formation", {**arguments, "formation_id": formation_id})

    def start_formation(self, formation_id: str) -> Any:
        """Start a stopped formation (ConflictError if it runs)."""
        return self._call("start_formation", {"formation_id": formation_id})

    def stop_formation(self, formation_id: str) -> Any:
        """Stop a running formation (ConflictError if stopped)."""
        return self._call("stop_formation", {"formation_id": formation_id})

    def restart_formation(self, formation_id: str) -> Any:
        """Restart a formation."""
        return self._call("restart_formation", {"formation_id": formation_id})

    def rollback_formation(self, formation_id: str) -> Any:
        """Go back to the previous version (ValidationError when there is none)."""
        return self._call("rollback_formation", {"formation_id": formation_id})

    def cancel_update(self, formation_id: str) -> Any:
        """Stop an update in progress."""
        return self._call("cancel_formation_update", {"formation_id": formation_id})

    def delete_formation(self, formation_id: str) -> Any:
        """Stop a formation and remove its files."""
        return self._call("delete_formation", {"formation_id": formation_id})

    # --- logs and download ---------------------------------------------------------------------------

    def get_server_logs(self, lines: int = 100) -> str:
        """The last ``lines`` of the server's audit log, as text."""
        return self._logs_text(self._call("get_server_logs", {"lines": lines}, typed=False))

    def get_formation_logs(self, formation_id: str, *, lines: int = 100, stream: str = "all") -> FormationLogs:
        """The last lines of a formation's stdout/stderr (``stream``: stdout, stderr or all)."""
        result: FormationLogs = self._call("get_formation_logs", self._logs_arguments(formation_id, lines, stream))
        return result

    def follow_logs(self, formation_id: str, *, stream: str = "stdout") -> Stream[StreamEvent]:
        """New log lines as they are written (``event.data.line``); open-ended: close it when done."""
        return self._stream("get_formation_logs", self._follow_arguments(formation_id, stream))

    def download(self, formation_id: str, destination: str | os.PathLike[str], *, db: bool = False) -> Path:
        """Save the formation's files as a zip (``db=True`` adds ``memory.db``); the archive is
        checked before the file appears, since a failure mid-download cannot be reported otherwise."""
        with _Download(destination) as download:
            response = self._transport.open_stream(
                "download_formation",
                self._download_arguments(formation_id, db),
                timeout=self._settings.timeout,
                headers=_AS_IS,
            )
            try:
                for chunk in decoded(response, raw_chunks(response), self._wire.limits.max_download_bytes, "download"):
                    download.write(chunk)
            finally:
                response.close()
        return download.publish()

    # --- formations on this server -------------------------------------------------------------------

    def formation(self, formation_id: str, *, draft: bool = False, **keys: Any) -> Formation:
        """A Formation bound to ``/api/<id>/v1`` on this server (``draft=True``: ``/draft/<id>/v1``).
        Pass its ``client_key=``/``admin_key=`` (or set MUXI_CLIENT_KEY / MUXI_ADMIN_KEY)."""
        from .formation import Formation

        return Formation(**self._formation_kwargs(formation_id, draft, keys))


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


class AsyncServerClient(_ServerBase):
    """The asyncio twin of :class:`ServerClient` (same arguments, ``await`` the calls; streams are
    AsyncStream, iterated with ``async for``; ``ops`` calls return awaitables)."""

    _transport: AsyncTransport
    _transport_type = AsyncTransport

    def __init__(
        self,
        url: str | None = None,
        key_id: str | None = None,
        secret_key: str | None = None,
        *,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        app_name: str | None = None,
        http_client: httpx.AsyncClient | None = None,
        guards: Guards | None = None,
        limits: Limits | None = None,
    ) -> None:
        settings = resolve_server(
            url=url,
            key_id=key_id,
            secret_key=secret_key,
            timeout=timeout,
            max_retries=max_retries,
            app_name=app_name,
        )
        http = http_client if http_client is not None else httpx.AsyncClient(timeout=settings.timeout)
        self._setup(settings, guards, limits, http, owns_http=http_client is None)

    async def __aenter__(self) -> AsyncServerClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._transport.aclose()

    async def _call(self, operation_id: str, arguments: Mapping[str, Any] | None = None, **options: Any) -> Any:
        return await self._transport.call(operation_id, arguments, timeout=self._settings.timeout, **options)

    def _stream(self, operation_id: str, arguments: Mapping[str, Any]) -> AsyncStream[StreamEvent]:
        opener: Callable[[], Awaitable[httpx.Response]] = lambda: self._transport.open_stream(  # noqa: E731
            operation_id, arguments, timeout=self._settings.timeout
        )
        return AsyncStream(opener, _events_decoder(operation(operation_id)["events"]))

    async def ping(self) -> bool:
        """Like :meth:`ServerClient.ping`, awaited."""
        return bool(await self._call("ping", typed=False) == "pong")

    async def health(self) -> Any:
        """Like :meth:`ServerClient.health`, awaited."""
        return self._health(await self._call("health", typed=False))

    async def status(self) -> ServerStatus:
        """Like :meth:`ServerClient.status`, awaited."""
        result: ServerStatus = await self._call("get_server_status")
        return result

    async def list_formations(self) -> list[FormationSummary]:
        """Like :meth:`ServerClient.list_formations`, awaited."""
        return list((await self._call("list_formations")).formations)

    async def get_formation(self, formation_id: str) -> FormationDetail:
        """Like :meth:`ServerClient.get_formation`, awaited."""
        result: FormationDetail = await self._call("get_formation", {"formation_id": formation_id})
        return result

    async def deploy(
        self,
        source: str | os.PathLike[str] | bytes | Bundle,
        *,
        formation_id: str | None = None,
        version: str | None = None,
    ) -> DeployResult:
        """Like :meth:`ServerClient.deploy`, awaited."""
        formation, arguments = self._deploy_arguments(source, formation_id, version)
        result: DeployResult = await self._call("deploy_formation", {**arguments, "x_formation_id": formation})
        return result

    def deploy_stream(
        self,
        source: str | os.PathLike[str] | bytes | Bundle,
        *,
        formation_id: str | None = None,
        version: str | None = None,
    ) -> AsyncStream[StreamEvent]:
        """Like :meth:`ServerClient.deploy_stream`, awaited."""
        formation, arguments = self._deploy_arguments(source, formation_id, version)
        return self._stream("deploy_formation", {**arguments, "x_formation_id": formation})

    async def update(
        self, formation_id: str, source: str | os.PathLike[str] | bytes | Bundle, *, version: str | None = None
    ) -> UpdateResult:
        """Like :meth:`ServerClient.update`, awaited."""
        _, arguments = self._deploy_arguments(source, formation_id, version)
        result: UpdateResult = await self._call("update_formation", {**arguments, "formation_id": formation_id})
        return result

    def update_stream(
        self, formation_id: str, source: str | os.PathLike[str] | bytes | Bundle, *, version: str | None = None
    ) -> AsyncStream[StreamEvent]:
        """The update with its progress events."""
        _, arguments = self._deploy_arguments(source, formation_id, version)
        return self._stream("update_formation", {**arguments, "formation_id": formation_id})

    async def stop_formation(self, formation_id: str) -> Any:
        """Like :meth:`ServerClient.stop_formation`, awaited."""
        return await self._call("stop_formation", {"formation_id": formation_id})

    async def start_formation(self, formation_id: str) -> Any:
        """Like :meth:`ServerClient.start_formation`, awaited."""
        return await self._call("start_formation", {"formation_id": formation_id})

    async def restart_formation(self, formation_id: str) -> Any:
        """Like :meth:`ServerClient.restart_formation`, awaited."""
        return await self._call("restart_formation", {"formation_id": formation_id})

    async def rollback_formation(self, formation_id: str) -> Any:
        """Go back to the previous version (ValidationError when there is none)."""
        return await self._call("rollback_formation", {"formation_id": formation_id})

    async def cancel_update(self, formation_id: str) -> Any:
        """Stop an update in progress."""
        return await self._call("cancel_formation_update", {"formation_id": formation_id})

    async def delete_formation(self, formation_id: str) -> Any:
        """Like :meth:`ServerClient.delete_formation`, awaited."""
        return await self._call("delete_formation", {"formation_id": formation_id})

    async def get_server_logs(self, lines: int = 100) -> str:
        """The last ``lines`` of the server's audit log, as text."""
        return self._logs_text(await self._call("get_server_logs", {"lines": lines}, typed=False))

    async def get_formation_logs(self, formation_id: str, *, lines: int = 100, stream: str = "all") -> FormationLogs:
        """The last lines of a formation's stdout/stderr (``stream``: stdout, stderr or all)."""
        arguments = self._logs_arguments(formation_id, lines, stream)
        result: FormationLogs = await self._call("get_formation_logs", arguments)
        return result

    def follow_logs(self, formation_id: str, *, stream: str = "stdout") -> AsyncStream[StreamEvent]:
        """New log lines as they are written (``event.data.line``); open-ended: close it when done."""
        return self._stream("get_formation_logs", self._follow_arguments(formation_id, stream))

    async def download(self, formation_id: str, destination: str | os.PathLike[str], *, db: bool = False) -> Path:
        """Save the formation's files as a zip (``db=True`` adds ``memory.db``); the archive is
        checked before the file appears, since a failure mid-download cannot be reported otherwise."""
        import anyio  # httpx's own async layer: the archive check reads the whole file, off the loop

        with _Download(destination) as download:
            response = await self._transport.open_stream(
                "download_formation",
                self._download_arguments(formation_id, db),
                timeout=self._settings.timeout,
                headers=_AS_IS,
            )
            try:
                async for chunk in adecoded(
                    response, araw_chunks(response), self._wire.limits.max_download_bytes, "download"
                ):
                    download.write(chunk)
            finally:
                await response.aclose()
        return await anyio.to_thread.run_sync(download.publish)

    def formation(self, formation_id: str, *, draft: bool = False, **keys: Any) -> AsyncFormation:
        """An AsyncFormation bound to this server's ``/api/<id>/v1``."""
        from .formation import AsyncFormation

        return AsyncFormation(**self._formation_kwargs(formation_id, draft, keys))


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

    tag = "server"

    def _wants_stream(self, entry: Mapping[str, Any], parameters: Mapping[str, bool], kwargs: dict[str, Any]) -> bool:
        # A followed log is a stream whatever else is asked (contract server.md §6).
        if entry["stream"] is not None and "follow" in parameters and kwargs.get("follow"):
            return True
        return super()._wants_stream(entry, parameters, kwargs)

    def _decoder(self, entry: Mapping[str, Any]) -> EventDecoder[Any]:
        return _events_decoder(entry["events"])


__all__ = ["AsyncServerClient", "Bundle", "DeploymentError", "ServerClient", "ServerOps", "build_bundle"]
