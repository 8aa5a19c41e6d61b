"""The dev server's MUXI Server, call by call as contract/server.md describes it: a MUXI-HMAC signed
request on the wire and the exact answer that comes back (JSON, text, zip or progress stream).

Bundles are built in memory (tar + gzip of a dict of files). Health checks of the simulated
formations honour faults armed on the formation's ``/v1/health``: that is how a test keeps an
update in its health check (to cancel it or collide with it) or makes it fail.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import gzip
import hashlib
import hmac
import io
import json
import sys
import tarfile
import time
import zipfile
from collections.abc import Generator, Iterator
from datetime import datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
import yaml
from meshkit.devserver import DevServer, DevServerConfig, FaultBook
from meshkit.devserver._server import MuxiServer
from meshkit.devserver._server_proxy import forwarded_scope
from meshkit.devserver._server_wire import SERVER_VERSION
from starlette.applications import Starlette

ROOT = Path(__file__).resolve().parents[2]
GZIP = {"Content-Type": "application/gzip"}
SSE = {"Accept": "text/event-stream"}
Frame = tuple[str, dict[str, Any]]

# --- signing (the client side of §1, kept here: meshkit's own auth class is a later issue) ----------


def sign(secret: str, timestamp: int | str, method: str, path: str) -> str:
    """Base64 of HMAC-SHA256(secret, "{timestamp};{METHOD};{path}")."""
    message = f"{timestamp};{method.upper()};{path}".encode()
    return base64.b64encode(hmac.new(secret.encode(), message, hashlib.sha256).digest()).decode()


def authorization(key_id: str, secret: str, method: str, path: str, timestamp: int | None = None) -> str:
    """The Authorization header value for one request."""
    stamp = int(time.time()) if timestamp is None else timestamp
    return f"MUXI-HMAC key={key_id}, timestamp={stamp}, signature={sign(secret, stamp, method, path)}"


class MuxiHmac(httpx.Auth):
    """Signs every attempt afresh over its method and path (the query is not signed)."""

    def __init__(self, key_id: str, secret: str) -> None:
        self.key_id = key_id
        self.secret = secret

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = authorization(self.key_id, self.secret, request.method, request.url.path)
        yield request


# --- bundles -------------------------------------------------------------------------------------


def formation_file(formation_id: str = "my-bot", version: str | None = "1.0.0", **fields: Any) -> str:
    """A formation.yaml; ``version=None`` leaves the version out."""
    document: dict[str, Any] = {"schema": "1.0.0", "id": formation_id, "name": "My Bot", **fields}
    if version is not None:
        document["version"] = version
    return yaml.safe_dump(document, sort_keys=False)


def bundle(files: dict[str, str | bytes]) -> bytes:
    """A gzip-compressed tar of ``files`` (path → content)."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as archive:
        for path, content in files.items():
            data = content.encode() if isinstance(content, str) else content
            info = tarfile.TarInfo(path)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), mtime=0)


def bot_bundle(formation_id: str = "my-bot", version: str | None = "1.0.0", **fields: Any) -> bytes:
    return bundle({"formation.yaml": formation_file(formation_id, version, **fields)})


# --- answers ---------------------------------------------------------------------------------------


@functools.cache
def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load((ROOT / "openapi" / "mesh.yaml").read_text())
    return spec


def matches(schema: str, value: Any) -> None:
    """``value`` is valid against ``#/components/schemas/<schema>`` of openapi/mesh.yaml."""
    jsonschema.Draft202012Validator({**_spec(), "$ref": f"#/components/schemas/{schema}"}).validate(value)


def ok(response: httpx.Response, schema: str, status: int = 200) -> dict[str, Any]:
    """The success envelope at ``status``, valid against its documented schema: its data."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["success"] is True
    matches(schema, body)
    data: dict[str, Any] = body["data"]
    return data


def refused(response: httpx.Response, status: int, message: str | None = None) -> str:
    """The server error body (§2) with this status (and message): the message."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    matches("ServerError", body)
    assert body["error"] == HTTPStatus(status).phrase and body["code"] == status
    if message is not None:
        assert body["message"] == message
    text: str = body["message"]
    return text


def events(response: httpx.Response) -> Iterator[Frame]:
    """``(event, data)`` per SSE frame, as they arrive."""
    event, data = "message", []
    for line in response.iter_lines():
        if line.startswith("event: "):
            event = line.removeprefix("event: ")
        elif line.startswith("data: "):
            data.append(line.removeprefix("data: "))
        elif not line and data:
            yield event, json.loads("\n".join(data))
            event, data = "message", []


def assert_sse_headers(response: httpx.Response) -> None:
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    assert response.headers["cache-control"] == "no-cache"
    assert response.headers["x-accel-buffering"] == "no"


def stages(frames: list[Frame]) -> list[str]:
    """The progress stages in order, a repeated stage (health check attempts) counted once."""
    seen: list[str] = []
    for event, data in frames:
        if event == "progress" and (not seen or seen[-1] != data["stage"]):
            seen.append(data["stage"])
    return seen


def valid_stream(frames: list[Frame]) -> list[Frame]:
    """Progress frames then exactly one complete or error frame, each valid against the spec."""
    *progress, (last, data) = frames
    for event, item in progress:
        assert event == "progress"
        matches("DeployProgressEvent", item)
    assert last in ("complete", "error")
    matches("DeployCompleteEvent" if last == "complete" else "DeployErrorEvent", data)
    return frames


# --- fixtures and calls ----------------------------------------------------------------------------


def signed_client(dev: DevServer) -> httpx.Client:
    """A client that signs every request with the dev server's key id and secret."""
    return httpx.Client(base_url=dev.url, auth=MuxiHmac(dev.config.key_id, dev.config.secret_key), timeout=10)


