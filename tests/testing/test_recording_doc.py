"""docs/recording.md and the meshkit_cassette docstring run as written: their example suite records
from a dev server standing in for `make serve`, then replays with ``CI=true`` and the server stopped."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from cassette_support import MAKE_SERVE_URL, run_suite, write_suite
from meshkit.devserver import DevServer
from meshkit.testing import meshkit_cassette

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "recording.md"


def files_of(blocks: list[str], url: str) -> dict[str, str]:
    """Each block is a file, named by its first line (``# test_bot.py``)."""
    files = {}
    for block in blocks:
        first, _, rest = block.partition("\n")
        files[first.removeprefix("# ").strip()] = rest.replace(MAKE_SERVE_URL, url)
    return files


def record_then_replay(directory: Path, blocks: list[str], tests: int) -> list[Path]:
    """The suite recorded (server up, local default ``once``) and replayed (server gone, CI=true)."""
    with DevServer() as dev:
        suite = write_suite(directory, files_of(blocks, dev.url))
        summary, output = run_suite(suite, ci=False)
        assert summary.startswith(f"{tests} passed"), output
        assert sum(dev.accepted()["chats"].values()) >= tests
    summary, output = run_suite(suite, ci=True)
    assert summary.startswith(f"{tests} passed"), output
    return sorted((suite / "cassettes").rglob("*.yaml"))


def test_the_recording_page_s_suite_records_then_replays_offline(tmp_path: Path) -> None:
    blocks = re.findall(r"<!-- runnable -->\n```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S)
    assert [block.partition("\n")[0] for block in blocks] == ["# conftest.py", "# test_bot.py"]
    cassettes = record_then_replay(tmp_path, blocks, tests=2)
    assert [path.name for path in cassettes] == ["test_greets.yaml", "test_greets_async.yaml"]
    assert "alice" not in cassettes[0].read_text()  # chat(..., user_id="alice"), scrubbed


def test_the_fixture_s_docstring_example_records_then_replays_offline(tmp_path: Path) -> None:
    doc = meshkit_cassette.__doc__ or ""
    example = textwrap.dedent(doc[doc.index("::\n") + 3 :])
    blocks = ["# " + block.strip() + "\n" for block in example.split("# ")[1:]]
    assert [block.partition("\n")[0] for block in blocks] == ["# conftest.py", "# test_bot.py"]
    cassettes = record_then_replay(tmp_path, blocks, tests=1)
    assert [path.name for path in cassettes] == ["test_greets.yaml"]
