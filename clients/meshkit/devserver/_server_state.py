"""The MUXI Server's state: formations, their releases and simulated processes, ports, log streams,
and the progress an operation reports (contract/server.md §5, §6).

A formation's "process" is an in-memory :class:`FormationRuntime` behind a fake port (from 8001
upwards) and a fake pid. :class:`FormationFleet` registers formations, spawns, health-checks, starts
and stops their processes; the deploy, update and rollback operations built on it are in
``_server_deploy``.
"""

from __future__ import annotations

import asyncio
import itertools
import re
import sys
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from ._config import DevServerConfig
from ._faults import FaultBook
from ._scripts import DeployFailure
from ._server_bundles import semantic_version
from ._server_proxy import asgi_get_status
from ._server_wire import ServerError, formation_not_found
from ._wire import sse_frame
from .formation import FormationRuntime

RUNTIME_PIN = re.compile(r"^(latest|\d+(\.\d+)*)(:[a-z0-9_-]+)?$")
LATEST_RUNTIME_VERSION = "0.0.0-dev"

FIRST_PORT, LAST_PORT = 8001, 8999
FIRST_PID = 4242

# The real server polls once a second up to 300 times; the dev server is faster so that a test
# making every check fail still finishes in about a second.
HEALTH_CHECK_ATTEMPTS = 50
HEALTH_CHECK_INTERVAL_SECS = 0.02
HEALTH_CHECK_TIMEOUT_SECS = 2.0

# Progress frames leave one at a time, as the real server flushes each one.
FRAME_GAP_SECS = 0.005

# §6 and the server audit log.
DEFAULT_LOG_LINES = 100
MAX_LOG_LINES = 10_000


# --- logs --------------------------------------------------------------------------------------


def parse_line_count(raw: str | None) -> int:
    """``lines``: 1-10000, larger values capped, invalid or <= 0 → 100 (§6)."""
    try:
        count = int(raw or "")
    except ValueError:
        return DEFAULT_LOG_LINES
    return DEFAULT_LOG_LINES if count <= 0 else min(count, MAX_LOG_LINES)


class LogStream:
    """One output stream (stdout or stderr): its last lines, and how many were ever written so a
    follower can ask for what came after the point it last saw."""

    def __init__(self, keep: int = MAX_LOG_LINES) -> None:
        self._lines: deque[str] = deque(maxlen=keep)
        self.written = 0

    def __len__(self) -> int:
        return len(self._lines)

    def write(self, line: str) -> None:
        """Append one line (no newline)."""
        self._lines.append(line)
        self.written += 1

    def tail(self, count: int) -> list[str]:
        """The last ``count`` lines, oldest first."""
        return list(self._lines)[-count:] if count > 0 else []

    def since(self, position: int) -> list[str]:
        """The lines written after ``written`` was ``position``."""
        return self.tail(min(self.written - position, len(self._lines)))


@dataclass
class FormationLogs:
    """A formation's two output streams."""

    stdout: LogStream = field(default_factory=LogStream)
    stderr: LogStream = field(default_factory=LogStream)

    def stream(self, name: str) -> LogStream:
        """``stderr`` for "stderr", ``stdout`` for anything else (the follow rule of §6)."""
        return self.stderr if name == "stderr" else self.stdout


# --- formations --------------------------------------------------------------------------------


def rfc3339(timestamp: float) -> str:
    """An epoch time as an RFC 3339 UTC string."""
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass
class Release:
    """One deployed bundle: the current version, or the previous one kept for rollback."""

    counter: int  # the deployment counter of update/rollback answers
    bundle_hash: str
    files: dict[str, bytes]
    definition: dict[str, Any]
    deployed_at: float

    @property
    def short_hash(self) -> str:
        """The opaque ``version.current/previous`` value of summaries and details."""
        return self.bundle_hash[:12]


@dataclass
class Instance:
    """A simulated formation process: an in-memory runtime behind a fake port and pid."""

    runtime: FormationRuntime
    port: int
    pid: int
    started_at: float


@dataclass
class Staging:
    """The new version of an update in progress; cancel-update stops it."""

    instance: Instance
    release: Release


@dataclass
class ManagedFormation:
    """Everything the server knows about one formation."""

    id: str
    release: Release
    instance: Instance
    draft: FormationRuntime
    created_at: float
    updated_at: float
    status: str = "starting"
    previous: Release | None = None
    restart_count: int = 0
    healthy: bool | None = None
    last_health_check: float | None = None
    updating: bool = False
    staging: Staging | None = None
    logs: FormationLogs = field(default_factory=FormationLogs)

    @property
    def name(self) -> str:
        """The formation file's ``name``, else its id."""
        return str(self.release.definition.get("name") or self.id)

    @property
    def port(self) -> int:
        """The port serving the formation (kept while stopped)."""
        return self.instance.port

    @property
    def pid(self) -> int:
        """The process id; 0 while stopped."""
        return 0 if self.status == "stopped" else self.instance.pid

    def uptime(self, now: float) -> int:
        """Whole seconds since the process started; 0 while stopped."""
        return 0 if self.status == "stopped" else max(0, int(now - self.instance.started_at))

    def version_info(self) -> dict[str, str | None]:
        """``{current, previous}`` bundle hashes."""
        previous = self.previous.short_hash if self.previous else None
        return {"current": self.release.short_hash, "previous": previous}