@pytest.fixture
def dev(meshkit_fresh_dev_server: DevServer) -> DevServer:
    """A dev server of the test's own: no formations, ports from 8001."""
    return meshkit_fresh_dev_server


@pytest.fixture
def rpc(dev: DevServer) -> Iterator[httpx.Client]:
    with signed_client(dev) as client:
        yield client


@pytest.fixture
def shared(meshkit_dev_server: DevServer) -> DevServer:
    """The session's dev server, for calls that change nothing (refusals, public routes)."""
    return meshkit_dev_server


@pytest.fixture
def shared_rpc(shared: DevServer) -> Iterator[httpx.Client]:
    with signed_client(shared) as client:
        yield client


@pytest.fixture
def plain(shared: DevServer) -> Iterator[httpx.Client]:
    """A client that signs nothing."""
    with httpx.Client(base_url=shared.url, timeout=10) as client:
        yield client


def deploy(
    rpc: httpx.Client, formation_id: str = "my-bot", body: bytes | None = None, headers: dict[str, str] | None = None
) -> httpx.Response:
    """A deploy of ``body`` (by default a valid bundle of ``formation_id``) with the usual headers."""
    sent = {**GZIP, "X-Formation-ID": formation_id, "X-Formation-Version": "1.0.0", **(headers or {})}
    return rpc.post("/rpc/formations", content=bot_bundle(formation_id) if body is None else body, headers=sent)


def progress_stream(rpc: httpx.Client, method: str, path: str, **options: Any) -> list[Frame]:
    """The whole progress stream of one call made with ``Accept: text/event-stream``."""
    headers = {**SSE, **options.pop("headers", {})}
    with rpc.stream(method, path, headers=headers, **options) as response:
        assert_sse_headers(response)
        return list(events(response))


def chat(dev: DevServer, message: str, prefix: str = "/api/my-bot", **headers: str) -> httpx.Response:
    """A blocking chat through the server's proxy with the formation's client key."""
    sent = {"X-MUXI-CLIENT-KEY": dev.config.client_key, **headers}
    return httpx.post(f"{dev.url}{prefix}/v1/chat", json={"message": message, "stream": False}, headers=sent)


def formation(rpc: httpx.Client, formation_id: str = "my-bot") -> dict[str, Any]:
    return ok(rpc.get(f"/rpc/formations/{formation_id}"), "ServerFormationDetailEnvelope")


# --- §1 MUXI-HMAC ----------------------------------------------------------------------------------

VECTORS = [
    ("GET", "/rpc/formations", "", "Q7h/6/+TDi9KWre6Peoc2zkdh8qSiRGDTNB2+obpUUQ="),
    ("POST", "/rpc/formations/my-bot/restart", "", "BCgfjt1McUbO93Oer2QXR12j+ear06rkeHPHvjlOGac="),
    ("GET", "/rpc/formations/f1/logs", "?lines=5", "15XGg3M7CgqAcuA8PBHZ+CCdCo/Hw0JqWF7uFoMuAdQ="),
    ("PUT", "/rpc/formations/my-bot", "", "tKDPLhSI5QlOkVJuQj+oaPx7L71o84BWDfoHv/3peuo="),
]
VECTOR_TIME = 1_700_000_000
FORMAT = "Invalid authorization header format"
EXPIRED = "Request expired (timestamp too old or in future)"


@pytest.mark.parametrize(("method", "path", "query", "signature"), VECTORS)
def test_the_contract_vectors_sign_as_listed(method: str, path: str, query: str, signature: str) -> None:
    assert sign("sk_test_secret", VECTOR_TIME, method, path) == signature


def test_the_first_vector_makes_the_documented_header() -> None:
    assert authorization("MUXI_test", "sk_test_secret", "GET", "/rpc/formations", VECTOR_TIME) == (
        "MUXI-HMAC key=MUXI_test, timestamp=1700000000, signature=Q7h/6/+TDi9KWre6Peoc2zkdh8qSiRGDTNB2+obpUUQ="
    )


def at_vector_time(method: str, path: str, authorization: str) -> httpx.Response:
    """One call to a MUXI Server with the vectors' key id and secret, whose clock reads the vectors' time."""
    config = DevServerConfig(key_id="MUXI_test", secret_key="sk_test_secret")
    app = Starlette(routes=MuxiServer(config, FaultBook(), clock=lambda: VECTOR_TIME).routes())

    async def call() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://muxi.test") as client:
            return await client.request(method, path, headers={"Authorization": authorization})

    return asyncio.run(call())


@pytest.mark.parametrize(("method", "path", "query", "signature"), VECTORS)
def test_the_server_accepts_each_contract_vector_at_its_time(
    method: str, path: str, query: str, signature: str
) -> None:
    header = f"MUXI-HMAC key=MUXI_test, timestamp={VECTOR_TIME}, signature={signature}"
    response = at_vector_time(method, path + query, header)
    if path == "/rpc/formations":
        assert response.json() == {"success": True, "data": {"formations": [], "total": 0}}
    else:  # past authentication: the formation simply does not exist
        assert response.json() == {"error": "Not Found", "message": "Formation not found", "code": 404}


@pytest.mark.parametrize(
    ("offset", "status"), [(-300, 200), (300, 200), (-301, 401), (301, 401)], ids=["-300", "+300", "-301", "+301"]
)
def test_timestamps_are_accepted_within_300_seconds_either_way(offset: int, status: int) -> None:
    header = authorization("MUXI_test", "sk_test_secret", "GET", "/rpc/formations", VECTOR_TIME + offset)
    response = at_vector_time("GET", "/rpc/formations", header)
    assert response.status_code == status
    if status == 401:
        assert response.json()["message"] == EXPIRED


