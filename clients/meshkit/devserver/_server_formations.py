"""The MUXI Server's ``/rpc/formations`` handlers (contract/server.md §3): reads, logs and downloads,
and the deploy, update, cancel-update, delete, start, stop, restart and rollback calls, each
answered as JSON or, for the operations of §5, as a progress stream on request."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from ._scripts import DeployFailure
from ._server_bundles import DEFAULT_FORMATION_VERSION, check_formation_id, is_bundle_content_type, zip_release
from ._server_deploy import Deployments
from ._server_state import FormationFleet, LogStream, ManagedFormation, Operation, Outcome, Progress, parse_line_count
from ._server_wire import ServerError, formation_not_found, internal_error, success
from ._wire import SSE_HEADERS, json_response, sse_frame

FOLLOW_POLL_SECS = 0.1


def wants_event_stream(request: Request) -> bool:
    """A progress stream is asked for with ``Accept: text/event-stream`` on the same route (§5)."""
    return "text/event-stream" in request.headers.get("accept", "")


def _operation_name(request: Request) -> str:
    """``deploy``, ``update``, ``start``, ``restart`` or ``rollback``: what a deploy script matches."""
    if request.method == "PUT":
        return "update"
    tail = request.url.path.rstrip("/").rsplit("/", 1)[-1]
    return tail if tail in ("start", "restart", "rollback") else "deploy"


async def _run_into(
    operation: Operation,
    queue: asyncio.Queue[bytes | None],
    scripted: Callable[[str], DeployFailure | None] | None = None,
) -> None:
    progress = Progress(queue, scripted)
    try:
        outcome = await operation(progress)
        last = sse_frame(outcome.complete, "complete")
    except ServerError as exc:
        last = sse_frame(exc.event(progress.stage), "error")
    except Exception as exc:  # the stream must still end with an error frame
        last = sse_frame(internal_error(exc).event(progress.stage), "error")
    await queue.put(last)
    await queue.put(None)


async def _drain(queue: asyncio.Queue[bytes | None]) -> AsyncIterator[bytes]:
    while (frame := await queue.get()) is not None:
        yield frame


def _base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


async def _body_or_undo(request: Request, undo: Callable[[], None]) -> bytes:
    """The whole request body; ``undo`` releases the caller's reservation when reading fails."""
    try:
        return await request.body()
    except BaseException:
        undo()
        raise


