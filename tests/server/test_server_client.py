"""ServerClient against the dev server: deploy a real directory with its progress, deploy-then-chat,
lifecycle, logs, download, and the errors a caller can act on."""

from __future__ import annotations

import io
import socket
import tarfile
import zipfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import meshkit
import pytest
from meshkit.devserver import DevServer
from meshkit.server import AsyncServerClient, DeploymentError, ServerClient, build_bundle

# Live tests: only the dev server on loopback, also when the suite runs with --block-network.
pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1", "localhost"])


@pytest.fixture
def formation_dir(tmp_path: Path) -> Path:
    root = tmp_path / "demo-bot"
    (root / "knowledge").mkdir(parents=True)
    (root / "formation.yaml").write_text("id: demo-bot\nversion: 1.0.0\nagents:\n  - id: helper\n")
    (root / "knowledge" / "faq.md").write_text("# FAQ\n")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: main\n")
    return root


@pytest.fixture
def server(meshkit_fresh_dev_server: DevServer) -> Iterator[ServerClient]:
    dev = meshkit_fresh_dev_server
    with ServerClient(dev.url, dev.config.key_id, dev.config.secret_key) as client:
        yield client


def test_a_directory_bundle_is_deterministic_and_stays_inside(formation_dir: Path) -> None:
    first, second = build_bundle(formation_dir), build_bundle(formation_dir)
    assert first.data == second.data
    assert (first.formation_id, first.version) == ("demo-bot", "1.0.0")
    with tarfile.open(fileobj=io.BytesIO(first.data)) as archive:
        names = archive.getnames()
    assert names == ["formation.yaml", "knowledge/faq.md"]
    assert first.size == len(first.data) > 0


def test_a_directory_without_a_formation_file_is_refused_locally(tmp_path: Path) -> None:
    with pytest.raises(meshkit.ConfigurationError, match=r"formation\.afs"):
        build_bundle(tmp_path)


def test_deploy_with_progress_then_chat_through_the_server(
    server: ServerClient, formation_dir: Path, meshkit_fresh_dev_server: DevServer
) -> None:
    with server.deploy_stream(formation_dir) as progress:
        events = list(progress)
    stages = [event.data.stage for event in events if event.event == "progress"]
    assert stages[0] == "extracting" and "health_check" in stages
    complete = events[-1]
    assert complete.event == "complete"
    assert (complete.data.formation_id, complete.data.status) == ("demo-bot", "running")
    bot = server.formation("demo-bot", client_key=meshkit_fresh_dev_server.config.client_key)
    assert bot.base_url == f"{server.url}/api/demo-bot/v1"
    assert bot.chat("Hello!").text == "You said: Hello!"
    assert [f.id for f in server.list_formations()] == ["demo-bot"]


def test_blocking_deploy_and_the_lifecycle(server: ServerClient, formation_dir: Path) -> None:
    deployed = server.deploy(formation_dir)
    assert deployed.formation_id == "demo-bot" and deployed.status == "running"
    with pytest.raises(meshkit.ConflictError) as duplicate:
        server.deploy(formation_dir)
    assert duplicate.value.code == "CONFLICT" and "already exists" in duplicate.value.message
    assert server.stop_formation("demo-bot").status == "stopped"
    with pytest.raises(meshkit.ConflictError):
        server.stop_formation("demo-bot")
    assert server.start_formation("demo-bot").status == "running"
    assert server.restart_formation("demo-bot").id == "demo-bot"
    assert server.get_formation("demo-bot").status == "running"
    assert server.delete_formation("demo-bot").id == "demo-bot"
    with pytest.raises(meshkit.NotFoundError):
        server.get_formation("demo-bot")


def test_an_update_with_identical_bytes_fails_as_a_typed_progress_error(
    server: ServerClient, formation_dir: Path
) -> None:
    server.deploy(formation_dir)
    with pytest.raises(DeploymentError) as failed, server.update_stream("demo-bot", formation_dir) as progress:
        list(progress)
    assert failed.value.code == "NoChange" and failed.value.stage
    (formation_dir / "knowledge" / "faq.md").write_text("# FAQ v2\n")
    updated = server.update("demo-bot", formation_dir)
    assert updated.status == "running"


