"""Each ServerClient method on the wire: the user's call, then the exact request it sent (from the
cassette) and the typed result it gave back.

The cassettes in ``tests/cassettes/server/`` were recorded against a fresh dev server and are
replayed offline: record mode ``none`` and no network (``block_network``), with requests matched
on method + path + query + body and on the headers that carry the wire rules (Authorization
present, Accept, Content-Type, X-Formation-ID, X-Formation-Version); never on host or port.
Replays use the fake URL ``http://server.test``; while recording, the dev server's ephemeral URL
is rewritten to it. The MUXI-HMAC ``Authorization`` changes every second: its form is checked
before it is recorded as ``MUXI-HMAC <scrubbed>`` (see ``conftest.py``). Bundles are built from a
directory made by each test, and packed deterministically, so deploy bodies match byte for byte.

Re-record (after a deliberate change of what goes on the wire), then review the diff::

    MESHKIT_RECORD=1 .venv/bin/python -m pytest tests/server/test_server_wire.py
    git diff tests/cassettes/server/

``MESHKIT_RECORD=1`` starts a fresh dev server per test and rewrites every cassette of the module
(``--record-mode=once`` records only the missing ones). Without it nothing is ever recorded: a
request the cassette does not hold fails the test, and so does a recorded one the test no longer
makes. Tests that need a formation deploy it first: that request is in their cassette too.
"""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from meshkit.devserver import DevServerConfig
from meshkit.server import AsyncServerClient, ServerClient, build_bundle

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]

DEV_KEYS = DevServerConfig()  # the dev server's fixed, fake key id and secret key
AUTHORIZATION = "MUXI-HMAC <scrubbed>"  # how every signed request is recorded (form checked first)
NO_BODY = object()


@pytest.fixture
def server(server_url: str) -> Iterator[ServerClient]:
    """Replaying: a client of the fake URL. Recording: a client of a fresh dev server."""
    with ServerClient(server_url, DEV_KEYS.key_id, DEV_KEYS.secret_key) as server:
        yield server


@pytest.fixture
def formation_dir(tmp_path: Path) -> Path:
    """A small formation directory: ``demo-bot`` version 1.0.0, one agent, one knowledge file."""
    root = tmp_path / "demo-bot"
    (root / "knowledge").mkdir(parents=True)
    (root / "formation.yaml").write_text("id: demo-bot\nversion: 1.0.0\nagents:\n  - id: helper\n")
    (root / "knowledge" / "faq.md").write_text("# FAQ\n")
    return root


def assert_request(
    request: Any,
    method: str,
    path: str,
    *,
    query: dict[str, str] | None = None,
    accept: str = "application/json",
    body: Any = NO_BODY,
) -> None:
    """One recorded request, checked against the contract's wire rules."""
    headers = request.headers
    assert request.uri.startswith("http://server.test/")
    assert (request.method, request.path) == (method, path)
    assert dict(request.query) == (query or {})
    assert headers["Authorization"] == AUTHORIZATION  # every request is signed, even /ping and /health
    assert headers["Accept"] == accept
    assert uuid.UUID(headers["X-Muxi-Idempotency-Key"]).version == 4
    assert headers["X-Muxi-SDK"].startswith("python/")
    if body is NO_BODY:
        assert not request.body
        assert "Content-Type" not in headers
        assert "X-Formation-ID" not in headers
    else:
        assert headers["Content-Type"] == "application/gzip"
        assert request.body == body


def assert_bundle_request(request: Any, method: str, path: str, directory: Path, **options: Any) -> None:
    """A deploy or an update: the directory's bundle, gzip bytes, named by its headers."""
    bundle = build_bundle(directory)
    assert_request(request, method, path, body=bundle.data, **options)
    assert request.headers["X-Formation-Version"] == bundle.version


# --- health and status -----------------------------------------------------------------------------


def test_ping(server: ServerClient, vcr: Any) -> None:
    assert server.ping() is True

    (request,) = vcr.requests
    assert_request(request, "GET", "/ping", accept="text/plain")  # answered in text/plain: "pong"


def test_health(server: ServerClient, vcr: Any) -> None:
    health = server.health()

    (request,) = vcr.requests
    assert_request(request, "GET", "/health")
    assert (health.success, health.status) == (True, "ok")
    assert health.version.endswith("-dev")


def test_status(server: ServerClient, vcr: Any) -> None:
    status = server.status()

    (request,) = vcr.requests
    assert_request(request, "GET", "/rpc/server/status")
    assert status.server.id.startswith("muxi-dev-") and status.server.version.endswith("-dev")
    assert (status.formations.total, status.formations.running) == (0, 0)
    assert status.port_pool.available == status.port_pool.total > 0


# --- formations ------------------------------------------------------------------------------------


