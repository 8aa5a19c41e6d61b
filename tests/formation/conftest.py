"""Fixtures of the Formation façade tests: live dev-server formations, and the vcrpy setup of the
cassette tests (``test_formation_wire.py``; how to re-record is in that module's docstring).

Cassettes are replayed by default (record mode ``none``), matched on method + path + query + body
plus the headers that carry the wire rules (which key, which user, Accept, Content-Type, an
idempotency key), never on host or port: the dev server's port is ephemeral. Keys are scrubbed
from requests and responses before anything is written.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Iterator
from typing import Any

import pytest
from formation_support import (
    DEV_KEYS,
    FAKE_ROOT,
    KEY_HEADERS,
    SCRUBBED,
    VOLATILE_REQUEST_HEADERS,
    VOLATILE_RESPONSE_HEADERS,
    make_formation,
)
from meshkit import Formation
from meshkit.devserver import DevServer

_LOOPBACK = re.compile(r"^http://(?:127\.0\.0\.1|localhost):\d+")
_KEY_LIKE = re.compile(rb"\bfm[ac]_[A-Za-z0-9_\-]+")

CASSETTES = os.path.join(os.path.dirname(__file__), os.pardir, "cassettes", "formation")


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
    return os.path.normpath(CASSETTES)


def _scrub_request(request: Any) -> Any:
    request.uri = _LOOPBACK.sub(FAKE_ROOT, request.uri)
    for name in KEY_HEADERS:
        if name in request.headers:
            request.headers[name] = SCRUBBED
    for name in VOLATILE_REQUEST_HEADERS:
        request.headers.pop(name, None)
    return request


def _scrub_bytes(data: bytes) -> bytes:
    for key in (DEV_KEYS.client_key, DEV_KEYS.admin_key):
        data = data.replace(key.encode(), SCRUBBED.encode())
    return _KEY_LIKE.sub(SCRUBBED.encode(), data)


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    response = copy.deepcopy(response)
    body = response["body"]["string"]
    if isinstance(body, str):
        body = body.encode()
    body = _scrub_bytes(body)
    response["body"]["string"] = body
    headers: dict[str, list[str]] = {}
    for name, values in response["headers"].items():
        if name.lower() in VOLATILE_RESPONSE_HEADERS:
            continue
        if name.lower() == "content-length":
            values = [str(len(body))]
        headers[name] = [_scrub_bytes(value.encode()).decode() for value in values]
    response["headers"] = headers
    return response


def _wire_headers(request: Any) -> dict[str, Any]:
    """What a request's headers say about the wire rules (the key *kind*, never its value)."""
    headers = request.headers
    return {
        "client_key": "X-MUXI-CLIENT-KEY" in headers,
        "admin_key": "X-MUXI-ADMIN-KEY" in headers,
        "authorization": "Authorization" in headers,
        "user": headers.get("X-Muxi-User-ID"),
        "idempotency_key": "X-Muxi-Idempotency-Key" in headers,
        "accept": headers.get("Accept"),
        "content_type": headers.get("Content-Type"),
    }


def _match_wire_headers(r1: Any, r2: Any) -> None:
    assert _wire_headers(r1) == _wire_headers(r2), f"{_wire_headers(r1)} != {_wire_headers(r2)}"


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    vcr.register_matcher("meshkit_wire_headers", _match_wire_headers)


@pytest.fixture
def vcr_config(record_mode: str) -> dict[str, Any]:
    return {
        # pytest-recording lets this win over the CLI; it is the same resolved value.
        "record_mode": record_mode,
        "match_on": ("method", "path", "query", "body", "meshkit_wire_headers"),
        "before_record_request": _scrub_request,
        "before_record_response": _scrub_response,
        "decode_compressed_response": True,
    }


@pytest.fixture(autouse=True)
def _every_recorded_interaction_played(vcr: Any, record_mode: str) -> Iterator[None]:
    """In replay, a test must use its whole cassette: a call the façade stopped making fails."""
    cassette = vcr
    yield
    if record_mode == "none" and cassette is not None and not cassette.all_played:
        pytest.fail(f"cassette {cassette._path} has interactions this test did not replay")


# --- live formations -------------------------------------------------------------------------------


@pytest.fixture
def dev(meshkit_dev_server: DevServer) -> DevServer:
    """The session's dev server (faults disarmed after each test; the ledger is shared, so tests
    look their own idempotency keys up in it)."""
    return meshkit_dev_server


@pytest.fixture
def formation(dev: DevServer) -> Iterator[Formation]:
    with make_formation(dev) as formation:
        yield formation


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