MALFORMED = {
    "not MUXI-HMAC": ("Bearer {sig}", FORMAT),
    "lower-case scheme": ("muxi-hmac key={key}, timestamp={ts}, signature={sig}", FORMAT),
    "comma without space": ("MUXI-HMAC key={key},timestamp={ts},signature={sig}", FORMAT),
    "semicolons": ("MUXI-HMAC key={key}; timestamp={ts}; signature={sig}", FORMAT),
    "no signature": ("MUXI-HMAC key={key}, timestamp={ts}", FORMAT),
    "other key id": ("MUXI-HMAC key=MUXI_other, timestamp={ts}, signature={sig}", "Invalid key"),
    "not a number": ("MUXI-HMAC key={key}, timestamp=soon, signature={sig}", EXPIRED),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_header_is_401_with_its_message(shared: DevServer, plain: httpx.Client, case: str) -> None:
    template, message = MALFORMED[case]
    stamp = int(time.time())
    signature = sign(shared.config.secret_key, stamp, "GET", "/rpc/formations")
    header = template.format(key=shared.config.key_id, ts=stamp, sig=signature)
    refused(plain.get("/rpc/formations", headers={"Authorization": header}), 401, message)


def test_no_authorization_header_is_401(plain: httpx.Client) -> None:
    refused(plain.get("/rpc/formations"), 401, "Missing authorization header")


@pytest.mark.parametrize("offset", [-301, 301, -86400])
def test_an_old_or_future_timestamp_is_401_expired(shared: DevServer, plain: httpx.Client, offset: int) -> None:
    stamp = int(time.time()) + offset
    header = authorization(shared.config.key_id, shared.config.secret_key, "GET", "/rpc/formations", stamp)
    refused(plain.get("/rpc/formations", headers={"Authorization": header}), 401, EXPIRED)


@pytest.mark.parametrize(
    ("signed_method", "signed_path", "secret"),
    [
        ("POST", "/rpc/formations", None),
        ("GET", "/rpc/server/status", None),
        ("GET", "/rpc/formations?lines=5", None),
        ("GET", "/rpc/formations", "sk_wrong"),
    ],
    ids=["other method", "other path", "query signed", "wrong secret"],
)
def test_a_signature_over_anything_else_is_401_invalid_signature(
    shared: DevServer, plain: httpx.Client, signed_method: str, signed_path: str, secret: str | None
) -> None:
    header = authorization(shared.config.key_id, secret or shared.config.secret_key, signed_method, signed_path)
    refused(plain.get("/rpc/formations", headers={"Authorization": header}), 401, "Invalid signature")


def test_the_query_is_not_signed(shared: DevServer, plain: httpx.Client) -> None:
    header = authorization(shared.config.key_id, shared.config.secret_key, "GET", "/rpc/server/logs")
    response = plain.get("/rpc/server/logs?lines=5", headers={"Authorization": header})
    assert response.status_code == 200


def test_a_bundle_body_signs_like_an_empty_one(dev: DevServer) -> None:
    header = authorization(dev.config.key_id, dev.config.secret_key, "POST", "/rpc/formations")
    headers = {"Authorization": header, **GZIP, "X-Formation-ID": "my-bot"}
    assert httpx.post(f"{dev.url}/rpc/formations", content=bot_bundle(), headers=headers).status_code == 201


# --- §2/§8 public routes and unknown routes ----------------------------------------------------------


def test_ping_is_the_text_pong_without_auth(plain: httpx.Client) -> None:
    response = plain.get("/ping")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == "pong"


def test_health_has_no_data_envelope(plain: httpx.Client) -> None:
    response = plain.get("/health")
    assert response.json() == {"success": True, "status": "ok", "version": SERVER_VERSION}
    matches("ServerHealth", response.json())


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/nope"),
        ("GET", "/rpc/nope"),
        ("DELETE", "/rpc/formations"),
        ("PATCH", "/rpc/formations/my-bot"),
        ("GET", "/rpc/formations/my-bot/start"),
        ("GET", "/api"),
        ("POST", "/api/"),
        ("GET", "/docs"),
    ],
)
def test_unknown_routes_and_methods_are_404_endpoint_not_found(plain: httpx.Client, method: str, path: str) -> None:
    refused(plain.request(method, path), 404, "Endpoint not found")


# --- server status and audit log --------------------------------------------------------------------


def test_server_status_counts_formations_and_ports(rpc: httpx.Client) -> None:
    deploy(rpc)
    deploy(rpc, "second-bot")
    ok(rpc.post("/rpc/formations/second-bot/stop"), "StopResultEnvelope")
    data = ok(rpc.get("/rpc/server/status"), "ServerStatusEnvelope")
    assert data["server"]["version"] == SERVER_VERSION
    assert data["formations"] == {"total": 2, "running": 1, "stopped": 1, "crashed": 0}
    assert data["port_pool"] == {"total": 999, "available": 997, "allocated": 2}
    assert data["runtime"]["goroutines"] >= 1


def test_server_logs_are_text_lines_and_empty_at_first(rpc: httpx.Client) -> None:
    first = rpc.get("/rpc/server/logs")
    assert first.status_code == 200
    assert first.headers["content-type"].startswith("text/plain")
    assert first.text == ""
    deploy(rpc)
    everything = rpc.get("/rpc/server/logs").text
    assert everything.endswith("\n")
    assert [line.split(" ", 1)[1] for line in everything.splitlines()] == [
        "GET /rpc/server/logs 200",
        "POST /rpc/formations 201",
    ]
    last = rpc.get("/rpc/server/logs", params={"lines": 1}).text
    assert last.count("\n") == 1 and last.endswith(" GET /rpc/server/logs 200\n")


# --- §3/§4 deploy ------------------------------------------------------------------------------------


