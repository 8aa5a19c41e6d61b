"""pytest fixtures around meshkit's dev server, for your own test suite.

Enable them in your ``conftest.py``::

    pytest_plugins = ["meshkit.testing"]

    def test_chat(meshkit_dev_server):
        import httpx
        dev = meshkit_dev_server
        reply = httpx.post(
            dev.formation_url + "/v1/chat",
            headers={"X-MUXI-CLIENT-KEY": dev.config.client_key},
            json={"message": "Hello!", "stream": False},
        )
        assert reply.json()["data"]["message"]["content"] == "You said: Hello!"

``meshkit_dev_server`` is one server for the whole session (fast); ``meshkit_fresh_dev_server``
starts a new one per test (clean state). Both listen on 127.0.0.1 on an ephemeral port, disarm
every fault after each test, and stop when done. Needs the ``server`` extra.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from meshkit.devserver import DevServer


@pytest.fixture(scope="session")
def _meshkit_session_dev_server() -> Iterator[DevServer]:
    with DevServer() as dev:
        yield dev


@pytest.fixture
def meshkit_dev_server(_meshkit_session_dev_server: DevServer) -> Iterator[DevServer]:
    """The session's dev server; faults armed by a test are disarmed after it."""
    yield _meshkit_session_dev_server
    _meshkit_session_dev_server.book.clear()


@pytest.fixture
def meshkit_fresh_dev_server() -> Iterator[DevServer]:
    """A dev server of its own for one test: empty state, its own ledger."""
    with DevServer() as dev:
        yield dev


# Recorded formations replayed offline (docs/recording.md): the meshkit_cassette fixture, its
# --meshkit-record-mode option and its marker. Needs the ``testing`` extra (vcrpy).
from meshkit import _cassette  # noqa: E402

meshkit_cassette = _cassette.meshkit_cassette
meshkit_cassette_config = _cassette.meshkit_cassette_config
pytest_addoption = _cassette.pytest_addoption
pytest_configure = _cassette.pytest_configure