def test_deploy(server: ServerClient, vcr: Any, formation_dir: Path) -> None:
    deployed = server.deploy(formation_dir)

    (request,) = vcr.requests
    assert_bundle_request(request, "POST", "/rpc/formations", formation_dir)
    assert request.headers["X-Formation-ID"] == "demo-bot"  # from the formation file's `id`
    assert (deployed.formation_id, deployed.status) == ("demo-bot", "running")
    assert deployed.port > 0 and deployed.pid > 0
    assert deployed.url.endswith("/api/demo-bot")
    assert deployed.health_url == deployed.url + "/v1/health"


def test_deploy_stream(server: ServerClient, vcr: Any, formation_dir: Path) -> None:
    with server.deploy_stream(formation_dir) as progress:
        events = list(progress)

    (request,) = vcr.requests
    assert_bundle_request(request, "POST", "/rpc/formations", formation_dir, accept="text/event-stream")
    assert request.headers["X-Formation-ID"] == "demo-bot"
    *steps, complete = events
    assert {event.event for event in steps} == {"progress"}
    stages = [event.data.stage for event in steps]
    assert stages[0] == "extracting" and stages[-1] == "health_check"
    assert complete.event == "complete"
    assert (complete.data.formation_id, complete.data.status) == ("demo-bot", "running")
    assert complete.data.url.endswith("/api/demo-bot")


def test_list_formations(server: ServerClient, vcr: Any, formation_dir: Path) -> None:
    server.deploy(formation_dir)
    formations = server.list_formations()

    _, request = vcr.requests
    assert_request(request, "GET", "/rpc/formations")
    assert [(f.id, f.status, f.healthy, f.restart_count) for f in formations] == [("demo-bot", "running", True, 0)]
    assert formations[0].version.current and formations[0].version.previous is None


def test_get_formation(server: ServerClient, vcr: Any, formation_dir: Path) -> None:
    deployed = server.deploy(formation_dir)
    detail = server.get_formation("demo-bot")

    _, request = vcr.requests
    assert_request(request, "GET", "/rpc/formations/demo-bot")
    assert (detail.id, detail.name, detail.status, detail.healthy) == ("demo-bot", "demo-bot", "running", True)
    assert (detail.port, detail.pid) == (deployed.port, deployed.pid)
    assert detail.deployed_at.tzinfo is not None  # RFC 3339 timestamps come back as aware datetimes


def test_update(server: ServerClient, vcr: Any, formation_dir: Path) -> None:
    server.deploy(formation_dir)
    (formation_dir / "knowledge" / "faq.md").write_text("# FAQ v2\n")
    updated = server.update("demo-bot", formation_dir)

    _, request = vcr.requests
    # The formation is named by the path; the version still goes as a header.
    assert_bundle_request(request, "PUT", "/rpc/formations/demo-bot", formation_dir)
    assert "X-Formation-ID" not in request.headers
    assert (updated.id, updated.status, updated.deployment_type) == ("demo-bot", "running", "blue-green")
    assert (updated.version, updated.previous_version) == (2, 1)


# --- lifecycle: POSTs without a body ---------------------------------------------------------------


def test_stop_formation(server: ServerClient, vcr: Any, formation_dir: Path) -> None:
    server.deploy(formation_dir)
    stopped = server.stop_formation("demo-bot")

    _, request = vcr.requests
    assert_request(request, "POST", "/rpc/formations/demo-bot/stop")
    assert (stopped.id, stopped.status) == ("demo-bot", "stopped")


def test_start_formation(server: ServerClient, vcr: Any, formation_dir: Path) -> None:
    server.deploy(formation_dir)
    server.stop_formation("demo-bot")
    started = server.start_formation("demo-bot")

    *_, request = vcr.requests
    assert_request(request, "POST", "/rpc/formations/demo-bot/start")
    assert (started.id, started.status) == ("demo-bot", "running")
    assert started.port > 0


def test_restart_formation(server: ServerClient, vcr: Any, formation_dir: Path) -> None:
    server.deploy(formation_dir)
    restarted = server.restart_formation("demo-bot")

    _, request = vcr.requests
    assert_request(request, "POST", "/rpc/formations/demo-bot/restart")
    assert (restarted.id, restarted.status, restarted.restart_count) == ("demo-bot", "running", 1)


def test_rollback_formation(server: ServerClient, vcr: Any, formation_dir: Path) -> None:
    server.deploy(formation_dir)
    (formation_dir / "knowledge" / "faq.md").write_text("# FAQ v2\n")
    server.update("demo-bot", formation_dir)
    rolled = server.rollback_formation("demo-bot")

    *_, request = vcr.requests
    assert_request(request, "POST", "/rpc/formations/demo-bot/rollback")
    assert (rolled.id, rolled.status) == ("demo-bot", "running")
    assert (rolled.version, rolled.previous_version) == (1, 2)


def test_delete_formation(server: ServerClient, vcr: Any, formation_dir: Path) -> None:
    server.deploy(formation_dir)
    deleted = server.delete_formation("demo-bot")

    _, request = vcr.requests
    assert_request(request, "DELETE", "/rpc/formations/demo-bot")
    assert deleted.id == "demo-bot" and "deleted" in deleted.message


# --- logs and download -----------------------------------------------------------------------------