def test_deploy_answers_201_with_where_the_formation_runs(dev: DevServer, rpc: httpx.Client) -> None:
    data = ok(deploy(rpc), "DeployResultEnvelope", 201)
    assert isinstance(data["pid"], int)
    assert data == {
        "formation_id": "my-bot",
        "port": 8001,
        "status": "running",
        "url": f"{dev.url}/api/my-bot",
        "health_url": f"{dev.url}/api/my-bot/v1/health",
        "pid": data["pid"],
    }
    assert ok(deploy(rpc, "other-bot"), "DeployResultEnvelope", 201)["port"] == 8002


def test_deploy_accepts_the_other_bundle_content_types(rpc: httpx.Client) -> None:
    for formation_id, content_type in [("x-gzip-bot", "application/x-gzip"), ("octet-bot", "application/octet-stream")]:
        assert deploy(rpc, formation_id, headers={"Content-Type": content_type}).status_code == 201, content_type


LAYOUTS: dict[str, dict[str, str | bytes]] = {
    "yml": {"formation.yml": formation_file("yml-bot")},
    "afs": {"formation.afs": formation_file("afs-bot")},
    "dot-slash paths": {"./formation.yaml": formation_file("dot-bot"), "./agents/helper.yaml": "id: helper\n"},
    "one top directory": {"top-bot/formation.yaml": formation_file("top-bot"), "top-bot/README.md": "hi"},
    "afs first": {"formation.afs": formation_file("first-bot"), "formation.yaml": formation_file("not-this")},
}


def test_deploy_finds_the_formation_file_in_each_layout(rpc: httpx.Client) -> None:
    for layout, files in LAYOUTS.items():
        formation_id = yaml.safe_load(next(iter(files.values())))["id"]
        assert deploy(rpc, formation_id, bundle(files)).status_code == 201, layout


def test_the_semantic_version_defaults_to_1_0_0_on_both_sides(rpc: httpx.Client) -> None:
    def without_version_header(formation_id: str, body: bytes) -> httpx.Response:
        return rpc.post("/rpc/formations", content=body, headers={**GZIP, "X-Formation-ID": formation_id})

    assert without_version_header("my-bot", bot_bundle(version=None)).status_code == 201
    response = without_version_header("v2-bot", bot_bundle("v2-bot", "2.0.0"))
    refused(response, 400, "Formation version mismatch: header says '1.0.0' but bundle contains '2.0.0'")
    two = {"X-Formation-Version": "2.0.0"}
    assert deploy(rpc, "v2-bot", bot_bundle("v2-bot", "2.0.0"), two).status_code == 201


def test_deploy_refuses_a_non_bundle_content_type(shared_rpc: httpx.Client) -> None:
    response = deploy(shared_rpc, headers={"Content-Type": "application/json"})
    refused(response, 400, "Invalid Content-Type. Expected application/gzip with a formation bundle (tar.gz)")


def test_deploy_needs_the_formation_id_header(shared_rpc: httpx.Client) -> None:
    response = shared_rpc.post("/rpc/formations", content=bot_bundle(), headers=GZIP)
    refused(response, 400, "Missing X-Formation-ID header. Provide the formation ID for early conflict detection.")


@pytest.mark.parametrize("formation_id", ["ab", "My-Bot", "-bot", "bot-", "my_bot", "a" * 51, "api", "health", "rpc"])
def test_deploy_refuses_an_invalid_or_reserved_id(shared_rpc: httpx.Client, formation_id: str) -> None:
    message = refused(deploy(shared_rpc, formation_id, bot_bundle(formation_id)), 400)
    assert message.startswith("Invalid X-Formation-ID: ")


def test_deploying_an_existing_id_is_409_json_even_before_a_stream(rpc: httpx.Client) -> None:
    deploy(rpc)
    for headers in ({}, SSE):
        refused(deploy(rpc, headers=headers), 409, "Formation 'my-bot' already exists. Use PUT to update.")


BAD_BUNDLES = {
    "not gzip": (b"this is not a bundle", "ExtractError", "extracting", "Failed to extract bundle: "),
    "gzip, not tar": (gzip.compress(b"plain text"), "ExtractError", "extracting", "Failed to extract bundle: "),
    "no formation file": (bundle({"README.md": "hi"}), "ParseError", "validating", "Failed to find formation config"),
    "bad yaml": (bundle({"formation.yaml": "id: [x"}), "ParseError", "validating", "Failed to parse formation.yaml"),
    "not a mapping": (
        bundle({"formation.yaml": "- a\n"}),
        "ParseError",
        "validating",
        "Failed to parse formation.yaml",
    ),
    "other id": (
        bot_bundle("other-bot"),
        "IDMismatch",
        "validating",
        "Formation ID mismatch: header says 'my-bot' but bundle contains 'other-bot'",
    ),
    "other version": (
        bot_bundle(version="2.0.0"),
        "VersionMismatch",
        "validating",
        "Formation version mismatch: header says '1.0.0' but bundle contains '2.0.0'",
    ),
}


@pytest.mark.parametrize("case", BAD_BUNDLES)
def test_a_bad_bundle_is_400_json_or_an_error_frame_in_a_stream(rpc: httpx.Client, case: str) -> None:
    body, kind, stage, message = BAD_BUNDLES[case]
    assert refused(deploy(rpc, body=body), 400).startswith(message)
    refused(rpc.get("/rpc/formations/my-bot"), 404, "Formation not found")
    headers = {**GZIP, "X-Formation-ID": "my-bot"}
    frames = valid_stream(progress_stream(rpc, "POST", "/rpc/formations", content=body, headers=headers))
    event, data = frames[-1]
    assert event == "error"
    assert (data["error"], data["stage"]) == (kind, stage)
    assert data["message"].startswith(message)
    assert stages(frames)[-1] == stage
    # A failed deploy leaves nothing behind: the id can be deployed right away.
    assert deploy(rpc).status_code == 201


