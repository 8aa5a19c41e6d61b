"""Fixtures of the AiMeshClient tests: dev-server brokers (shared, fresh, secured), clients whose
requests are captured, and the vcrpy setup of the cassette tests (``test_broker_wire.py``; how to
re-record is in that module's docstring).

Cassettes are replayed by default (record mode ``none``), matched on method + path + query + body
plus the headers that carry the wire rules (Authorization present, Accept, Content-Type), never on
host or port: the dev server's port is ephemeral. The bearer token is scrubbed before anything is
written. The machinery is ``tests/vcr_support.py``; ``test_broker_wire.py`` checks that every
recorded interaction is replayed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from broker_support import BROKER_KEY, FAKE_ROOT, SCRUBBED, Captured, endpoint
from meshkit import AiMeshClient
from meshkit.devserver import DevServer
from vcr_support import CassetteSetup, cassette_fixtures

CASSETTES = CassetteSetup(
    name="broker",
    fake_root=FAKE_ROOT,
    directory=os.path.normpath(os.path.join(os.path.dirname(__file__), os.pardir, "cassettes", "broker")),
    scrubbed_headers={"Authorization": f"Bearer {SCRUBBED}"},
    present_headers=("Authorization",),
    valued_headers=("Accept", "Content-Type"),
    secrets=(BROKER_KEY,),
)


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


globals().update(cassette_fixtures(CASSETTES, require_all_played=False))