def test_get_server_logs(server: ServerClient, vcr: Any, formation_dir: Path) -> None:
    server.deploy(formation_dir)
    text = server.get_server_logs(10)

    _, request = vcr.requests
    assert_request(request, "GET", "/rpc/server/logs", query={"lines": "10"}, accept="text/plain")
    assert isinstance(text, str)
    assert text.splitlines()[-1].endswith(" POST /rpc/formations 201")


def test_get_formation_logs(server: ServerClient, vcr: Any, formation_dir: Path) -> None:
    server.deploy(formation_dir)
    logs = server.get_formation_logs("demo-bot", lines=5, stream="stdout")

    _, request = vcr.requests
    assert_request(
        request, "GET", "/rpc/formations/demo-bot/logs", query={"lines": "5", "stream": "stdout", "follow": "false"}
    )
    assert logs.formation_id == "demo-bot"
    assert 0 < len(logs.logs.stdout) <= 5
    assert any("Starting formation demo-bot version 1.0.0" in line for line in logs.logs.stdout)
    assert logs.total_lines.stdout >= len(logs.logs.stdout)


def test_download(server: ServerClient, vcr: Any, formation_dir: Path, tmp_path: Path) -> None:
    server.deploy(formation_dir)
    archive = server.download("demo-bot", tmp_path / "demo-bot.zip")

    _, request = vcr.requests
    assert_request(request, "GET", "/rpc/formations/demo-bot/download", query={"db": "false"}, accept="application/zip")
    assert archive == tmp_path / "demo-bot.zip"
    with zipfile.ZipFile(archive) as files:
        assert sorted(files.namelist()) == ["formation.yaml", "knowledge/faq.md"]
        assert files.read("knowledge/faq.md") == b"# FAQ\n"


# --- the async client: the same wire ---------------------------------------------------------------
#
# Each AsyncServerClient twin replays the cassette of the ServerClient test above it: a request is
# only answered when its method, path, query, body and wire headers match one the sync client sent,
# and every recorded request must be matched (the plans are shared; only the send differs). The
# twins never record: re-recording writes the cassettes from the sync tests.


def replays(sync_test: Callable[..., Any]) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark an async twin: it runs on anyio and replays ``sync_test``'s cassette."""

    def mark(test: Callable[..., Any]) -> Callable[..., Any]:
        marked = pytest.mark.default_cassette(sync_test.__name__)(pytest.mark.vcr(record_mode="none")(test))
        return pytest.mark.anyio(marked)

    return mark


def assert_same_wire(vcr: Any) -> None:
    """Every request of the sync test's cassette was matched by one the async client sent."""
    assert vcr.play_count == len(vcr.requests) > 0


@pytest.fixture
async def async_server(server_url: str) -> AsyncIterator[AsyncServerClient]:
    async with AsyncServerClient(server_url, DEV_KEYS.key_id, DEV_KEYS.secret_key) as server:
        yield server


@replays(test_rollback_formation)
async def test_async_rollback_formation(async_server: AsyncServerClient, vcr: Any, formation_dir: Path) -> None:
    await async_server.deploy(formation_dir)
    (formation_dir / "knowledge" / "faq.md").write_text("# FAQ v2\n")
    await async_server.update("demo-bot", formation_dir)
    rolled = await async_server.rollback_formation("demo-bot")

    assert_same_wire(vcr)
    assert (rolled.id, rolled.status) == ("demo-bot", "running")
    assert (rolled.version, rolled.previous_version) == (1, 2)


@replays(test_get_server_logs)
async def test_async_get_server_logs(async_server: AsyncServerClient, vcr: Any, formation_dir: Path) -> None:
    await async_server.deploy(formation_dir)
    text = await async_server.get_server_logs(10)

    assert_same_wire(vcr)
    assert isinstance(text, str)
    assert text.splitlines()[-1].endswith(" POST /rpc/formations 201")


@replays(test_get_formation_logs)
async def test_async_get_formation_logs(async_server: AsyncServerClient, vcr: Any, formation_dir: Path) -> None:
    await async_server.deploy(formation_dir)
    logs = await async_server.get_formation_logs("demo-bot", lines=5, stream="stdout")

    assert_same_wire(vcr)
    assert logs.formation_id == "demo-bot"
    assert 0 < len(logs.logs.stdout) <= 5
    assert any("Starting formation demo-bot version 1.0.0" in line for line in logs.logs.stdout)


@replays(test_download)
async def test_async_download(async_server: AsyncServerClient, vcr: Any, formation_dir: Path, tmp_path: Path) -> None:
    await async_server.deploy(formation_dir)
    archive = await async_server.download("demo-bot", tmp_path / "demo-bot.zip")

    assert_same_wire(vcr)
    assert archive == tmp_path / "demo-bot.zip"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["demo-bot", "demo-bot.zip"]  # no .part left
    with zipfile.ZipFile(archive) as files:
        assert sorted(files.namelist()) == ["formation.yaml", "knowledge/faq.md"]
        assert files.read("knowledge/faq.md") == b"# FAQ\n"