def test_deploy_streams_its_stages_then_complete(dev: DevServer, rpc: httpx.Client) -> None:
    headers = {**GZIP, "X-Formation-ID": "my-bot"}
    frames = valid_stream(progress_stream(rpc, "POST", "/rpc/formations", content=bot_bundle(), headers=headers))
    assert stages(frames) == ["extracting", "validating", "spawning", "health_check"]
    checks = [data for event, data in frames if event == "progress" and "attempt" in data]
    assert checks == [
        {"stage": "health_check", "message": "Health check attempt 1/50...", "attempt": 1, "max_attempts": 50}
    ]
    event, complete = frames[-1]
    assert event == "complete"
    assert complete == {
        "formation_id": "my-bot",
        "port": 8001,
        "status": "running",
        "url": f"{dev.url}/api/my-bot",
        "health_url": f"{dev.url}/api/my-bot/v1/health",
        "pid": complete["pid"],
    }
    assert formation(rpc)["status"] == "running"


def test_a_pinned_runtime_adds_the_runtime_stages(rpc: httpx.Client) -> None:
    headers = {**GZIP, "X-Formation-ID": "my-bot"}
    body = bot_bundle(muxi_runtime="0.2025.1")
    frames = valid_stream(progress_stream(rpc, "POST", "/rpc/formations", content=body, headers=headers))
    runtime = ["resolving_runtime", "downloading_sif", *(["pulling_runner"] if sys.platform != "linux" else [])]
    assert stages(frames) == ["extracting", "validating", *runtime, "spawning", "health_check"]
    resolved = {"stage": "resolving_runtime", "message": "Resolved runtime version: 0.2025.1", "version": "0.2025.1"}
    assert ("progress", resolved) in frames


def test_an_unresolvable_runtime_pin_is_a_resolve_error(rpc: httpx.Client) -> None:
    headers = {**GZIP, "X-Formation-ID": "my-bot"}
    body = bot_bundle(muxi_runtime="not a version")
    event, data = progress_stream(rpc, "POST", "/rpc/formations", content=body, headers=headers)[-1]
    assert (event, data["error"], data["stage"]) == ("error", "ResolveError", "resolving_runtime")


# --- §3 reading formations --------------------------------------------------------------------------


def test_list_and_get_describe_the_formation(rpc: httpx.Client) -> None:
    pid = deploy(rpc).json()["data"]["pid"]
    listed = ok(rpc.get("/rpc/formations"), "ServerFormationListEnvelope")
    summary = listed["formations"][0]
    assert listed["total"] == 1
    assert summary == {
        "id": "my-bot",
        "name": "My Bot",
        "port": 8001,
        "status": "running",
        "pid": pid,
        "uptime": summary["uptime"],
        "restart_count": 0,
        "healthy": True,
        "version": {"current": summary["version"]["current"], "previous": None},
    }
    assert len(summary["version"]["current"]) == 12
    detail = formation(rpc)
    assert {key: detail[key] for key in summary} == summary
    for key in ("created_at", "deployed_at", "updated_at", "last_health_check"):
        assert detail[key].endswith("Z")
        datetime.fromisoformat(detail[key])


def test_reading_a_formation_checks_its_health_live(dev: DevServer, rpc: httpx.Client) -> None:
    deploy(rpc)
    dev.fault(api="formation", path="/v1/health", status=503)
    unhealthy = formation(rpc)
    assert (unhealthy["status"], unhealthy["healthy"]) == ("unhealthy", False)
    refused(chat(dev, "Hello"), 503, "Formation unavailable")
    healthy = formation(rpc)
    assert (healthy["status"], healthy["healthy"]) == ("running", True)


# --- §4 update, cancel-update, rollback ------------------------------------------------------------


def update(rpc: httpx.Client, body: bytes, **headers: str) -> httpx.Response:
    return rpc.put("/rpc/formations/my-bot", content=body, headers={**GZIP, **headers})


def test_update_is_blue_green_with_deployment_counters(dev: DevServer, rpc: httpx.Client) -> None:
    first = deploy(rpc).json()["data"]
    before = formation(rpc)["version"]["current"]
    data = ok(update(rpc, bot_bundle(description="v2")), "UpdateResultEnvelope")
    assert data == {
        "id": "my-bot",
        "status": "running",
        "version": 2,
        "previous_version": 1,
        "port": 8002,
        "pid": data["pid"],
        "message": "Formation updated with zero downtime",
        "deployment_type": "blue-green",
    }
    assert data["pid"] != first["pid"]
    after = formation(rpc)
    assert after["version"]["previous"] == before and after["version"]["current"] != before
    assert after["port"] == 8002
    assert ok(rpc.get("/rpc/server/status"), "ServerStatusEnvelope")["port_pool"]["allocated"] == 1
    assert chat(dev, "still here").json()["data"]["message"]["content"] == "You said: still here"


def test_update_streams_its_stages_and_string_counters(dev: DevServer, rpc: httpx.Client) -> None:
    deploy(rpc)
    body = bot_bundle(description="v2")
    frames = valid_stream(progress_stream(rpc, "PUT", "/rpc/formations/my-bot", content=body, headers=GZIP))
    assert stages(frames) == [
        "extracting",
        "validating",
        "spawning_staging",
        "health_check",
        "swapping",
        "stopping_old",
    ]
    spawning = next(data for _, data in frames if data.get("stage") == "spawning_staging")
    assert spawning["staging_port"] == 8002
    event, complete = frames[-1]
    assert event == "complete"
    assert complete == {
        "formation_id": "my-bot",
        "port": 8002,
        "status": "running",
        "url": f"{dev.url}/api/my-bot",
        "pid": complete["pid"],
        "previous_version": "1",
        "new_version": "2",
    }


def test_updating_with_identical_bytes_is_409_no_change(rpc: httpx.Client) -> None:
    deploy(rpc)
    message = "Source is identical to current version - nothing to update"
    refused(update(rpc, bot_bundle()), 409, message)
    frames = progress_stream(rpc, "PUT", "/rpc/formations/my-bot", content=bot_bundle(), headers=GZIP)
    assert frames[-1] == ("error", {"error": "NoChange", "message": message, "stage": "validating"})


