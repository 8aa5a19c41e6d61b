"""The example project's fixtures: meshkit's dev server, and a Formation client on it."""

from __future__ import annotations

from collections.abc import Iterator

import meshkit
import pytest
from meshkit.devserver import DevServer

pytest_plugins = ["meshkit.testing"]


@pytest.fixture
def formation(meshkit_dev_server: DevServer) -> Iterator[meshkit.Formation]:
    """A client on the dev server; an answer must be complete within 1 s (the bot's deadline)."""
    dev = meshkit_dev_server
    timeout = meshkit.Timeout(10, total=1.0)
    with meshkit.Formation(url=dev.formation_url, client_key=dev.config.client_key, timeout=timeout) as client:
        yield client
