"""docs/transports.md keeps its promises: each runnable block, run as a user runs it (a script in a
fresh interpreter, its URL and key from the environment) against a dev server, prints the text
block the page shows after it."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from meshkit.devserver import DevServer

DOC = Path(__file__).resolve().parents[2] / "docs" / "transports.md"
RUNNABLE = re.compile(r"<!-- runnable -->\n```python\n(?P<code>.*?)```\n\n```text\n(?P<shown>.*?)```", re.S)
# What each block needs installed, by what it imports.
NEEDS = {"httpx2.alias_httpx()": "httpx2", "import httpx_aiohttp": "httpx_aiohttp"}


def runnable_blocks() -> list[tuple[str, str]]:
    return [(m["code"], m["shown"]) for m in RUNNABLE.finditer(DOC.read_text(encoding="utf-8"))]


def test_every_python_block_is_runnable_and_shows_its_output() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert text.count("```python") == len(runnable_blocks()) == 2


@pytest.mark.parametrize("index", range(2), ids=["httpx2", "aiohttp"])
def test_the_block_prints_what_the_page_shows(index: int, meshkit_dev_server: DevServer, tmp_path: Path) -> None:
    code, shown = runnable_blocks()[index]
    for marker, module in NEEDS.items():
        if marker in code and importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed")
    script = tmp_path / "block.py"
    script.write_text(code, encoding="utf-8")
    env = {
        **os.environ,
        "MUXI_FORMATION_URL": meshkit_dev_server.formation_url,
        "MUXI_CLIENT_KEY": meshkit_dev_server.config.client_key,
        "MUXI_ADMIN_KEY": meshkit_dev_server.config.admin_key,
    }
    done = subprocess.run(
        [sys.executable, str(script)], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
    )

    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout == shown
