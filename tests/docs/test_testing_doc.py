"""docs/testing.md ("Testing your bot") keeps its promises: its file blocks are the files of the
example project examples/testing/, that project's tests pass when run as a user runs them (pytest
in a subprocess, in the project's directory), and every other Python block runs, in order, against
a dev server, printing what the page shows after it."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import meshkit
import pytest
from meshkit.devserver import DevServer

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "testing.md"
PROJECT = ROOT / "examples" / "testing"
FENCE = re.compile(r'^```(?P<lang>\w*)(?: title="(?P<title>[^"]+)")?\n(?P<body>.*?)^```\n', re.M | re.S)


def blocks() -> list[tuple[str, str | None, str]]:
    return [(m["lang"], m["title"], m["body"]) for m in FENCE.finditer(DOC.read_text())]


def test_the_pages_file_blocks_are_the_example_projects_files() -> None:
    titled = {title: body for _, title, body in blocks() if title}
    assert set(titled) == {"examples/testing/bot.py", "examples/testing/conftest.py", "examples/testing/test_bot.py"}
    for title, body in titled.items():
        assert body == (ROOT / title).read_text(), f"{title} differs from its block in docs/testing.md"


def test_the_example_project_passes_as_a_user_runs_it() -> None:
    env = {**os.environ, "PYTHONPATH": ""}
    env.pop("PYTEST_ADDOPTS", None)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q"], cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert re.search(r"\b6 passed\b", done.stdout), done.stdout[-1000:]
    assert "warning" not in done.stdout.lower(), done.stdout[-2000:]


def test_the_example_project_type_checks(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path), "."],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_other_python_block_runs_and_prints_what_the_page_shows(meshkit_fresh_dev_server: DevServer) -> None:
    namespace: dict[str, object] = {"dev": meshkit_fresh_dev_server, "meshkit": meshkit}
    page = [(lang, body) for lang, title, body in blocks() if not title and lang in ("python", "text")]
    ran = 0
    for index, (lang, body) in enumerate(page):
        if lang != "python":
            continue
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(body, f"docs/testing.md block {index}", "exec"), namespace)
        ran += 1
        shown = page[index + 1][1] if index + 1 < len(page) and page[index + 1][0] == "text" else ""
        assert printed.getvalue() == shown, f"block {index} printed {printed.getvalue()!r}"
    assert ran == 3


@pytest.fixture
def meshkit_fresh_dev_server() -> Iterator[DevServer]:
    with DevServer() as dev:
        yield dev
