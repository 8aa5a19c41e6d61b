"""The README's Python examples run, against a dev server standing in for `make serve`."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from meshkit.devserver import DevServer

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
MAKE_SERVE_URL = "http://127.0.0.1:7890"
# The sections whose runnable blocks a test below executes.
EXECUTED_SECTIONS = {
    "Formation quick start",
    "Server quick start",
    "Broker quick start",
    "Reliability",
    "Testing your code with meshkit",
}
# Each page's block markers: a python block without one on the line above fails the suite.
PAGE_MARKERS = {
    "README.md": r"<!-- (runnable|not-runnable: .+) -->",
    "docs/migration.md": r"<!-- (runnable|not-runnable: .+) -->",
    "docs/api-changes.md": r"<!-- api-changes:[a-z-]+ -->",
    "docs/recording.md": r"<!-- (runnable|not-runnable: .+) -->",  # run by tests/testing/test_recording_doc.py
    "docs/testing.md": r"<!-- runnable -->",  # run by tests/docs/test_testing_doc.py
    "docs/transports.md": r"<!-- runnable -->",  # run by tests/transports/test_transports_doc.py
}


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _python_blocks(section: str) -> list[str]:
    """The section's blocks marked runnable (every block is marked; see the test at the end)."""
    return re.findall(r"<!-- runnable -->\n```python\n(.*?)```", section, re.S)


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
    assert "AGENT_NOT_FOUND" in printed  # the runtime's code for an unknown agent


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


def test_the_testing_section_is_a_working_pytest_project(tmp_path: Path) -> None:
    conftest, tests = _python_blocks(_section("Testing your code with meshkit"))
    (tmp_path / "conftest.py").write_text(conftest, encoding="utf-8")
    (tmp_path / "test_my_bot.py").write_text(tests, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 passed" in done.stdout


def test_the_quick_starts_and_examples_type_check_with_no_any(tmp_path: Path) -> None:
    """mypy --strict --disallow-any-expr on each executed README section (its blocks in order, as
    one script) and on examples/: what users copy type-checks, and nothing meshkit hands them is Any."""
    scripts = []
    for title in sorted(EXECUTED_SECTIONS - {"Testing your code with meshkit"}):
        script = tmp_path / f"readme_{title.split()[0].lower()}.py"
        script.write_text("\n\n".join(_python_blocks(_section(title))), encoding="utf-8")
        scripts.append(str(script))
    mypy = [sys.executable, "-m", "mypy", "--strict", "--disallow-any-expr", "--no-incremental"]
    done = subprocess.run(
        # examples/testing/ is a pytest project (pytest's decorators are Any): docs/testing.md's test
        # checks it with mypy --strict.
        [*mypy, "--cache-dir", str(tmp_path / "cache"), *scripts, *map(str, sorted((ROOT / "examples").glob("*.py")))],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (
        f"no issues found in {len(scripts) + len(list((ROOT / 'examples').glob('*.py')))} source files" in done.stdout
    )


def _sections_with_runnable_blocks() -> set[str]:
    text = README.read_text(encoding="utf-8")
    sections = set()
    for match in re.finditer(r"<!-- runnable -->\n```python\n", text):
        heading = text.rfind("\n## ", 0, match.start())
        sections.add(text[heading + 4 : text.index("\n", heading + 1)])
    return sections


def test_every_runnable_readme_block_is_executed_by_a_test() -> None:
    assert _sections_with_runnable_blocks() == EXECUTED_SECTIONS


@pytest.mark.parametrize("page", sorted(PAGE_MARKERS))
def test_every_python_block_says_whether_it_runs(page: str) -> None:
    lines = (ROOT / page).read_text(encoding="utf-8").splitlines()
    unmarked = [
        number + 1
        for number, line in enumerate(lines)
        if line.strip() == "```python" and not re.fullmatch(PAGE_MARKERS[page], lines[number - 1].strip())
    ]
    assert unmarked == [], f"{page}: python blocks without a marker on the line above, at lines {unmarked}"


def test_every_page_with_python_blocks_has_its_markers_checked() -> None:
    pages = {str(path.relative_to(ROOT)) for path in [README, *ROOT.glob("docs/*.md"), *ROOT.glob("examples/*.md")]}
    with_blocks = {page for page in pages if "```python" in (ROOT / page).read_text(encoding="utf-8")}
    assert with_blocks <= set(PAGE_MARKERS)