def test_update_checks_the_semantic_version(rpc: httpx.Client) -> None:
    deploy(rpc)
    response = update(rpc, bot_bundle(version="2.0.0"))
    refused(response, 400, "Formation version mismatch: header says '1.0.0' but bundle contains '2.0.0'")
    assert update(rpc, bot_bundle(version="2.0.0"), **{"X-Formation-Version": "2.0.0"}).status_code == 200


def test_updating_an_unknown_formation_is_404_json_even_before_a_stream(shared_rpc: httpx.Client) -> None:
    for headers in ({}, SSE):
        response = shared_rpc.put("/rpc/formations/nobody", content=bot_bundle("nobody"), headers={**GZIP, **headers})
        refused(response, 404, "Formation not found")


def test_a_second_update_during_the_first_is_409_and_cancel_update_stops_the_first(
    dev: DevServer, rpc: httpx.Client
) -> None:
    deploy(rpc)
    before = formation(rpc)["version"]
    dev.fault(api="formation", path="/v1/health", status=503, count=1000)  # staging never gets healthy
    headers = {**GZIP, **SSE}
    with rpc.stream("PUT", "/rpc/formations/my-bot", content=bot_bundle(description="v2"), headers=headers) as stream:
        frames = events(stream)
        next(frame for frame in frames if "attempt" in frame[1])  # the staging instance is being checked
        refused(update(rpc, bot_bundle(description="v3")), 409, "Formation is already being updated")
        cancelled = rpc.post("/rpc/formations/my-bot/cancel-update")
        assert cancelled.status_code == 200
        matches("CancelUpdateResult", cancelled.json())
        assert cancelled.json() == {
            "message": "Update cancelled successfully",
            "formation_id": "my-bot",
            "staging_port": 8002,
            "status": "running",
            "current_port": 8001,
        }
        event, error = list(frames)[-1]
    assert (event, error["error"], error["stage"]) == ("error", "HealthCheckFailed", "health_check")
    dev.book.clear()
    assert formation(rpc)["version"] == before
    refused(rpc.post("/rpc/formations/my-bot/cancel-update"), 400, "No update in progress for this formation")


def test_a_staging_version_that_never_gets_healthy_leaves_the_old_one_serving(
    dev: DevServer, rpc: httpx.Client
) -> None:
    deploy(rpc)
    before = formation(rpc)["version"]
    dev.fault(api="formation", path="/v1/health", status=503, count=1000)
    message = refused(update(rpc, bot_bundle(description="v2")), 400)
    assert message.startswith("New version failed health check: ")
    assert message.endswith("Old version still running - zero downtime maintained.")
    dev.book.clear()
    assert formation(rpc)["version"] == before
    assert chat(dev, "Hello").json()["data"]["message"]["content"] == "You said: Hello"


def test_cancel_update_without_an_update_is_400(rpc: httpx.Client) -> None:
    deploy(rpc)
    refused(rpc.post("/rpc/formations/my-bot/cancel-update"), 400, "No update in progress for this formation")


def test_rollback_needs_a_previous_version(rpc: httpx.Client) -> None:
    deploy(rpc)
    message = "No previous version available for rollback"
    refused(rpc.post("/rpc/formations/my-bot/rollback"), 400, message)
    frames = progress_stream(rpc, "POST", "/rpc/formations/my-bot/rollback")
    assert frames[-1] == ("error", {"error": "NoPreviousVersion", "message": message, "stage": "validating"})


def test_rollback_brings_the_previous_version_back(dev: DevServer, rpc: httpx.Client) -> None:
    deploy(rpc)
    original = formation(rpc)["version"]["current"]
    update(rpc, bot_bundle(description="v2"))
    data = ok(rpc.post("/rpc/formations/my-bot/rollback"), "RollbackResultEnvelope")
    assert data == {
        "id": "my-bot",
        "status": "running",
        "version": 1,
        "previous_version": 2,
        "pid": data["pid"],
        "message": "Rolled back to previous version",
    }
    assert formation(rpc)["version"]["current"] == original
    assert chat(dev, "back").json()["data"]["message"]["content"] == "You said: back"


def test_rollback_streams_its_stages(rpc: httpx.Client) -> None:
    deploy(rpc)
    update(rpc, bot_bundle(description="v2"))
    frames = valid_stream(progress_stream(rpc, "POST", "/rpc/formations/my-bot/rollback"))
    assert stages(frames) == ["validating", "spawning_previous", "health_check", "stopping_current", "swapping"]
    event, complete = frames[-1]
    assert event == "complete"
    assert (complete["previous_version"], complete["new_version"], complete["status"]) == ("2", "1", "running")


# --- §3 lifecycle ------------------------------------------------------------------------------------


def test_stop_and_start_answer_the_real_servers_409s(dev: DevServer, rpc: httpx.Client) -> None:
    deploy(rpc)
    stopped = ok(rpc.post("/rpc/formations/my-bot/stop"), "StopResultEnvelope")
    assert stopped == {"id": "my-bot", "status": "stopped", "message": "Formation stopped successfully"}
    refused(rpc.post("/rpc/formations/my-bot/stop"), 409, "Formation is already stopped")
    assert (formation(rpc)["status"], formation(rpc)["pid"]) == ("stopped", 0)
    refused(chat(dev, "anyone?"), 503, "Formation unavailable")
    started = ok(rpc.post("/rpc/formations/my-bot/start"), "StartResultEnvelope")
    assert started == {"id": "my-bot", "status": "running", "message": "Formation started", "port": 8001}
    refused(rpc.post("/rpc/formations/my-bot/start"), 409, "Formation is already running")
    assert chat(dev, "back").status_code == 200


