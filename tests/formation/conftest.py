"""Fixtures of the Formation façade tests: live dev-server formations, and the vcrpy setup of the
cassette tests (``test_formation_wire.py``; how to re-record is in that module's docstring).

Cassettes are replayed by default (record mode ``none``), matched on method + path + query + body
plus the headers that carry the wire rules (which key, which user, Accept, Content-Type, an
idempotency key), never on host or port: the dev server's port is ephemeral. Keys are scrubbed
from requests and responses before anything is written. The machinery is ``tests/vcr_support.py``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest
from formation_support import DEV_KEYS, FAKE_ROOT, KEY_HEADERS, SCRUBBED, make_formation
from meshkit import Formation
from meshkit.devserver import DevServer
from vcr_support import CassetteSetup, cassette_fixtures

CASSETTES = CassetteSetup(
    name="formation",
    fake_root=FAKE_ROOT,
    directory=os.path.normpath(os.path.join(os.path.dirname(__file__), os.pardir, "cassettes", "formation")),
    scrubbed_headers=dict.fromkeys(KEY_HEADERS, SCRUBBED),
    # Which key went and whether an idempotency key did; which user, Accept, Content-Type.
    present_headers=("X-MUXI-CLIENT-KEY", "X-MUXI-ADMIN-KEY", "Authorization", "X-Muxi-Idempotency-Key"),
    valued_headers=("X-Muxi-User-ID", "Accept", "Content-Type"),
    secrets=(DEV_KEYS.client_key, DEV_KEYS.admin_key),
    secret_pattern=re.compile(rb"\bfm[ac]_[A-Za-z0-9_\-]+"),
)


globals().update(cassette_fixtures(CASSETTES))


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
