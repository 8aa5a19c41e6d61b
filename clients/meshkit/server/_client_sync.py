# Generated from clients/meshkit/server/_client_async.py by generator/unasync.py (make generate); do not edit.
"""ServerClient, and (generated from this file) ServerClient: deploy and run formations."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from .._bundle import Bundle
from .._core.closing_sync import Closing
from .._core.config import TimeoutArg, resolve_server
from .._core.events import StreamEvent
from .._core.guards import Guards
from .._core.io_hooks import run_blocking
from .._core.limits import DEFAULT_LIMITS, Limits, decoded, raw_chunks
from .._core.streams_sync import Stream
from .._core.transport_sync import SyncTransport
from .._core.wire import operation
from ._base import _AS_IS, _Download, _events_decoder, _ServerBase

if TYPE_CHECKING:
    from .._generated.models import (
        DeployResult,
        FormationDetail,
        FormationLogs,
        FormationSummary,
        ServerStatus,
        UpdateResult,
    )
    from .._operations.server_sync import ServerOperations
    from ..formation import Formation


class ServerClient(_ServerBase, Closing):
    """A MUXI Server (env: ``MUXI_SERVER_URL``, ``MUXI_KEY_ID``, ``MUXI_SECRET_KEY``).

    Every server operation of the spec is also ``server.ops.<operation_id>(...)`` (see
    :class:`ServerOps`). Close it with ``server.close()`` or use it as a context manager
    (``with``)."""

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
        ).with_changes(guards=guards, limits=limits or DEFAULT_LIMITS)
        http = http_client if http_client is not None else httpx.Client(timeout=settings.timeout)
        self._start(settings, http, owns_http=http_client is None)

    @cached_property
    def ops(self) -> ServerOperations:
        """Every MUXI Server operation of the spec as a typed method, signed and retried like the
        methods above: ``server.ops.get_formation_logs("my-formation", lines=20)``."""
        from .._operations.server_sync import ServerOperations

        return ServerOperations(self._transport, self._settings.timeout)

    def _call(self, operation_id: str, arguments: Mapping[str, Any] | None = None, **options: Any) -> Any:
        return self._transport.call(operation_id, arguments, timeout=self._settings.timeout, **options)

    def _stream(self, operation_id: str, arguments: Mapping[str, Any]) -> Stream[StreamEvent]:
        def opener() -> httpx.Response:
            return self._transport.open_stream(operation_id, arguments, timeout=self._settings.timeout)

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
        arguments = self._logs_arguments(formation_id, lines, stream)
        result: FormationLogs = self._call("get_formation_logs", arguments)
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
                limit = self._wire.limits.max_download_bytes
                for chunk in decoded(response, raw_chunks(response), limit, "download"):
                    download.write(chunk)
            finally:
                response.close()
        return run_blocking(download.publish)

    # --- formations on this server -------------------------------------------------------------------

    def formation(self, formation_id: str, *, draft: bool = False, **keys: Any) -> Formation:
        """A client (Formation) of the formation at ``/api/<id>/v1`` on this server (``draft=True``:
        ``/draft/<id>/v1``). Pass its ``client_key=``/``admin_key=`` (or set MUXI_CLIENT_KEY /
        MUXI_ADMIN_KEY)."""
        from ..formation import Formation

        return Formation(**self._formation_kwargs(formation_id, draft, keys))


__all__ = ["ServerClient"]
