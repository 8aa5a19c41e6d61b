"""Fixtures of the transport tests: the session's dev server, and asyncio for the async tests."""

from __future__ import annotations

import pytest
from meshkit.devserver import DevServer


@pytest.fixture
def dev(meshkit_dev_server: DevServer) -> DevServer:
    """The session's dev server (faults disarmed after each test; tests look their own idempotency
    keys up in the shared ledger)."""
    return meshkit_dev_server


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
