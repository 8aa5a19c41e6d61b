"""The MUXI Server's deploy, update, start, restart and rollback operations (contract/server.md §3-§5).

Each operation is a coroutine that reports its stages to a :class:`Progress` and ends in an
:class:`Outcome` or a :class:`ServerError`; the HTTP handlers answer it as JSON or as a progress
stream. Updates are blue-green (a staging instance on a second port, health-checked, then swapped
in), and the previous version is kept for rollback.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ._server_bundles import bundle_hash, check_bundle_id, check_bundle_version, extract_bundle, parse_definition
from ._server_state import FormationFleet, Instance, ManagedFormation, Outcome, Progress, Release, Staging
from ._server_wire import ServerError


class Deployments:
    """The operations that change which release of a formation runs, over the fleet's formations."""

    def __init__(self, fleet: FormationFleet) -> None:
        self.fleet = fleet
        self.deploying: set[str] = set()  # the ids of deploys under way, not registered yet

    async def deploy(self, progress: Progress, formation_id: str, version: str, raw: bytes, base_url: str) -> Outcome:
        """A new formation from a bundle: extracted, validated, spawned and health-checked (201)."""
        await progress("extracting", "Extracting bundle...")
        files = extract_bundle(raw)
        await progress("validating", "Validating formation config...")
        definition = parse_definition(files)
        check_bundle_id(definition, formation_id)
        check_bundle_version(definition, version)
        await self.fleet.resolve_runtime(progress, definition, "ResolveError")
        port = self.fleet.ports.allocate()
        if port is None:
            raise ServerError(500, "Failed to allocate port: the port pool is exhausted", "PortAllocationError")
        await progress("spawning", "Starting formation...")
        formation = self.fleet.register(
            formation_id, Release(1, bundle_hash(raw), files, definition, self.fleet.clock()), port
        )
        failure = await self.fleet.wait_until_healthy(
            progress, formation.instance, "Waiting for formation health check...", lambda: self.fleet.serves(formation)
        )
        if failure:
            self.fleet.forget(formation)
            raise ServerError(500, f"Formation failed health check: {failure}", "HealthCheckFailed")
        self.fleet.mark_running(formation)
        data = {
            "formation_id": formation_id,
            "port": port,
            "status": "running",
            "url": f"{base_url}/api/{formation_id}",
            "health_url": f"{base_url}/api/{formation_id}/v1/health",
            "pid": formation.pid,
        }
        return Outcome(data, dict(data), 201)

    async def update(
        self, progress: Progress, formation: ManagedFormation, version: str, raw: bytes, base_url: str
    ) -> Outcome:
        """The formation's next release from a bundle, blue-green; 409 ``NoChange`` for the same bundle."""
        await progress("extracting", "Extracting bundle to staging...")
        files = extract_bundle(raw)
        await progress("validating", "Validating formation config...")
        new_hash = bundle_hash(raw)
        if new_hash == formation.release.bundle_hash:
            raise ServerError(409, "Source is identical to current version - nothing to update", "NoChange")
        definition = parse_definition(files)
        check_bundle_version(definition, version)
        await self.fleet.resolve_runtime(progress, definition, "InvalidRuntime")
        release = Release(formation.release.counter + 1, new_hash, files, definition, self.fleet.clock())
        await self._swap_through_staging(progress, formation, release)
        message = "Formation updated with zero downtime"
        return self._version_switched(formation, base_url, message, port=formation.port, deployment_type="blue-green")

    async def _swap_through_staging(self, progress: Progress, formation: ManagedFormation, release: Release) -> None:
        """Blue-green: ``release`` starts on a staging port, and serves once healthy; the old port is freed."""
        port = self.fleet.ports.allocate()
        if port is None:
            raise ServerError(507, "No available ports for staging deployment", "PortAllocationError")
        staging = Staging(self.fleet.spawn(formation.id, release, port), release)
        formation.staging = staging
        try:
            await progress("spawning_staging", f"Starting staging version on port {port}", staging_port=port)
            formation.logs.stdout.write(f"Starting staging version {release.counter} on port {port}")
            failure = await self.fleet.wait_until_healthy(
                progress, staging.instance, "Waiting for staging health check...", lambda: formation.staging is staging
            )
            if failure:
                message = (
                    f"New version failed health check: {failure}. Old version still running - zero downtime maintained."
                )
                raise ServerError(400, message, "HealthCheckFailed")
            await progress("swapping", "Switching traffic to new version...")
            old = self._swap_in(formation, staging)
            await progress("stopping_old", "Stopping old version...")
            self.fleet.ports.release(old.port)
        finally:
            if formation.staging is staging:  # failed or cancelled: the staging process goes away
                formation.staging = None
                self.fleet.ports.release(port)

    def _version_switched(self, formation: ManagedFormation, base_url: str, message: str, **extra: Any) -> Outcome:
        """The answer of an update or a rollback: deployment counters, integers in JSON and strings in
        the stream's complete event."""
        new = formation.release.counter
        previous = formation.previous.counter if formation.previous else 0
        data = {
            "id": formation.id,
            "status": "running",
            "version": new,
            "previous_version": previous,
            "pid": formation.pid,
            "message": message,
            **extra,
        }
        complete = {
            "formation_id": formation.id,
            "port": formation.port,
            "status": "running",
            "url": f"{base_url}/api/{formation.id}",
            "pid": formation.pid,
            "previous_version": str(previous),
            "new_version": str(new),
        }
        return Outcome(data, complete)

    def _swap_in(self, formation: ManagedFormation, staging: Staging) -> Instance:
        """Traffic goes to the staging instance; the old instance is returned (to be stopped)."""
        if formation.staging is not staging or not self.fleet.serves(formation):
            raise ServerError(
                400, "Update cancelled before the switch. Old version still running.", "HealthCheckFailed"
            )
        old = formation.instance
        formation.previous, formation.release = formation.release, staging.release
        formation.instance, formation.staging = staging.instance, None
        self.fleet.mark_running(formation)
        return old

    def cancel_update(self, formation: ManagedFormation) -> Staging:
        """Stop the staging process of the formation's update (400 when none is in progress); the
        staging it was."""
        staging = formation.staging
        if staging is None:
            raise ServerError(400, "No update in progress for this formation")
        formation.staging = None
        self.fleet.ports.release(staging.instance.port)
        formation.logs.stdout.write(f"Staging version on port {staging.instance.port} stopped (update cancelled)")
        return staging

    async def start(self, progress: Progress, formation_id: str) -> Outcome:
        """Start a formation that is not running; 409 ``AlreadyRunning``."""
        formation = self.fleet.find(formation_id, stage="validating")
        if formation.status in ("running", "starting"):
            raise ServerError(409, "Formation is already running", "AlreadyRunning", "validating")
        await progress("validating", "Loading formation configuration...")
        await self.fleet.start_process(progress, formation)
        data = {"id": formation.id, "status": "running", "message": "Formation started", "port": formation.port}
        return Outcome(data, {"formation_id": formation.id, "port": formation.port, "status": "running"})

    async def restart(self, progress: Progress, formation_id: str) -> Outcome:
        """Stop the formation's process and start it again, counting the restart."""
        formation = self.fleet.find(formation_id, stage="stopping")
        await progress("stopping", "Stopping current process...")
        self.fleet.stop_process(formation)
        await self.fleet.start_process(progress, formation)
        formation.restart_count += 1
        count, port = formation.restart_count, formation.port
        message = "Formation restarted"
        data = {"id": formation.id, "status": "running", "message": message, "restart_count": count, "port": port}
        complete = {"formation_id": formation.id, "port": port, "status": "running", "restart_count": count}
        return Outcome(data, complete)

    async def rollback(self, progress: Progress, formation_id: str, base_url: str) -> Outcome:
        """The previous release, health-checked on a staging port, then serving on the formation's port."""
        await progress("validating", "Validating rollback request...")
        formation = self.fleet.find(formation_id)
        target = formation.previous
        if target is None:
            raise ServerError(400, "No previous version available for rollback", "NoPreviousVersion")
        candidate = await self._start_previous(progress, formation, target)
        # Once healthy, the previous version runs on the formation's own port, as a fresh process.
        formation.previous, formation.release = formation.release, target
        formation.instance = replace(candidate, port=formation.port, pid=next(self.fleet.pids))
        self.fleet.log_start(formation, formation.instance)
        self.fleet.mark_running(formation)
        return self._version_switched(formation, base_url, "Rolled back to previous version")

    async def _start_previous(self, progress: Progress, formation: ManagedFormation, target: Release) -> Instance:
        """The previous version, started on a staging port and health-checked while the current one serves."""
        staging_port = self.fleet.ports.allocate()
        if staging_port is None:
            raise ServerError(507, "No available ports for rollback", "PortAllocationError")
        try:
            await self.fleet.resolve_runtime(progress, target.definition, "InvalidRuntime")
            await progress("spawning_previous", f"Starting previous version on staging port {staging_port}...")
            candidate = self.fleet.spawn(formation.id, target, staging_port)
            failure = await self.fleet.wait_until_healthy(
                progress,
                candidate,
                "Waiting for previous version health check...",
                lambda: self.fleet.serves(formation),
            )
            if failure:
                message = f"Previous version failed health check: {failure}. Current version still running."
                raise ServerError(500, message, "HealthCheckFailed")
            await progress("stopping_current", "Stopping current version...")
            await progress("swapping", "Swapping versions...")
            return candidate
        finally:
            self.fleet.ports.release(staging_port)
