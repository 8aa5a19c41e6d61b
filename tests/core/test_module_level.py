"""`meshkit.chat("Hello")` from the environment, with one shared client (the Mesh SDK style)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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


def test_the_public_names_are_listed_alike_for_users_type_checkers_and_the_lazy_loader() -> None:
    """``meshkit/__init__.py`` names each public name three times, because each reader needs its
    own form: ``__all__`` (a literal, which mypy's explicit re-export rule reads), the lazy table
    ``_EXPORTS`` (``import meshkit`` loads nothing), and the ``TYPE_CHECKING`` imports (types for
    editors). They must agree, and each entry must load from where the table says."""
    import ast
    import importlib

    import meshkit

    source = Path(meshkit.__file__).read_text()
    checking = next(
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    typed = {alias.name for node in checking.body if isinstance(node, ast.ImportFrom) for alias in node.names}
    table = meshkit._EXPORTS  # type: ignore[attr-defined]
    assert set(meshkit.__all__) == set(table) | {"__version__"} == typed | {"__version__"}
    for name, module in table.items():
        assert getattr(importlib.import_module(module), name) is getattr(meshkit, name), name