async def _chunks(data: bytes, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


class FormationHandlers:
    """The route handlers of ``/rpc/formations`` and ``/rpc/formations/{id}/*``, over the fleet's state
    and the operations of its deployments."""

    def __init__(self, fleet: FormationFleet, deployments: Deployments) -> None:
        self.fleet = fleet
        self.deployments = deployments
        # Streamed operations run as tasks so they finish even when the client goes away.
        self._tasks: set[asyncio.Task[None]] = set()

    async def _respond(self, request: Request, operation: Operation) -> Response:
        """The one progress-stream writer (§5) of deploy, update, start, restart and rollback: a JSON
        answer, or with ``Accept: text/event-stream`` a 200 stream of progress frames ending in
        ``complete`` or ``error``."""
        formation_id = request.path_params.get("formation_id") or request.headers.get("x-formation-id")
        name = _operation_name(request)

        def scripted(stage: str) -> DeployFailure | None:
            """A deploy script of this call for ``stage``, taken as the operation enters it."""
            failure: DeployFailure | None = self.fleet.book.scripts.take(
                "server", accept=lambda answer: answer.stage == stage, formation=formation_id, operation=name
            )
            return failure

        if not wants_event_stream(request):
            try:
                outcome = await operation(Progress(None, scripted))
            except ServerError as exc:
                return exc.response()
            except Exception as exc:
                return internal_error(exc).response()
            return success(outcome.data, outcome.status)
        queue: asyncio.Queue[bytes | None] = asyncio.Queue()
        task = asyncio.create_task(_run_into(operation, queue, scripted))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return StreamingResponse(_drain(queue), media_type="text/event-stream", headers=SSE_HEADERS)

    # --- formations: reads ---------------------------------------------------------------------

    async def list_formations(self, request: Request) -> Response:
        """``GET /rpc/formations``: a summary of each formation."""
        summaries = [self.fleet.summary(formation) for formation in self.fleet.formations.values()]
        return success({"formations": summaries, "total": len(summaries)})

    async def get_formation(self, request: Request) -> Response:
        """``GET /rpc/formations/{id}``: the details, after a live health check of a running formation."""
        try:
            formation = self.fleet.find(request.path_params["formation_id"])
        except ServerError as exc:
            return exc.response()
        if formation.status in ("running", "unhealthy"):
            healthy = await self.fleet.probe(formation.instance)
            if formation.status in ("running", "unhealthy"):  # unless it was stopped meanwhile
                formation.status, formation.healthy = ("running", True) if healthy else ("unhealthy", False)
                formation.last_health_check = self.fleet.clock()
        return success(self.fleet.detail(formation))

    async def formation_logs(self, request: Request) -> Response:
        """``GET /rpc/formations/{id}/logs``: recent lines as JSON, or with ``follow`` an endless stream."""
        try:
            formation = self.fleet.find(request.path_params["formation_id"])
        except ServerError as exc:
            return exc.response()
        query = request.query_params
        if query.get("follow", "").lower() in ("true", "1"):
            frames = self._follow(formation, formation.logs.stream(query.get("stream", "stdout")))
            return StreamingResponse(frames, media_type="text/event-stream", headers=SSE_HEADERS)
        count = parse_line_count(query.get("lines"))
        selected = query.get("stream", "all")
        names = [selected] if selected in ("stdout", "stderr") else ["stdout", "stderr"]
        streams = {name: formation.logs.stream(name) for name in names}
        return success(
            {
                "formation_id": formation.id,
                "logs": {name: stream.tail(count) for name, stream in streams.items()},
                "total_lines": {name: len(stream) for name, stream in streams.items()},
            }
        )

    async def _follow(self, formation: ManagedFormation, stream: LogStream) -> AsyncIterator[bytes]:
        # Like tail -f: no backlog, only what is written after the connection opened.
        position = stream.written
        yield sse_frame({"formation_id": formation.id}, "connected")
        while True:
            await asyncio.sleep(FOLLOW_POLL_SECS)
            for line in stream.since(position):
                yield sse_frame({"line": line, "formation_id": formation.id}, "log")
            position = stream.written

    async def download(self, request: Request) -> Response:
        """``GET /rpc/formations/{id}/download``: the current version's files as a zip."""
        try:
            formation = self.fleet.find(request.path_params["formation_id"])
        except ServerError as exc:
            return exc.response()
        include_db = request.query_params.get("db", "").lower() in ("true", "1")
        archive = zip_release(formation.release.files, include_db)
        disposition = {"Content-Disposition": f'attachment; filename="{formation.id}.zip"'}
        return StreamingResponse(_chunks(archive), media_type="application/zip", headers=disposition)

    # --- formations: deploy and update ---------------------------------------------------------

    async def deploy(self, request: Request) -> Response:
        """``POST /rpc/formations``: header checks as JSON, then the deploy (streamed on request)."""
        try:
            if not is_bundle_content_type(request.headers.get("content-type", "")):
                message = "Invalid Content-Type. Expected application/gzip with a formation bundle (tar.gz)"
                raise ServerError(400, message)
            formation_id = check_formation_id(request.headers.get("x-formation-id"))
            if formation_id in self.fleet.formations or formation_id in self.deployments.deploying:
                raise ServerError(409, f"Formation '{formation_id}' already exists. Use PUT to update.")
        except ServerError as exc:
            return exc.response()
        version = request.headers.get("x-formation-version") or DEFAULT_FORMATION_VERSION
        self.deployments.deploying.add(formation_id)
        raw = await _body_or_undo(request, lambda: self.deployments.deploying.discard(formation_id))
        base_url = _base_url(request)

        async def operation(progress: Progress) -> Outcome:
            try:
                return await self.deployments.deploy(progress, formation_id, version, raw, base_url)
            finally:
                self.deployments.deploying.discard(formation_id)

        return await self._respond(request, operation)

    async def update(self, request: Request) -> Response:
        """``PUT /rpc/formations/{id}``: 404 and concurrent-update 409 as JSON, then the blue-green update."""
        formation = self.fleet.formations.get(request.path_params["formation_id"])
        if formation is None:
            return formation_not_found().response()
        if formation.updating:
            return ServerError(409, "Formation is already being updated").response()
        version = request.headers.get("x-formation-version") or DEFAULT_FORMATION_VERSION
        formation.updating = True

        def done() -> None:
            formation.updating = False

        raw = await _body_or_undo(request, done)
        base_url = _base_url(request)

        async def operation(progress: Progress) -> Outcome:
            try:
                return await self.deployments.update(progress, formation, version, raw, base_url)
            finally:
                done()

        return await self._respond(request, operation)

    async def cancel_update(self, request: Request) -> Response:
        """``POST /rpc/formations/{id}/cancel-update``: stop the staging process (bare answer)."""
        try:
            formation = self.fleet.find(request.path_params["formation_id"])
            staging = self.deployments.cancel_update(formation)
        except ServerError as exc:
            return exc.response()
        return json_response(
            {
                "message": "Update cancelled successfully",
                "formation_id": formation.id,
                "staging_port": staging.instance.port,
                "status": formation.status,
                "current_port": formation.port,
            }
        )

    async def delete(self, request: Request) -> Response:
        """``DELETE /rpc/formations/{id}``: stop the process and forget the formation."""
        try:
            formation = self.fleet.find(request.path_params["formation_id"])
        except ServerError as exc:
            return exc.response()
        self.fleet.stop_process(formation)
        self.fleet.forget(formation)
        return success({"id": formation.id, "message": "Formation deleted successfully"})

    # --- formations: lifecycle -----------------------------------------------------------------

    async def start(self, request: Request) -> Response:
        """``POST /rpc/formations/{id}/start`` (streams switch at once: even 404/409 are frames)."""
        formation_id = request.path_params["formation_id"]
        return await self._respond(request, lambda progress: self.deployments.start(progress, formation_id))

    async def stop(self, request: Request) -> Response:
        """``POST /rpc/formations/{id}/stop`` (JSON only)."""
        try:
            formation = self.fleet.find(request.path_params["formation_id"])
        except ServerError as exc:
            return exc.response()
        if formation.status == "stopped":
            return ServerError(409, "Formation is already stopped").response()
        self.fleet.stop_process(formation)
        return success({"id": formation.id, "status": "stopped", "message": "Formation stopped successfully"})

    async def restart(self, request: Request) -> Response:
        """``POST /rpc/formations/{id}/restart`` (streams switch at once)."""
        formation_id = request.path_params["formation_id"]
        return await self._respond(request, lambda progress: self.deployments.restart(progress, formation_id))

    async def rollback(self, request: Request) -> Response:
        """``POST /rpc/formations/{id}/rollback`` (streams switch at once)."""
        formation_id = request.path_params["formation_id"]
        base_url = _base_url(request)
        return await self._respond(
            request, lambda progress: self.deployments.rollback(progress, formation_id, base_url)
        )
