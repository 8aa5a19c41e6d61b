"""The README's Python examples run, against a dev server standing in for `make serve`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from meshkit.devserver import DevServer

README = Path(__file__).resolve().parent.parent / "README.md"
MAKE_SERVE_URL = "http://127.0.0.1:7890"


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _python_blocks(section: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_the_formation_quick_start_runs_top_to_bottom(
    meshkit_fresh_dev_server: DevServer, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = _python_blocks(_section("Formation quick start"))
    assert len(blocks) >= 7
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block.replace(MAKE_SERVE_URL, meshkit_fresh_dev_server.url), "README.md", "exec"), namespace)
    printed = capsys.readouterr().out
    assert "You said: Hello!" in printed
    assert "You said: Tell me a story" in printed
    assert "user: Remember: I like tea" in printed
    assert "assistant researcher" not in printed and "researcher Researcher" in printed
    assert "RESOURCE_NOT_FOUND" in printed


def test_the_server_quick_start_runs(meshkit_fresh_dev_server: DevServer, capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, object] = {}
    for block in _python_blocks(_section("Server quick start")):
        exec(compile(block.replace(MAKE_SERVE_URL, meshkit_fresh_dev_server.url), "README.md", "exec"), namespace)
    printed = capsys.readouterr().out
    assert "extracting:" in printed and "running on port" in printed
    assert "You said: Hello!" in printed
    assert "my-bot running" in printed


def test_the_broker_quick_start_runs(meshkit_fresh_dev_server: DevServer, capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, object] = {}
    for block in _python_blocks(_section("Broker quick start")):
        exec(compile(block.replace(MAKE_SERVE_URL, meshkit_fresh_dev_server.url), "README.md", "exec"), namespace)
    printed = capsys.readouterr().out
    assert "Processed in" in printed and "Tokens used: 3.0" in printed


def test_the_reliability_example_runs(meshkit_fresh_dev_server: DevServer, capsys: pytest.CaptureFixture[str]) -> None:
    for block in _python_blocks(_section("Reliability")):
        exec(compile(block.replace(MAKE_SERVE_URL, meshkit_fresh_dev_server.url), "README.md", "exec"), {})
    assert "You said: Hello!" in capsys.readouterr().out
