"""The dev server answers like the real runtime: the differential test (issue 13, part 3).

``make record-real`` recorded the real runtime's (muxi-runtime, see
tests/fixtures/real-runtime/_runtime.json) answers to the probe scenario, tests/real/probe.py, as
scrubbed fixtures. Here the SAME scenario runs against an in-process ``meshkit.devserver`` and each
recorded call is compared with the dev server's answer to the same call: status code, media type,
the keys at every level, the JSON types of values (lists by their first item) and, for an event
stream, the sequence of SSE event names (tests/real/runtime_fixtures.py).

A difference fails unless ``runtime_differences.yaml`` lists it, under its operation, with a reason;
an entry that no longer differs fails too, so the list only shrinks. To see the current
differences as allowlist entries: ``.venv/bin/python tests/devserver/test_matches_runtime.py``
(``--write`` writes them to the file, keeping each entry's reason unless it is "not yet aligned").
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "real"
if str(REAL) not in sys.path:
    sys.path.insert(0, str(REAL))

import runtime_fixtures  # noqa: E402
from meshkit import Formation  # noqa: E402
from meshkit.devserver import DevServer  # noqa: E402
from probe import run_probe  # noqa: E402
from recording import FORMATION_OPERATIONS, Recorder  # noqa: E402

ALLOWLIST = Path(__file__).resolve().parent / "runtime_differences.yaml"
RECORDED = runtime_fixtures.load()


def allowlist() -> dict[str, dict[str, Any]]:
    loaded = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8")) or {}
    assert isinstance(loaded, dict), f"{ALLOWLIST.name}: a mapping of operation → {{reason, differences}}"
    return loaded


def probe_dev_server(prepare: Callable[[DevServer], object] | None = None) -> dict[str, dict[int, dict[str, Any]]]:
    """The probe's calls answered by an in-process dev server (``prepare`` arms it first)."""
    recorder = Recorder()
    with DevServer() as dev:
        if prepare is not None:
            prepare(dev)
        formation = Formation(
            url=dev.formation_url,
            client_key=dev.config.client_key,
            admin_key=dev.config.admin_key,
            http_client=recorder.client(),
            max_retries=0,
        )
        with formation:
            run_probe(formation)
    return runtime_fixtures.all_calls(recorder.answers)


@pytest.fixture(scope="module")
def differences() -> Iterator[dict[str, list[str]]]:
    yield runtime_fixtures.differences(RECORDED, probe_dev_server())


def test_the_recording_is_there() -> None:
    assert RECORDED, "tests/fixtures/real-runtime/ is empty: run make record-real"
    unknown = sorted(set(RECORDED) - set(FORMATION_OPERATIONS))
    assert not unknown, f"recorded operations the spec no longer has (run make record-real): {unknown}"


def test_every_allowlist_entry_has_a_reason() -> None:
    for name, entry in allowlist().items():
        assert name in RECORDED, f"{ALLOWLIST.name}: {name} is not a recorded operation"
        assert isinstance(entry, dict) and str(entry.get("reason", "")).strip(), f"{name}: no reason"
        assert entry.get("differences"), f"{name}: list the differences it allows"


@pytest.mark.parametrize("operation", sorted(RECORDED))
def test_the_dev_server_answers_like_the_runtime(operation: str, differences: dict[str, list[str]]) -> None:
    found = differences.get(operation, [])
    entry = allowlist().get(operation) or {}
    allowed = list(entry.get("differences") or [])
    unlisted = [line for line in found if line not in allowed]
    gone = [line for line in allowed if line not in found]
    message = []
    if unlisted:
        message.append(
            f"the dev server's answer differs from the runtime's ({operation}), and {ALLOWLIST.name} does not "
            "list it: align the dev server (clients/meshkit/devserver/) or list it with a reason:\n  "
            + "\n  ".join(unlisted)
        )
    if gone:
        message.append(
            f"{ALLOWLIST.name} lists differences of {operation} that are gone: remove them"
            + (" (and the entry)" if not found else "")
            + ":\n  "
            + "\n  ".join(gone)
        )
    assert not message, "\n".join(message)


def main() -> None:
    """Print the current differences as allowlist entries: a listed entry keeps its reason, unless
    that is "not yet aligned: …", which is rewritten from what differs now."""
    found = runtime_fixtures.differences(RECORDED, probe_dev_server())
    listed = allowlist() if ALLOWLIST.exists() else {}
    out = {}
    for name, lines in sorted(found.items()):
        reason = str((listed.get(name) or {}).get("reason") or "")
        if not reason or reason.startswith("not yet aligned"):
            reason = f"not yet aligned: {_what(lines)}"
        out[name] = {"reason": reason, "differences": lines}
    text = yaml.safe_dump(out, sort_keys=False, allow_unicode=True, width=110)
    if "--write" in sys.argv:  # the file's own comment block stays
        header = "".join(line for line in ALLOWLIST.read_text().splitlines(True) if line.startswith("#"))
        ALLOWLIST.write_text(header + text, encoding="utf-8")
    print(text, end="")


def _what(lines: list[str]) -> str:
    return "; ".join(
        line.split(": ", 1)[1] if line.split(" ", 1)[0].endswith(":") else line.split(" ", 1)[1] for line in lines
    )


if __name__ == "__main__":
    main()