def test_logs_follow_and_download(
    server: ServerClient, formation_dir: Path, tmp_path: Path, meshkit_fresh_dev_server: DevServer
) -> None:
    server.deploy(formation_dir)
    logs = server.get_formation_logs("demo-bot", lines=5)
    assert logs.formation_id == "demo-bot" and logs.logs.stdout
    assert "POST /rpc/formations" in server.get_server_logs(10)
    with server.follow_logs("demo-bot") as follow:
        events = iter(follow)
        assert next(events).event == "connected"
        server.formation("demo-bot", client_key=meshkit_fresh_dev_server.config.client_key).chat("ping")
        line = next(events)
        assert line.event == "log" and "/v1/chat" in line.data.line
    archive = server.download("demo-bot", tmp_path / "demo.zip")
    assert "formation.yaml" in zipfile.ZipFile(archive).namelist()


def test_errors_a_caller_can_act_on(meshkit_dev_server: DevServer) -> None:
    dev = meshkit_dev_server
    with (
        ServerClient(dev.url, dev.config.key_id, "sk_wrong") as wrong,
        pytest.raises(meshkit.AuthenticationError) as refused,
    ):
        wrong.list_formations()
    assert refused.value.message == "Invalid signature"
    with pytest.raises(meshkit.ConfigurationError):
        ServerClient(dev.url, "", "")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    with (
        ServerClient(f"http://127.0.0.1:{closed_port}", "k", "s", max_retries=0) as nowhere,
        pytest.raises(meshkit.ConnectionError),
    ):
        nowhere.ping()


def test_every_attempt_is_signed_and_reads_are_retried(meshkit_fresh_dev_server: DevServer) -> None:
    dev = meshkit_fresh_dev_server
    dev.fault(api="server", method="GET", path="/rpc/formations", status=503, retry_after="0")
    seen: list[str] = []
    hooks = {"request": [lambda request: seen.append(request.headers["Authorization"])]}
    with (
        httpx.Client(event_hooks=hooks) as http,
        ServerClient(dev.url, dev.config.key_id, dev.config.secret_key, http_client=http) as server,
    ):
        assert server.list_formations() == []
    assert len(seen) == 2 and all(value.startswith("MUXI-HMAC key=MUXI_dev, timestamp=") for value in seen)


def test_mutations_are_not_re_sent_after_a_server_error(
    meshkit_fresh_dev_server: DevServer, formation_dir: Path
) -> None:
    dev = meshkit_fresh_dev_server
    dev.fault(api="server", method="POST", path="/rpc/formations", status=503, count=2)
    with ServerClient(dev.url, dev.config.key_id, dev.config.secret_key) as server, pytest.raises(meshkit.ServerError):
        server.deploy(formation_dir)
    assert [f.count for f in dev.book.faults] == [1]  # exactly one attempt reached the server


@pytest.mark.anyio
async def test_async_deploy_with_progress_and_list(meshkit_fresh_dev_server: DevServer, formation_dir: Path) -> None:
    dev = meshkit_fresh_dev_server
    async with AsyncServerClient(dev.url, dev.config.key_id, dev.config.secret_key) as server:
        events = [event async for event in server.deploy_stream(formation_dir)]
        assert events[-1].event == "complete"
        assert [f.id for f in await server.list_formations()] == ["demo-bot"]
        bot = server.formation("demo-bot", client_key=dev.config.client_key)
        assert (await bot.chat("Hi")).text == "You said: Hi"
        await bot.aclose()


# --- the async client: the same calls, awaited ----------------------------------------------------


@pytest.fixture
async def async_server(meshkit_fresh_dev_server: DevServer) -> AsyncIterator[AsyncServerClient]:
    dev = meshkit_fresh_dev_server
    async with AsyncServerClient(dev.url, dev.config.key_id, dev.config.secret_key) as client:
        yield client