class PortPool:
    """The formation ports, allocated lowest first."""

    def __init__(self, first: int = FIRST_PORT, last: int = LAST_PORT) -> None:
        self.first, self.last = first, last
        self.allocated: set[int] = set()

    @property
    def total(self) -> int:
        """How many ports the pool has."""
        return self.last - self.first + 1

    def allocate(self) -> int | None:
        """The lowest free port, or None when the pool is exhausted."""
        port = next((p for p in range(self.first, self.last + 1) if p not in self.allocated), None)
        if port is not None:
            self.allocated.add(port)
        return port

    def release(self, port: int) -> None:
        """Give a port back (releasing a free port is harmless)."""
        self.allocated.discard(port)


# --- §5 progress streams -----------------------------------------------------------------------


@dataclass
class Outcome:
    """A finished operation: the JSON answer's ``data`` and the stream's ``complete`` event."""

    data: dict[str, Any]
    complete: dict[str, Any]
    status: int = 200


class Progress:
    """Where an operation reports its stages: SSE frames on a queue, or nowhere for a JSON answer."""

    def __init__(
        self,
        queue: asyncio.Queue[bytes | None] | None = None,
        scripted: Callable[[str], DeployFailure | None] | None = None,
    ) -> None:
        self._queue = queue
        self.stage = "validating"
        # The scripted failure of a stage, taken when the operation enters it (see _scripts.py): a
        # script for a stage this operation never reaches stays armed for one that does.
        self._scripted = scripted

    def scripted_failure(self, stage: str) -> str | None:
        """The message of a scripted failure of ``stage``, if one is armed (it is used up)."""
        failure = self._scripted(stage) if self._scripted is not None else None
        return failure.error_message if failure is not None else None

    async def __call__(self, stage: str, message: str, **extra: Any) -> None:
        """Enter ``stage`` and, when streaming, send its ``event: progress`` frame. A scripted
        failure of this stage (other than the health check, which fails its checks) raises."""
        failure = self._scripted(stage) if stage != "health_check" and self._scripted is not None else None
        if failure is not None:
            raise ServerError(failure.status, failure.error_message, failure.error_kind, stage)
        self.stage = stage
        if self._queue is not None:
            await self._queue.put(sse_frame({"stage": stage, "message": message, **extra}, "progress"))
            await asyncio.sleep(FRAME_GAP_SECS)


Operation = Callable[[Progress], Awaitable[Outcome]]


# --- the fleet ---------------------------------------------------------------------------------


