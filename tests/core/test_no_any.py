"""No ``Any`` leaks from meshkit's public API (issue 16): mypy ``--strict --disallow-any-expr`` on a
typed user's script that touches every façade, sync and async, their results, streams, events,
errors, ``ops`` and raw responses (``tests/fixtures/typed_user_script.py``). Free-form values
(event payloads, error bodies, a chat's content) are typed ``meshkit.JSON``, to narrow with
``isinstance``; the async ``ops`` return ``Coroutine[object, None, T]``, which
``asyncio.create_task`` takes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "fixtures" / "typed_user_script.py"


def test_a_typed_user_script_sees_no_any_from_meshkit(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--disallow-any-expr",
            "--no-incremental",
            "--follow-imports=silent",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(SCRIPT),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout
    assert "Success: no issues found in 1 source file" in result.stdout
