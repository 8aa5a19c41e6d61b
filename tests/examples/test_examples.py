"""Every quick-start script in examples/ runs, as a user would, against a dev server of its own.

A new example needs an entry in EXPECTED (the lines it must print), or its test fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from meshkit.devserver import DevServer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NOT_QUICK_STARTS = {"demo.py", "run_demo.py"}  # `make demo`, covered by test_demo.py
SCRIPTS = sorted(path for path in EXAMPLES.glob("*.py") if path.name not in NOT_QUICK_STARTS)
TIMEOUT = 60

EXPECTED: dict[str, list[str]] = {
    "formation_chat.py": [
        "You said: Hello!",
        "user: Remember: I like tea\nassistant: You said: Remember: I like tea\nuser: What do I like?",
        "You said: Hi, I am Alice\nalice's sessions: 1",
        "not found: AGENT_NOT_FOUND Agent 'nobody' not found",
    ],
    "formation_streaming.py": [
        "You said: Tell me a story\n",
        "6 tokens, whole answer: You said: Tell me a story",
    ],
    "formation_async.py": [
        "Hello! -> You said: Hello!\nHow are you? -> You said: How are you?\nGoodbye! -> You said: Goodbye!",
        "You said: Tell me a story\n",
    ],
    "server_deploy.py": [
        "extracting: Extracting bundle...",
        "running on port ",
        "You said: Hello, bot!",
        "hello-bot: running on port ",
        "removed hello-bot; formations left: 0",
    ],
    "broker_quickstart.py": [
        "message 0: success, 4 tokens in ",
        "message 2: success, 4 tokens in ",
        "budget used: 0.12%",
        "messages total: 3, tokens consumed: 12",
    ],
}


def _env(dev: DevServer, **changes: str) -> dict[str, str]:
    """The environment the examples read, pointing at ``dev``; nothing inherited from the caller."""
    inherited = {k: v for k, v in os.environ.items() if not k.startswith(("MUXI_", "AIMESH_", "MESHKIT_"))}
    return {
        **inherited,
        "MUXI_FORMATION_URL": dev.formation_url,
        "MUXI_CLIENT_KEY": dev.config.client_key,
        "MUXI_ADMIN_KEY": dev.config.admin_key,
        "MUXI_SERVER_URL": dev.url,
        "MUXI_KEY_ID": dev.config.key_id,
        "MUXI_SECRET_KEY": dev.config.secret_key,
        "AIMESH_URL": dev.broker_url,
        **({"AIMESH_API_KEY": dev.config.broker_key} if dev.config.broker_key else {}),
        "PYTHONUNBUFFERED": "1",
        **changes,
    }


def _run(script: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=TIMEOUT, check=False
    )


def test_the_quick_start_examples_are_found() -> None:
    assert {path.name for path in SCRIPTS} >= set(EXPECTED), "an expectation names a script that is gone"


@pytest.mark.parametrize("script", SCRIPTS, ids=[path.stem for path in SCRIPTS])
def test_the_example_runs_against_the_dev_server(script: Path, meshkit_fresh_dev_server: DevServer) -> None:
    expected = EXPECTED.get(script.name)
    if expected is None:
        pytest.fail(f"examples/{script.name} has no expected output: add it to EXPECTED in {Path(__file__).name}")
    done = _run(script, _env(meshkit_fresh_dev_server))
    assert done.returncode == 0, done.stdout + done.stderr
    for line in expected:
        assert line in done.stdout, f"{line!r} not in the output:\n{done.stdout}"


@pytest.fixture(scope="module")
def locked_dev_server() -> Iterator[DevServer]:
    """A dev server whose broker wants a key too, so every example can be given a wrong one."""
    with DevServer(broker_key="brk_right") as dev:
        yield dev


@pytest.mark.parametrize("script", SCRIPTS, ids=[path.stem for path in SCRIPTS])
def test_the_example_exits_non_zero_with_the_error_message(script: Path, locked_dev_server: DevServer) -> None:
    wrong = {"MUXI_CLIENT_KEY": "fmc_wrong", "MUXI_SECRET_KEY": "sk_wrong", "AIMESH_API_KEY": "brk_wrong"}
    done = _run(script, _env(locked_dev_server, **wrong))
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr.startswith("error: 401 "), done.stderr
    assert "Traceback" not in done.stderr
    assert not any(key in done.stdout + done.stderr for key in wrong.values())
