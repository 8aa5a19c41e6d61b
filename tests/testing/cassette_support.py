"""A user's test suite, run by a pytest of its own: how the meshkit_cassette tests meet the fixture
as users do (``pytest_plugins = ["meshkit.testing"]`` in their conftest.py, their own pytest run).

``tests/`` is no package: pytest's prepend import mode puts this directory on ``sys.path``, so the
tests here import this module as ``cassette_support``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MAKE_SERVE_URL = "http://127.0.0.1:7890"


def write_suite(directory: Path, files: dict[str, str]) -> Path:
    """A suite in ``directory``: a pytest.ini (strict markers) and the given files."""
    (directory / "pytest.ini").write_text("[pytest]\naddopts = --strict-markers\n")
    for name, text in files.items():
        (directory / name).write_text(text)
    return directory


def run_suite(suite: Path, *args: str, ci: bool, env: dict[str, str] | None = None) -> tuple[str, str]:
    """pytest on the suite: (its summary line, its whole output). ``ci`` sets ``CI=true``."""
    environ = {k: v for k, v in os.environ.items() if k not in ("CI", "MESHKIT_RECORD")}
    # Only the plugins the suite names (meshkit.testing), as in a user's virtualenv; and a faster start.
    environ.update(PYTHONDONTWRITEBYTECODE="1", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", **(env or {}))
    if ci:
        environ["CI"] = "true"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args]
    done = subprocess.run(command, cwd=suite, env=environ, capture_output=True, text=True, timeout=300, check=False)
    output = done.stdout + done.stderr
    return output.strip().splitlines()[-1], output
