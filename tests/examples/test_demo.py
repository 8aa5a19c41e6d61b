"""`make demo`'s launcher, run as a user would: it starts a server, walks every step, stops it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from meshkit.devserver import DevServer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_demo_walks_every_step_and_stops_its_server() -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "run_demo.py")], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    for line in (
        "dev server started on http://127.0.0.1:",
        "== blocking chat\nYou said: Hello!\nok",
        "You said: Tell me a story",
        "assistant: You said: Remember: I like tea",
        "You said: Hi, I am Alice",
        "running on port",
        "You said: Hello, bot!",
        "messages total: 3",
        "7/7 steps passed",
        "dev server stopped",
    ):
        assert line in out


def test_a_failing_step_makes_the_demo_exit_non_zero(meshkit_fresh_dev_server: DevServer) -> None:
    dev = meshkit_fresh_dev_server
    env = {
        **os.environ,
        "MUXI_FORMATION_URL": dev.formation_url,
        "MUXI_CLIENT_KEY": "fmc_wrong",
        "MUXI_SERVER_URL": dev.url,
        "MUXI_KEY_ID": dev.config.key_id,
        "MUXI_SECRET_KEY": dev.config.secret_key,
        "AIMESH_URL": dev.broker_url,
    }
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "demo.py")], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 1
    assert "FAILED: 401 UNAUTHORIZED" in done.stderr
    assert "fmc_wrong" not in done.stdout + done.stderr
    assert "== broker quick start" in done.stdout  # later steps still ran