@pytest.mark.anyio
async def test_async_an_update_with_identical_bytes_fails_as_a_typed_progress_error(
    async_server: AsyncServerClient, formation_dir: Path
) -> None:
    await async_server.deploy(formation_dir)
    progress = async_server.update_stream("demo-bot", formation_dir)
    assert isinstance(progress, meshkit.AsyncStream)  # iterated directly, no await first
    with pytest.raises(DeploymentError) as failed:
        async with progress:
            [event async for event in progress]
    assert failed.value.code == "NoChange" and failed.value.stage
    (formation_dir / "knowledge" / "faq.md").write_text("# FAQ v2\n")
    async with async_server.update_stream("demo-bot", formation_dir) as progress:
        events = [event async for event in progress]
    assert {event.event for event in events[:-1]} == {"progress"}
    assert (events[-1].event, events[-1].data.status) == ("complete", "running")


@pytest.mark.anyio
async def test_async_logs_follow_and_download(
    async_server: AsyncServerClient, formation_dir: Path, tmp_path: Path, meshkit_fresh_dev_server: DevServer
) -> None:
    await async_server.deploy(formation_dir)
    logs = await async_server.get_formation_logs("demo-bot", lines=5)
    assert logs.formation_id == "demo-bot" and logs.logs.stdout
    assert "POST /rpc/formations" in await async_server.get_server_logs(10)
    async with async_server.follow_logs("demo-bot") as follow:
        assert (await anext(follow)).event == "connected"
        bot = async_server.formation("demo-bot", client_key=meshkit_fresh_dev_server.config.client_key)
        async with bot:
            await bot.chat("ping")
        line = await anext(follow)
        assert line.event == "log" and "/v1/chat" in line.data.line
    assert follow.response is not None and follow.response.is_closed
    archive = await async_server.download("demo-bot", tmp_path / "demo.zip")
    assert "formation.yaml" in zipfile.ZipFile(archive).namelist()


@pytest.mark.anyio
async def test_async_rollback_and_cancel_update(async_server: AsyncServerClient, formation_dir: Path) -> None:
    await async_server.deploy(formation_dir)
    with pytest.raises(meshkit.ValidationError):  # no previous version yet
        await async_server.rollback_formation("demo-bot")
    (formation_dir / "knowledge" / "faq.md").write_text("# FAQ v2\n")
    await async_server.update("demo-bot", formation_dir)
    rolled = await async_server.rollback_formation("demo-bot")
    assert rolled.id == "demo-bot" and rolled.status == "running"
    with pytest.raises(meshkit.ValidationError):  # no update in progress
        await async_server.cancel_update("demo-bot")


def test_a_failed_download_leaves_no_file(server: ServerClient, tmp_path: Path) -> None:
    with pytest.raises(meshkit.NotFoundError):
        server.download("nobody", tmp_path / "nobody.zip")
    assert list(tmp_path.iterdir()) == []  # neither the zip nor its .part


@pytest.mark.anyio
async def test_async_a_failed_download_leaves_no_file(async_server: AsyncServerClient, tmp_path: Path) -> None:
    with pytest.raises(meshkit.NotFoundError):
        await async_server.download("nobody", tmp_path / "nobody.zip")
    assert list(tmp_path.iterdir()) == []


def test_ping_health_and_status(server: ServerClient) -> None:
    assert server.ping() is True
    health = server.health()
    assert health.success is True and health.status == "ok" and health.version
    status = server.status()
    assert status.formations.total == 0 and status.server.version


def test_rollback_and_cancel_update(server: ServerClient, formation_dir: Path) -> None:
    server.deploy(formation_dir)
    with pytest.raises(meshkit.ValidationError):  # no previous version yet
        server.rollback_formation("demo-bot")
    (formation_dir / "knowledge" / "faq.md").write_text("# FAQ v2\n")
    server.update("demo-bot", formation_dir)
    rolled = server.rollback_formation("demo-bot")
    assert rolled.id == "demo-bot" and rolled.status == "running"
    with pytest.raises(meshkit.ValidationError):  # no update in progress
        server.cancel_update("demo-bot")


def test_bundle_bytes_are_the_same_on_every_python(formation_dir: Path) -> None:
    """The server's NoChange compares bundle bytes, so they must not depend on the Python version
    (gzip.compress's header changed in 3.13; the bundle uses a fixed GzipFile header)."""
    import hashlib

    digest = hashlib.sha256(build_bundle(formation_dir).data).hexdigest()
    assert digest == PINNED_BUNDLE_SHA256


PINNED_BUNDLE_SHA256 = "bdf2e05dc559c636696f0e16a17ff451aa6fb1d946fe423907d19e8b65778823"