def test_start_streams_its_stages_and_a_running_formation_as_an_error_frame(rpc: httpx.Client) -> None:
    deploy(rpc)
    running = valid_stream(progress_stream(rpc, "POST", "/rpc/formations/my-bot/start"))
    expected = {"error": "AlreadyRunning", "message": "Formation is already running", "stage": "validating"}
    assert running == [("error", expected)]
    rpc.post("/rpc/formations/my-bot/stop")
    frames = valid_stream(progress_stream(rpc, "POST", "/rpc/formations/my-bot/start"))
    assert stages(frames) == ["validating", "spawning", "health_check"]
    assert frames[-1] == ("complete", {"formation_id": "my-bot", "port": 8001, "status": "running"})


@pytest.mark.parametrize(
    ("action", "stage"), [("start", "validating"), ("restart", "stopping"), ("rollback", "validating")]
)
def test_a_streamed_action_on_an_unknown_formation_is_a_not_found_frame_on_a_200(
    shared_rpc: httpx.Client, action: str, stage: str
) -> None:
    frames = valid_stream(progress_stream(shared_rpc, "POST", f"/rpc/formations/nobody/{action}"))
    assert frames[-1] == ("error", {"error": "NotFound", "message": "Formation not found", "stage": stage})


def test_restart_counts_restarts(rpc: httpx.Client) -> None:
    pid = deploy(rpc).json()["data"]["pid"]
    data = ok(rpc.post("/rpc/formations/my-bot/restart"), "RestartResultEnvelope")
    assert data == {
        "id": "my-bot",
        "status": "running",
        "message": "Formation restarted",
        "restart_count": 1,
        "port": 8001,
    }
    assert formation(rpc)["pid"] != pid
    frames = valid_stream(progress_stream(rpc, "POST", "/rpc/formations/my-bot/restart"))
    assert stages(frames) == ["stopping", "spawning", "health_check"]
    assert frames[-1] == ("complete", {"formation_id": "my-bot", "port": 8001, "status": "running", "restart_count": 2})
    assert formation(rpc)["restart_count"] == 2


def test_delete_removes_the_formation_and_frees_its_port(dev: DevServer, rpc: httpx.Client) -> None:
    deploy(rpc)
    data = ok(rpc.delete("/rpc/formations/my-bot"), "DeleteResultEnvelope")
    assert data == {"id": "my-bot", "message": "Formation deleted successfully"}
    refused(rpc.get("/rpc/formations/my-bot"), 404, "Formation not found")
    refused(chat(dev, "hello?"), 404, "Formation not found")
    assert deploy(rpc).json()["data"]["port"] == 8001


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", ""),
        ("DELETE", ""),
        ("POST", "/start"),
        ("POST", "/stop"),
        ("POST", "/restart"),
        ("POST", "/rollback"),
        ("POST", "/cancel-update"),
        ("GET", "/logs"),
        ("GET", "/download"),
    ],
)
def test_every_formation_route_is_404_for_an_unknown_id(shared_rpc: httpx.Client, method: str, path: str) -> None:
    refused(shared_rpc.request(method, f"/rpc/formations/nobody{path}"), 404, "Formation not found")


# --- §6 logs -------------------------------------------------------------------------------------------

ECHO_WARNING = "WARNING: no LLM provider configured; the dev server's echo agent answers"


def logs(rpc: httpx.Client, **params: str | int) -> dict[str, Any]:
    return ok(rpc.get("/rpc/formations/my-bot/logs", params=params), "ServerFormationLogsEnvelope")


def test_logs_return_both_streams_by_default(dev: DevServer, rpc: httpx.Client) -> None:
    pid = deploy(rpc).json()["data"]["pid"]
    chat(dev, "Hello")
    data = logs(rpc)
    stdout, stderr = data["logs"]["stdout"], data["logs"]["stderr"]
    assert stdout[0] == f"Starting formation my-bot version 1.0.0 on port 8001 (pid {pid})"
    assert stdout[-1] == "INFO POST /v1/chat 200"
    assert stderr == [ECHO_WARNING]
    assert data["total_lines"] == {"stdout": len(stdout), "stderr": 1}
    assert data["formation_id"] == "my-bot"


def test_logs_select_a_stream_and_a_number_of_lines(rpc: httpx.Client) -> None:
    deploy(rpc)
    everything = logs(rpc)["logs"]["stdout"]
    data = logs(rpc, stream="stdout", lines=2)
    assert data["logs"] == {"stdout": everything[-2:]}
    assert data["total_lines"] == {"stdout": len(everything)}
    for lines in ("0", "-3", "many"):
        assert logs(rpc, lines=lines)["logs"]["stdout"] == everything  # the default, 100, covers them all


def test_following_logs_streams_each_new_line(dev: DevServer, rpc: httpx.Client) -> None:
    deploy(rpc)
    with rpc.stream("GET", "/rpc/formations/my-bot/logs", params={"follow": "true"}, headers=SSE) as stream:
        assert_sse_headers(stream)
        frames = events(stream)
        assert next(frames) == ("connected", {"formation_id": "my-bot"})
        chat(dev, "Hello")  # no backlog: the first line is the one this request writes
        line = next(frames)
        assert line == ("log", {"line": "INFO POST /v1/chat 200", "formation_id": "my-bot"})
        matches("LogLineEvent", line[1])


def test_following_stderr_streams_stderr(rpc: httpx.Client) -> None:
    deploy(rpc)
    params = {"follow": "1", "stream": "stderr"}
    with rpc.stream("GET", "/rpc/formations/my-bot/logs", params=params, headers=SSE) as stream:
        frames = events(stream)
        assert next(frames)[0] == "connected"
        rpc.post("/rpc/formations/my-bot/restart")
        assert next(frames) == ("log", {"line": ECHO_WARNING, "formation_id": "my-bot"})


