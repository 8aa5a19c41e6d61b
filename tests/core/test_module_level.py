"""`meshkit.chat("Hello")` from the environment, with one shared client (the Mesh SDK style)."""

from __future__ import annotations

from collections.abc import Iterator

import meshkit
import pytest
from meshkit.devserver import DevServer


@pytest.fixture
def configured(meshkit_dev_server: DevServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[DevServer]:
    monkeypatch.setenv("MUXI_FORMATION_URL", meshkit_dev_server.formation_url)
    monkeypatch.setenv("MUXI_CLIENT_KEY", meshkit_dev_server.config.client_key)
    meshkit.close()
    yield meshkit_dev_server
    meshkit.close()


def test_chat_and_chat_stream_from_the_environment(configured: DevServer) -> None:
    assert meshkit.chat("Hello").text == "You said: Hello"
    with meshkit.chat_stream("Hi there") as stream:
        assert "".join(event.text for event in stream) == "You said: Hi there"


def test_one_client_is_created_and_reused(configured: DevServer) -> None:
    from meshkit._default import default_formation

    first = default_formation()
    meshkit.chat("one")
    assert default_formation() is first
    meshkit.close()
    assert default_formation() is not first


def test_without_configuration_the_error_says_what_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("MUXI_FORMATION_URL", "MUXI_SERVER_URL", "MUXI_FORMATION_ID"):
        monkeypatch.delenv(name, raising=False)
    meshkit.close()
    with pytest.raises(meshkit.ConfigurationError, match="MUXI_FORMATION_URL"):
        meshkit.chat("Hello")


def test_import_meshkit_stays_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, meshkit; print(sorted(m for m in ('httpx', 'meshkit._generated', 'tenacity') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"
