"""``server.ops.<operation_id>(...)``: every MUXI Server operation of the spec by its operationId,
with the generated builder's arguments and the client's wire rules (MUXI-HMAC per attempt, reads
retried, typed errors, envelope unwrapping), on ServerClient and AsyncServerClient alike, against
the dev server."""

from __future__ import annotations

import io
import zipfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import meshkit
import pytest
from meshkit._generated import models
from meshkit._generated.operations import OPERATIONS
from meshkit.devserver import DevServer
from meshkit.server import AsyncServerClient, DeploymentError, ServerClient, build_bundle

# Live tests: only the dev server on loopback, also when the suite runs with --block-network.
pytestmark = pytest.mark.block_network(allowed_hosts=[r"127\.0\.0\.1", "localhost"])

SERVER_OPS = sorted(op_id for op_id, entry in OPERATIONS.items() if "server" in entry["tags"])


@pytest.fixture
def formation_dir(tmp_path: Path) -> Path:
    root = tmp_path / "demo-bot"
    root.mkdir()
    (root / "formation.yaml").write_text("id: demo-bot\nversion: 1.0.0\nagents:\n  - id: helper\n")
    return root


@pytest.fixture
def sent() -> list[httpx.Request]:
    """Every request the client put on the wire (each attempt), in order."""
    return []


@pytest.fixture
def server(meshkit_fresh_dev_server: DevServer, sent: list[httpx.Request]) -> Iterator[ServerClient]:
    dev = meshkit_fresh_dev_server
    with (
        httpx.Client(event_hooks={"request": [sent.append]}) as http,
        ServerClient(dev.url, dev.config.key_id, dev.config.secret_key, http_client=http) as client,
    ):
        yield client


@pytest.fixture
async def async_server(
    meshkit_fresh_dev_server: DevServer, sent: list[httpx.Request]
) -> AsyncIterator[AsyncServerClient]:
    async def record(request: httpx.Request) -> None:
        sent.append(request)

    dev = meshkit_fresh_dev_server
    async with (
        httpx.AsyncClient(event_hooks={"request": [record]}) as http,
        AsyncServerClient(dev.url, dev.config.key_id, dev.config.secret_key, http_client=http) as client,
    ):
        yield client


def assert_signed(request: httpx.Request, method: str, path: str, *, accept: str = "application/json") -> None:
    assert (request.method, request.url.path) == (method, path)
    assert request.headers["Authorization"].startswith("MUXI-HMAC key=MUXI_dev, timestamp=")
    assert request.headers["Accept"] == accept


# --- what ops holds --------------------------------------------------------------------------------


def test_dir_lists_every_server_operation(server: ServerClient) -> None:
    assert [name for name in dir(server.ops) if not name.startswith("_")] == SERVER_OPS
    assert {"deploy_formation", "download_formation", "cancel_formation_update"} <= set(SERVER_OPS)
    assert "chat" not in SERVER_OPS and "send_message" not in SERVER_OPS  # formation / broker operations
    with pytest.raises(AttributeError, match="chat"):
        server.ops.chat  # type: ignore[attr-defined]  # noqa: B018
    operation = server.ops.get_formation
    assert operation.__name__ == "get_formation"
    # help() shows the spec's summary, description and route.
    assert (operation.__doc__ or "").startswith("Get a formation.")
    assert "``GET /rpc/formations/{formation_id}``" in (operation.__doc__ or "")


# --- sync -----------------------------------------------------------------------------------------


def test_a_plain_call_returns_the_typed_model(
    server: ServerClient, sent: list[httpx.Request], formation_dir: Path
) -> None:
    bundle = build_bundle(formation_dir)

    deployed = server.ops.deploy_formation(body=bundle.data, x_formation_id="demo-bot", x_formation_version="1.0.0")
    detail = server.ops.get_formation("demo-bot")
    status = server.ops.get_server_status()

    deploy, get, get_status = sent
    assert_signed(deploy, "POST", "/rpc/formations")
    assert deploy.headers["Content-Type"] == "application/gzip" and deploy.content == bundle.data
    assert (deploy.headers["X-Formation-ID"], deploy.headers["X-Formation-Version"]) == ("demo-bot", "1.0.0")
    assert_signed(get, "GET", "/rpc/formations/demo-bot")
    assert_signed(get_status, "GET", "/rpc/server/status")
    # The envelope's data, as the generated models the hand-written methods return.
    assert isinstance(deployed, models.DeployResult) and deployed.status == "running"
    assert isinstance(detail, models.FormationDetail) and (detail.id, detail.port) == ("demo-bot", deployed.port)
    assert isinstance(status, models.ServerStatus) and status.formations.running == 1


def test_a_wrong_argument_is_a_meshkit_error_and_nothing_is_sent(
    server: ServerClient, sent: list[httpx.Request]
) -> None:
    # A typed method: Python itself refuses the call (and mypy flags it), before anything is sent.
    with pytest.raises(TypeError, match=r"get_formation\(\) missing .*'formation_id'"):
        server.ops.get_formation()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"get_formation\(\) got an unexpected keyword argument 'limit'"):
        server.ops.get_formation("demo-bot", limit=5)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"list_formations\(\) got an unexpected keyword argument 'stream'"):
        server.ops.list_formations(stream=True)  # type: ignore[call-arg]  # it has no streaming form
    assert sent == []


