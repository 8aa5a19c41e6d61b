"""The MUXI Server client (asyncio here; make generate writes the blocking twin): deploy and run formations."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Unpack

import httpx

from .._bundle import Bundle
from .._core.client_base import HttpBackend
from .._core.closing_async import AsyncClosing
from .._core.config import TimeoutArg, resolve_server
from .._core.guards import Guards
from .._core.io_hooks import arun_blocking
from .._core.limits import DEFAULT_LIMITS, Limits, adecoded, araw_chunks
from .._core.options import RequestOptions, apply_options, default_headers_setting
from .._core.plan import Plan
from .._core.raw_async import AsyncRawAccess
from .._core.streams_async import AsyncStream
from .._core.telemetry import Hooks, stream_ended
from .._core.transport_async import AsyncTransport
from ._base import _AS_IS, _Download, _ServerBase

if TYPE_CHECKING:
    from .._generated.models import (
        CancelUpdateResult,
        DeleteResult,
        DeployResult,
        FormationDetail,
        FormationLogs,
        FormationSummary,
        RestartResult,
        RollbackResult,
        ServerHealth,
        ServerStatus,
        StartResult,
        StopResult,
        UpdateResult,
    )
    from .._operations.server_async import AsyncServerOperations
    from ..formation import AsyncFormation
    from ._base import DeployEvent, LogEvent


class AsyncServerClient(AsyncClosing, AsyncRawAccess, _ServerBase):
    """A MUXI Server (env: ``MUXI_SERVER_URL``, ``MUXI_KEY_ID``, ``MUXI_SECRET_KEY``).

    Every server operation of the spec is also ``server.ops.<operation_id>(...)`` (see
    :class:`ServerOps`). Close it with ``await server.aclose()`` or use it as a context manager
    (``async with``)."""

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
        default_headers: Mapping[str, str] | None = None,
        hooks: Hooks | None = None,
        max_connections: int | None = None,
        http_backend: HttpBackend = "httpx",
    ) -> None:
        settings = resolve_server(
            url=url,
            key_id=key_id,
            secret_key=secret_key,
            timeout=timeout,
            max_retries=max_retries,
            app_name=app_name,
        ).with_changes(
            guards=guards,
            limits=limits or DEFAULT_LIMITS,
            default_headers=default_headers_setting(default_headers),
            hooks=hooks,
        )
        self._open(settings, http_client, max_connections=max_connections, http_backend=http_backend)

    @cached_property
    def ops(self) -> AsyncServerOperations:
        """Every MUXI Server operation of the spec as a typed method, signed and retried like the
        methods above: ``server.ops.get_formation_logs("my-formation", lines=20)``."""
        from .._operations.server_async import AsyncServerOperations

        return AsyncServerOperations(self._transport)

    # --- health and status ---------------------------------------------------------------------------

    async def ping(self, **options: Unpack[RequestOptions]) -> bool:
        """True when the server answers ``pong``."""
        return bool(await self._transport.run(Plan("ping", typed=False), options) == "pong")

    async def health(self, **options: Unpack[RequestOptions]) -> ServerHealth:
        """``ServerHealth``: ``status`` and the server ``version``."""
        return self._health(await self._transport.run(Plan("health", typed=False), options))

    async def status(self, **options: Unpack[RequestOptions]) -> ServerStatus:
        """Server id, version, uptime, formation counts and the port pool."""
        return await self.ops.get_server_status(**options)

    # --- formations ----------------------------------------------------------------------------------

    async def list_formations(self, **options: Unpack[RequestOptions]) -> list[FormationSummary]:
        """Every formation the server manages."""
        return list((await self.ops.list_formations(**options)).formations)

    async def get_formation(self, formation_id: str, **options: Unpack[RequestOptions]) -> FormationDetail:
        """One formation (a live health check may turn its status to ``unhealthy``)."""
        return await self.ops.get_formation(formation_id, **options)

    async def deploy(
        self,
        source: str | os.PathLike[str] | bytes | Bundle,
        *,
        formation_id: str | None = None,
        version: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> DeployResult:
        """Deploy a formation directory or bundle; returns port, pid, URLs once it runs."""
        formation, upload, chosen = self._bundle(source, formation_id, version)
        return await self.ops.deploy_formation(
            body=upload, x_formation_id=formation, x_formation_version=chosen, **options
        )

    def deploy_stream(
        self,
        source: str | os.PathLike[str] | bytes | Bundle,
        *,
        formation_id: str | None = None,
        version: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStream[DeployEvent]:
        """Deploy, yielding ``progress`` events (``.data.stage``, ``.message``, ``.progress``) and
        finally ``complete`` (``.data`` is a DeployCompleteEvent); DeploymentError on failure."""
        formation, upload, chosen = self._bundle(source, formation_id, version)
        return self.ops.deploy_formation(
            body=upload, x_formation_id=formation, x_formation_version=chosen, stream=True, **options
        )

    async def update(
        self,
        formation_id: str,
        source: str | os.PathLike[str] | bytes | Bundle,
        *,
        version: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> UpdateResult:
        """Blue-green update of a running formation with a new bundle."""
        _, upload, chosen = self._bundle(source, formation_id, version)
        return await self.ops.update_formation(formation_id, body=upload, x_formation_version=chosen, **options)

    def update_stream(
        self,
        formation_id: str,
        source: str | os.PathLike[str] | bytes | Bundle,
        *,
        version: str | None = None,
        **options: Unpack[RequestOptions],
    ) -> AsyncStream[DeployEvent]:
        """The update with its progress events."""
        _, upload, chosen = self._bundle(source, formation_id, version)
        return self.ops.update_formation(formation_id, body=upload, x_formation_version=chosen, stream=True, **options)

    async def start_formation(self, formation_id: str, **options: Unpack[RequestOptions]) -> StartResult:
        """Start a stopped formation (ConflictError if it runs)."""
        return await self.ops.start_formation(formation_id, **options)

    async def stop_formation(self, formation_id: str, **options: Unpack[RequestOptions]) -> StopResult:
        """Stop a running formation (ConflictError if stopped)."""
        return await self.ops.stop_formation(formation_id, **options)

    async def restart_formation(self, formation_id: str, **options: Unpack[RequestOptions]) -> RestartResult:
        """Restart a formation."""
        return await self.ops.restart_formation(formation_id, **options)

    async def rollback_formation(self, formation_id: str, **options: Unpack[RequestOptions]) -> RollbackResult:
        """Go back to the previous version (ValidationError when there is none)."""
        return await self.ops.rollback_formation(formation_id, **options)

    async def cancel_update(self, formation_id: str, **options: Unpack[RequestOptions]) -> CancelUpdateResult:
        """Stop an update in progress."""
        return await self.ops.cancel_formation_update(formation_id, **options)

    async def delete_formation(self, formation_id: str, **options: Unpack[RequestOptions]) -> DeleteResult:
        """Stop a formation and remove its files."""
        return await self.ops.delete_formation(formation_id, **options)

    # --- logs and download ---------------------------------------------------------------------------

    async def get_server_logs(self, lines: int = 100, **options: Unpack[RequestOptions]) -> str:
        """The last ``lines`` of the server's audit log, as text."""
        plan: Plan[Any] = Plan("get_server_logs", {"lines": lines}, typed=False)
        return self._logs_text(await self._transport.run(plan, options))

    async def get_formation_logs(
        self,
        formation_id: str,
        *,
        lines: int = 100,
        stream: Literal["all", "stdout", "stderr"] = "all",
        **options: Unpack[RequestOptions],
    ) -> FormationLogs:
        """The last lines of a formation's stdout/stderr (``stream``: stdout, stderr or all)."""
        return await self.ops.get_formation_logs(formation_id, lines=lines, stream=stream, **options)

    def follow_logs(
        self,
        formation_id: str,
        *,
        stream: Literal["all", "stdout", "stderr"] = "stdout",
        **options: Unpack[RequestOptions],
    ) -> AsyncStream[LogEvent]:
        """New log lines as they are written (``event.data.line``); open-ended: close it when done."""
        # follow=true is what makes the server stream (contract server.md §6): one line per event.
        return self.ops.get_formation_logs(formation_id, stream=stream, follow=True, **options)

    async def download(
        self,
        formation_id: str,
        destination: str | os.PathLike[str],
        *,
        db: bool = False,
        **options: Unpack[RequestOptions],
    ) -> Path:
        """Save the formation's files as a zip (``db=True`` adds ``memory.db``); the archive is
        checked before the file appears, since a failure mid-download cannot be reported otherwise."""
        with _Download(destination) as download:
            plan: Plan[Any] = apply_options(
                Plan("download_formation", {"formation_id": formation_id, "db": db}), options
            )
            plan.headers = {**_AS_IS, **(plan.headers or {})}
            response = await self._transport.open_stream(plan.operation_id, plan.arguments, **plan.options())
            failure: BaseException | None = None
            try:
                limit = self._wire.limits.max_download_bytes
                async for chunk in adecoded(response, araw_chunks(response), limit, "download"):
                    download.write(chunk)
            except BaseException as exc:
                failure = exc
                raise
            finally:
                await response.aclose()
                stream_ended(response, failure)
        return await arun_blocking(download.publish)

    # --- formations on this server -------------------------------------------------------------------

    def formation(self, formation_id: str, *, draft: bool = False, **keys: Any) -> AsyncFormation:
        """A client (AsyncFormation) of the formation at ``/api/<id>/v1`` on this server (``draft=True``:
        ``/draft/<id>/v1``). Pass its ``client_key=``/``admin_key=`` (or set MUXI_CLIENT_KEY /
        MUXI_ADMIN_KEY); it sends this client's ``default_headers`` too, unless given its own."""
        from ..formation import AsyncFormation

        return AsyncFormation(**self._formation_kwargs(formation_id, draft, keys))


__all__ = ["AsyncServerClient"]
