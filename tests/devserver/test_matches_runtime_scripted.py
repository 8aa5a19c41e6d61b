"""Scripted answers are the runtime's answers too (issue 19): the differential test of
test_matches_runtime.py, run again with every chat of the probe answered by a script, still finds
only the differences runtime_differences.yaml lists.

The script plays a thinking step, a tool call and a text (the steps a user scripts most), so the
probe's blocking chats, streams and the sessions they leave are all built from scripted answers,
compared with what the real runtime answered to the same calls.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parents[1] / "real"
if str(REAL) not in sys.path:
    sys.path.insert(0, str(REAL))

import runtime_fixtures  # noqa: E402
from meshkit.testing import Answer  # noqa: E402
from test_matches_runtime import RECORDED, allowlist, probe_dev_server  # noqa: E402

SCRIPTED = Answer().thinking("Looking it up").tool_call({"name": "lookup"}).text("A scripted answer.")


@pytest.fixture(scope="module")
def scripted_differences() -> dict[str, list[str]]:
    scripts = []  # every chat of the probe answered by the script
    answers = probe_dev_server(lambda dev: scripts.append(dev.script(SCRIPTED, times=None)))
    assert scripts[0].used > 0, "the probe's chats did not meet the script"
    return runtime_fixtures.differences(RECORDED, answers)


@pytest.mark.parametrize("operation", sorted(RECORDED))
def test_a_scripted_formation_answers_like_the_runtime(
    operation: str, scripted_differences: dict[str, list[str]]
) -> None:
    allowed = list((allowlist().get(operation) or {}).get("differences") or [])
    unlisted = [line for line in scripted_differences.get(operation, []) if line not in allowed]
    assert not unlisted, f"a scripted answer differs from the runtime's ({operation}):\n  " + "\n  ".join(unlisted)