def test_a_typed_error_from_the_server(server: ServerClient, formation_dir: Path) -> None:
    with pytest.raises(meshkit.NotFoundError) as missing:
        server.ops.get_formation("nobody")
    assert (missing.value.status_code, missing.value.code) == (404, "NOT_FOUND")
    server.deploy(formation_dir)
    with pytest.raises(meshkit.ValidationError):  # no previous version to go back to
        server.ops.rollback_formation("demo-bot")
    server.ops.stop_formation("demo-bot")
    with pytest.raises(meshkit.ConflictError) as stopped:
        server.ops.stop_formation("demo-bot")
    assert stopped.value.code == "CONFLICT"


def test_reads_are_retried_and_every_attempt_is_signed(
    server: ServerClient, sent: list[httpx.Request], meshkit_fresh_dev_server: DevServer
) -> None:
    meshkit_fresh_dev_server.fault(api="server", method="GET", path="/rpc/formations", status=503, retry_after="0")

    listed = server.ops.list_formations()

    assert isinstance(listed, models.FormationList) and listed.formations == []
    assert len(sent) == 2  # the 503, then the answer
    for attempt in sent:
        assert_signed(attempt, "GET", "/rpc/formations")


def test_stream_true_gives_the_progress_stream(
    server: ServerClient, sent: list[httpx.Request], formation_dir: Path
) -> None:
    server.deploy(formation_dir)
    server.stop_formation("demo-bot")

    with server.ops.start_formation("demo-bot", stream=True) as progress:
        assert isinstance(progress, meshkit.Stream)
        events = list(progress)

    assert_signed(sent[-1], "POST", "/rpc/formations/demo-bot/start", accept="text/event-stream")
    assert {event.event for event in events[:-1]} == {"progress"}
    complete = events[-1]
    assert complete.event == "complete" and isinstance(complete.data, models.DeployCompleteEvent)
    assert (complete.data.formation_id, complete.data.status) == ("demo-bot", "running")
    # An error frame is the same DeploymentError as on update_stream().
    same_bytes = build_bundle(formation_dir).data
    with pytest.raises(DeploymentError) as failed:
        list(server.ops.update_formation("demo-bot", body=same_bytes, stream=True))
    assert failed.value.code == "NoChange"


def test_logs_by_their_own_stream_parameter_and_followed(
    server: ServerClient, sent: list[httpx.Request], formation_dir: Path
) -> None:
    server.deploy(formation_dir)

    logs = server.ops.get_formation_logs("demo-bot", lines=5, stream="stdout")  # the builder's `stream`
    with server.ops.get_formation_logs("demo-bot", follow=True) as follow:
        first = next(iter(follow))

    recent, followed = sent[-2:]
    assert_signed(recent, "GET", "/rpc/formations/demo-bot/logs")
    assert dict(recent.url.params) == {"lines": "5", "stream": "stdout", "follow": "false"}
    assert isinstance(logs, models.FormationLogs) and logs.logs.stdout
    assert_signed(followed, "GET", "/rpc/formations/demo-bot/logs", accept="text/event-stream")
    assert followed.url.params["follow"] == "true"
    assert first.event == "connected" and isinstance(first.data, models.LogConnectedEvent)
    assert follow.response.is_closed


def test_download_through_ops_is_the_zip_bytes(server: ServerClient, formation_dir: Path) -> None:
    server.deploy(formation_dir)

    archive = server.ops.download_formation("demo-bot")

    assert isinstance(archive, bytes)
    assert zipfile.ZipFile(io.BytesIO(archive)).namelist() == ["formation.yaml"]


# --- async ----------------------------------------------------------------------------------------


@pytest.mark.anyio
async def test_async_a_plain_call_returns_the_typed_model(
    async_server: AsyncServerClient, sent: list[httpx.Request], formation_dir: Path
) -> None:
    await async_server.deploy(formation_dir)

    detail = await async_server.ops.get_formation("demo-bot")
    listed = await async_server.ops.list_formations()

    assert_signed(sent[-2], "GET", "/rpc/formations/demo-bot")
    assert_signed(sent[-1], "GET", "/rpc/formations")
    assert isinstance(detail, models.FormationDetail) and detail.status == "running"
    assert [summary.id for summary in listed.formations] == ["demo-bot"]


@pytest.mark.anyio
async def test_async_a_wrong_argument_is_a_meshkit_error(
    async_server: AsyncServerClient, sent: list[httpx.Request]
) -> None:
    with pytest.raises(TypeError, match=r"get_formation\(\) missing .*'formation_id'"):
        await async_server.ops.get_formation()  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"get_server_logs\(\) got an unexpected keyword argument 'limit'"):
        await async_server.ops.get_server_logs(limit=100)  # type: ignore[call-arg]
    assert sent == []


@pytest.mark.anyio
async def test_async_a_typed_error_from_the_server(async_server: AsyncServerClient) -> None:
    with pytest.raises(meshkit.NotFoundError) as missing:
        await async_server.ops.delete_formation("nobody")
    assert (missing.value.status_code, missing.value.code) == (404, "NOT_FOUND")


@pytest.mark.anyio
async def test_async_streams_are_async_streams(
    async_server: AsyncServerClient, sent: list[httpx.Request], formation_dir: Path
) -> None:
    await async_server.deploy(formation_dir)

    progress = async_server.ops.restart_formation("demo-bot", stream=True)
    assert isinstance(progress, meshkit.AsyncStream)  # iterated directly, no await first
    events = [event async for event in progress]
    async with async_server.ops.get_formation_logs("demo-bot", follow=True) as follow:
        first = await anext(follow)

    assert_signed(sent[-2], "POST", "/rpc/formations/demo-bot/restart", accept="text/event-stream")
    assert (events[-1].event, events[-1].data.status) == ("complete", "running")
    assert first.event == "connected"
    assert follow.response is not None and follow.response.is_closed