# --- §7 download -------------------------------------------------------------------------------------

FILES: dict[str, str | bytes] = {
    "formation.yaml": formation_file(),
    "agents/helper.yaml": "id: helper\n",
    ".env": "OPENAI_API_KEY=sk-placeholder\n",
    ".git/config": "[core]\n",
    ".DS_Store": b"\x00\x01",
    "memory.db": b"SQLite format 3\x00",
}


def test_download_zips_the_current_files_without_hidden_ones(rpc: httpx.Client) -> None:
    deploy(rpc, body=bundle(FILES))
    response = rpc.get("/rpc/formations/my-bot/download")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"] == 'attachment; filename="my-bot.zip"'
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert archive.testzip() is None
    assert sorted(archive.namelist()) == [".env", "agents/helper.yaml", "formation.yaml"]
    assert archive.read("agents/helper.yaml") == b"id: helper\n"


def test_download_with_db_adds_memory_db(rpc: httpx.Client) -> None:
    deploy(rpc, body=bundle(FILES))
    deploy(rpc, "bare-bot")
    with_db = zipfile.ZipFile(io.BytesIO(rpc.get("/rpc/formations/my-bot/download", params={"db": "true"}).content))
    assert with_db.read("memory.db") == b"SQLite format 3\x00"
    placeholder = zipfile.ZipFile(io.BytesIO(rpc.get("/rpc/formations/bare-bot/download?db=true").content))
    assert sorted(placeholder.namelist()) == ["formation.yaml", "memory.db"]


# --- §9 proxy ----------------------------------------------------------------------------------------


def test_chat_through_the_proxy_with_the_formations_client_key(dev: DevServer, rpc: httpx.Client) -> None:
    deploy(rpc)
    response = chat(dev, "Hello", **{"X-Muxi-User-ID": "alice"})
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["message"]["content"] == "You said: Hello"
    assert data["user_id"] == "alice"  # the user header passed through


def test_the_formations_own_errors_keep_the_formation_envelope(dev: DevServer, rpc: httpx.Client) -> None:
    deploy(rpc)
    no_key = httpx.post(f"{dev.url}/api/my-bot/v1/chat", json={"message": "Hello", "stream": False})
    assert no_key.status_code == 401
    assert no_key.json()["error"]["code"] == "UNAUTHORIZED"
    root = httpx.get(f"{dev.url}/api/my-bot")  # the formation's root, which it does not serve
    assert root.status_code == 404
    assert root.json()["object"] == "error" and root.json()["success"] is False


def test_the_health_url_of_a_deploy_answers(rpc: httpx.Client) -> None:
    health_url = deploy(rpc).json()["data"]["health_url"]
    response = httpx.get(health_url)
    assert response.status_code == 200
    assert response.json()["status"] == "healthy"


def test_a_streaming_chat_arrives_through_the_proxy_as_it_is_produced() -> None:
    with DevServer(token_delay=0.05) as dev, signed_client(dev) as rpc:
        deploy(rpc)
        arrivals: list[float] = []
        text = ""
        body = {"message": "one two three four", "stream": True}
        headers = {"X-MUXI-CLIENT-KEY": dev.config.client_key, **SSE}
        with rpc.stream("POST", "/api/my-bot/v1/chat", json=body, headers=headers) as response:
            assert response.status_code == 200
            for _, data in events(response):
                token = data.get("token", {})
                if token.get("type") == "content":
                    arrivals.append(time.monotonic())
                    text += token["content"]
    assert text == "You said: one two three four"
    assert arrivals[-1] - arrivals[0] >= 0.15  # six tokens 50 ms apart, not one buffered burst


def test_proxy_errors_use_the_server_error_body(dev: DevServer, rpc: httpx.Client) -> None:
    refused(chat(dev, "Hello", prefix="/api/nobody"), 404, "Formation not found")
    deploy(rpc)
    rpc.post("/rpc/formations/my-bot/stop")
    refused(chat(dev, "Hello"), 503, "Formation unavailable")


def test_the_draft_instance_answers_on_its_own_route(dev: DevServer, rpc: httpx.Client) -> None:
    deploy(rpc)
    rpc.post("/rpc/formations/my-bot/stop")  # the draft is a process of its own
    assert chat(dev, "draft?", prefix="/draft/my-bot").json()["data"]["message"]["content"] == "You said: draft?"
    refused(chat(dev, "Hello", prefix="/draft/nobody"), 404, "Formation not found")


def test_the_forwarded_request_keeps_the_query_and_owns_the_proxy_headers() -> None:
    scope = {
        "type": "http",
        "method": "GET",
        "scheme": "http",
        "path": "/api/my-bot/v1/sessions",
        "raw_path": b"/api/my-bot/v1/sessions",
        "query_string": b"limit=5",
        "client": ("10.0.0.7", 50123),
        "headers": [
            (b"host", b"localhost:7890"),
            (b"x-muxi-client-key", b"fmc_x"),
            (b"x-muxi-user-id", b"alice"),
            (b"x-muxi-server", b"spoofed"),
            (b"x-formation-id", b"spoofed"),
        ],
    }
    inner = forwarded_scope(scope, "my-bot", "/v1/sessions", 8001)
    assert (inner["path"], inner["raw_path"], inner["query_string"]) == ("/v1/sessions", b"/v1/sessions", b"limit=5")
    assert dict(inner["headers"]) == {
        b"host": b"127.0.0.1:8001",
        b"x-muxi-client-key": b"fmc_x",
        b"x-muxi-user-id": b"alice",
        b"x-forwarded-for": b"10.0.0.7",
        b"x-forwarded-proto": b"http",
        b"x-forwarded-host": b"localhost:7890",
        b"x-formation-id": b"my-bot",
        b"x-muxi-server": SERVER_VERSION.encode(),
    }