class FormationFleet:
    """The formations and their simulated processes: registration, ports and pids, health checks,
    start and stop. ``clock`` (epoch seconds) is the time of every change it records."""

    def __init__(self, config: DevServerConfig, book: FaultBook, clock: Callable[[], float]) -> None:
        self.config = config
        self.book = book
        self.clock = clock
        self.formations: dict[str, ManagedFormation] = {}
        self.ports = PortPool()
        self.pids = itertools.count(FIRST_PID)

    def find(self, formation_id: str, stage: str | None = None) -> ManagedFormation:
        """The formation with this id; 404 ``Formation not found`` (at ``stage`` in a progress stream)."""
        formation = self.formations.get(formation_id)
        if formation is None:
            raise formation_not_found(stage)
        return formation

    def spawn(self, formation_id: str, release: Release, port: int) -> Instance:
        """A new process of ``release`` on ``port``: a fresh runtime and the next pid."""
        runtime = FormationRuntime(self.config, self.book, formation_id, release.definition)
        return Instance(runtime, port, next(self.pids), self.clock())

    def forget(self, formation: ManagedFormation) -> None:
        """Unregister a formation and give its ports back (delete, failed deploy)."""
        if self.formations.get(formation.id) is formation:
            del self.formations[formation.id]
        self.ports.release(formation.port)
        if formation.staging is not None:
            self.ports.release(formation.staging.instance.port)
            formation.staging = None

    def register(self, formation_id: str, release: Release, port: int) -> ManagedFormation:
        """A newly deployed formation, starting: its process, its draft instance and its first log lines."""
        instance = self.spawn(formation_id, release, port)
        draft = FormationRuntime(self.config, self.book, formation_id, release.definition)
        now = release.deployed_at
        formation = ManagedFormation(formation_id, release, instance, draft, created_at=now, updated_at=now)
        self.formations[formation_id] = formation
        self.log_start(formation, instance)
        return formation

    def serves(self, formation: ManagedFormation) -> bool:
        """Whether ``formation`` is still the registered one (not deleted meanwhile)."""
        return self.formations.get(formation.id) is formation

    async def probe(self, instance: Instance) -> bool:
        """One health check: ``GET /v1/health`` on the formation, at most 2 s."""

        async def check() -> bool:
            fault = self.book.take("formation", "GET", "/v1/health")
            if fault is not None:
                if fault.delay:
                    await asyncio.sleep(fault.delay)
                if fault.status is not None or fault.reset is not None:
                    return False
            return await asgi_get_status(instance.runtime.app, "/v1/health", instance.port) == 200

        try:
            return await asyncio.wait_for(check(), HEALTH_CHECK_TIMEOUT_SECS)
        except TimeoutError:
            return False

    async def wait_until_healthy(
        self, progress: Progress, instance: Instance, waiting: str, alive: Callable[[], bool]
    ) -> str | None:
        """Poll the instance's health like the real server; None when healthy, else why not."""
        await progress("health_check", waiting)
        scripted = progress.scripted_failure("health_check")
        if scripted is not None:
            return scripted
        for attempt in range(1, HEALTH_CHECK_ATTEMPTS + 1):
            if not alive():
                return "the process was stopped"
            message = f"Health check attempt {attempt}/{HEALTH_CHECK_ATTEMPTS}..."
            await progress("health_check", message, attempt=attempt, max_attempts=HEALTH_CHECK_ATTEMPTS)
            if await self.probe(instance):
                return None if alive() else "the process was stopped"
            await asyncio.sleep(HEALTH_CHECK_INTERVAL_SECS)
        return f"no healthy answer from /v1/health after {HEALTH_CHECK_ATTEMPTS} attempts"

    async def resolve_runtime(self, progress: Progress, definition: Mapping[str, Any], invalid_kind: str) -> None:
        """The runtime stages, only when the formation pins ``muxi_runtime``."""
        pin = definition.get("muxi_runtime")
        if pin in (None, ""):
            return
        await progress("resolving_runtime", f"Resolving runtime version: {pin}")
        if isinstance(pin, bool) or not RUNTIME_PIN.match(str(pin)):
            message = (
                f"Invalid muxi_runtime '{pin}': expected a version such as 0.2025.1 or latest, optionally :variant"
            )
            raise ServerError(400, message, invalid_kind)
        version = str(pin).split(":")[0]
        resolved = LATEST_RUNTIME_VERSION if version == "latest" else version
        await progress("resolving_runtime", f"Resolved runtime version: {resolved}", version=resolved)
        await progress("downloading_sif", "Using cached runtime image", progress=100)
        if sys.platform != "linux":  # the runner image is only pulled where containers need it
            await progress("pulling_runner", "Using cached runtime runner")

    def log_start(self, formation: ManagedFormation, instance: Instance) -> None:
        out, definition = formation.logs.stdout, formation.release.definition
        version = semantic_version(definition)
        out.write(f"Starting formation {formation.id} version {version} on port {instance.port} (pid {instance.pid})")
        out.write(f"Loaded agents: {', '.join(instance.runtime.agents)}")
        formation.logs.stderr.write("WARNING: no LLM provider configured; the dev server's echo agent answers")

    def mark_running(self, formation: ManagedFormation) -> None:
        now = self.clock()
        formation.status, formation.healthy = "running", True
        formation.last_health_check = formation.updated_at = now
        formation.logs.stdout.write(f"Uvicorn running on http://127.0.0.1:{formation.port} (Press CTRL+C to quit)")
        formation.logs.stdout.write("Application startup complete.")

    def stop_process(self, formation: ManagedFormation) -> None:
        if formation.status != "stopped":
            formation.logs.stdout.write("Shutting down")
            formation.logs.stdout.write("Application shutdown complete.")
        formation.status, formation.healthy = "stopped", False
        formation.updated_at = self.clock()

    async def start_process(self, progress: Progress, formation: ManagedFormation) -> None:
        """Spawn the formation again on its port and wait for it (start, restart)."""
        await self.resolve_runtime(progress, formation.release.definition, "InvalidRuntime")
        await progress("spawning", "Starting formation...")
        now = self.clock()
        instance = replace(formation.instance, pid=next(self.pids), started_at=now)
        instance.runtime.started_at = now
        formation.instance, formation.status, formation.healthy = instance, "starting", None
        self.log_start(formation, instance)
        failure = await self.wait_until_healthy(
            progress, instance, "Waiting for formation health check...", lambda: formation.instance is instance
        )
        if failure:
            formation.status, formation.healthy = "crashed", False
            raise ServerError(500, f"Formation failed health check: {failure}", "HealthCheckFailed")
        self.mark_running(formation)

    def summary(self, formation: ManagedFormation) -> dict[str, Any]:
        return {
            "id": formation.id,
            "name": formation.name,
            "port": formation.port,
            "status": formation.status,
            "pid": formation.pid,
            "uptime": formation.uptime(self.clock()),
            "restart_count": formation.restart_count,
            "healthy": formation.healthy,
            "version": formation.version_info(),
        }

    def detail(self, formation: ManagedFormation) -> dict[str, Any]:
        checked = formation.last_health_check
        return {
            **self.summary(formation),
            "created_at": rfc3339(formation.created_at),
            "deployed_at": rfc3339(formation.release.deployed_at),
            "updated_at": rfc3339(formation.updated_at),
            "last_health_check": rfc3339(checked) if checked is not None else None,
        }

    # --- public routes -------------------------------------------------------------------------
