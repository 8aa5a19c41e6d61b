"""Fixtures of the AiMeshClient tests: dev-server brokers (shared, fresh, secured), clients whose
requests are captured, and the vcrpy setup of the cassette tests (``test_broker_wire.py``; how to
re-record is in that module's docstring).

Cassettes are replayed by default (record mode ``none``), matched on method + path + query + body
plus the headers that carry the wire rules (Authorization present, Accept, Content-Type), never on
host or port: the dev server's port is ephemeral. The bearer token is scrubbed before anything is
written.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Iterator
from typing import Any

import pytest
from broker_support import BROKER_KEY, FAKE_ROOT, SCRUBBED, Captured, endpoint
from meshkit import AiMeshClient
from meshkit.devserver import DevServer

CASSETTES = os.path.normpath(os.path.join(os.path.dirname(__file__), os.pardir, "cassettes", "broker"))
_LOOPBACK = re.compile(r"^http://(?:127\.0\.0\.1|localhost):\d+")
# Request headers that vary by machine or run and carry no wire rule.
_VOLATILE_REQUEST_HEADERS = ("Host", "User-Agent", "Accept-Encoding", "Connection", "Content-Length")
_VOLATILE_RESPONSE_HEADERS = ("date", "server")


# --- live brokers and clients ----------------------------------------------------------------------


@pytest.fixture
def dev(meshkit_dev_server: DevServer) -> DevServer:
    """The session's dev server (faults disarmed after each test). Its broker state is shared:
    tests use agents and payloads of their own (``agent_id()``, ``unique()``)."""
    return meshkit_dev_server


@pytest.fixture
def routable(dev: DevServer) -> DevServer:
    """The session's dev server with a healthy endpoint, so messages get routed."""
    with AiMeshClient(dev.broker_url) as client:
        client.register_endpoint(endpoint())
    return dev


@pytest.fixture
def fresh(meshkit_fresh_dev_server: DevServer) -> DevServer:
    """A dev server of its own for one test: no endpoints, budgets or counters yet."""
    return meshkit_fresh_dev_server


@pytest.fixture(scope="session")
def secured() -> Iterator[DevServer]:
    """A dev server whose broker requires ``Authorization: Bearer BROKER_KEY``."""
    with DevServer(broker_key=BROKER_KEY) as dev:
        yield dev


@pytest.fixture
def captured() -> Captured:
    return Captured()


@pytest.fixture
def client(dev: DevServer, captured: Captured) -> Iterator[AiMeshClient]:
    """A keyless client of the session's broker; its requests land in ``captured``."""
    with captured.client(dev.broker_url) as client:
        yield client


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


# --- cassettes ---------------------------------------------------------------------------------------


def recording_mode(config: pytest.Config) -> str:
    """``rewrite`` with MESHKIT_RECORD=1, else ``--record-mode``, else ``none`` (replay only)."""
    if os.environ.get("MESHKIT_RECORD") == "1":
        return "rewrite"
    return str(config.getoption("--record-mode") or "none")


@pytest.fixture(scope="session")
def record_mode(pytestconfig: pytest.Config) -> str:
    return recording_mode(pytestconfig)


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return CASSETTES


def _scrub_request(request: Any) -> Any:
    request.uri = _LOOPBACK.sub(FAKE_ROOT, request.uri)
    if "Authorization" in request.headers:
        request.headers["Authorization"] = f"Bearer {SCRUBBED}"
    for name in _VOLATILE_REQUEST_HEADERS:
        request.headers.pop(name, None)
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    response = copy.deepcopy(response)
    body = response["body"]["string"]
    body = (body.encode() if isinstance(body, str) else body).replace(BROKER_KEY.encode(), SCRUBBED.encode())
    response["body"]["string"] = body
    headers: dict[str, list[str]] = {}
    for name, values in response["headers"].items():
        if name.lower() in _VOLATILE_RESPONSE_HEADERS:
            continue
        headers[name] = [str(len(body))] if name.lower() == "content-length" else values
    response["headers"] = headers
    return response


def _wire_headers(request: Any) -> dict[str, Any]:
    """What a request's headers say about the wire rules (whether a token went, never its value)."""
    headers = request.headers
    return {
        "authorization": "Authorization" in headers,
        "accept": headers.get("Accept"),
        "content_type": headers.get("Content-Type"),
    }


def _match_wire_headers(r1: Any, r2: Any) -> None:
    assert _wire_headers(r1) == _wire_headers(r2), f"{_wire_headers(r1)} != {_wire_headers(r2)}"


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_matcher("broker_wire_headers", _match_wire_headers)


@pytest.fixture
def vcr_config(record_mode: str) -> dict[str, Any]:
    return {
        "record_mode": record_mode,
        "match_on": ("method", "path", "query", "body", "broker_wire_headers"),
        "before_record_request": _scrub_request,
        "before_record_response": _scrub_response,
        "decode_compressed_response": True,
    }
