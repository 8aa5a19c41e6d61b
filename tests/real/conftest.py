"""The real-runtime tier (``make test-real``): fixtures that start the real MUXI formation runtime.

This directory is collected only when it is named on the command line (``pytest tests/real``), so
``make test`` (pytest over ``tests/``) never starts the runtime. Backends: PostgreSQL (multi-user,
always) and SQLite (single-user; ``MESHKIT_REAL_BACKENDS=postgres`` leaves it out).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))


def _named_on_command_line(config: pytest.Config) -> bool:
    for arg in config.args:
        target = Path(arg.split("::", 1)[0]).resolve()
        if target == HERE or HERE in target.parents:
            return True
    return False


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if (collection_path == HERE or HERE in collection_path.parents) and not _named_on_command_line(config):
        return True
    return None


def backends() -> list[str]:
    return [b.strip() for b in os.environ.get("MESHKIT_REAL_BACKENDS", "postgres,sqlite").split(",") if b.strip()]


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """A SIGTERM to pytest unwinds like Ctrl-C, so the fixtures below stop what they started."""

    def interrupt(*_: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@pytest.fixture(scope="session")
def recorder() -> Iterator[Any]:
    import recording as module

    recording = module.Recorder()
    yield recording
    if recording.answers:  # the scenarios' answers, next to the probe's
        recording.write(module.ANSWERS_DIR / "scenarios")


@pytest.fixture(scope="session")
def stack() -> Iterator[Any]:
    """The real runtime on PostgreSQL (multi-user), with the stub LLM."""
    from harness import running_stack

    with _sigterm_as_interrupt(), running_stack("postgres") as running:
        yield running


@pytest.fixture(scope="session")
def sqlite_stack() -> Iterator[Any]:
    """The real runtime on SQLite (single-user), with the stub LLM."""
    if "sqlite" not in backends():
        pytest.skip("MESHKIT_REAL_BACKENDS leaves SQLite out")
    from harness import running_stack

    with _sigterm_as_interrupt(), running_stack("sqlite") as running:
        yield running


def make_formation(stack: Any, recorder: Any, **options: Any) -> Any:
    from meshkit import Formation

    return Formation(
        url=stack.url,
        client_key=stack.client_key,
        admin_key=stack.admin_key,
        http_client=recorder.client(),
        max_retries=0,
        **options,
    )


def make_async_formation(stack: Any, recorder: Any, **options: Any) -> Any:
    from meshkit import AsyncFormation

    return AsyncFormation(
        url=stack.url,
        client_key=stack.client_key,
        admin_key=stack.admin_key,
        http_client=recorder.async_client(),
        max_retries=0,
        **options,
    )


@pytest.fixture(scope="session")
def formation(stack: Any, recorder: Any) -> Iterator[Any]:
    """meshkit's Formation on the real runtime; every answer goes to the recorder."""
    client = make_formation(stack, recorder)
    yield client
    client.close()


@pytest.fixture(scope="session")
def probed(stack: Any) -> Any:
    """Every formation operation called once (tests/real/probe.py), with its own recorder."""
    import recording as module
    from probe import run_probe

    recording = module.Recorder()
    client = make_formation(stack, recording)
    try:
        outcomes = run_probe(client)
    finally:
        client.close()
    recording.write()
    module.LAST = recording
    if os.environ.get("MESHKIT_REAL_RECORD"):  # as make record-real does, from this run's probe
        import runtime_fixtures

        runtime_fixtures.write(runtime_fixtures.calls(recording.answers), runtime_fixtures.installed_runtime_version())
    return _Probed(outcomes, recording)


class _Probed:
    def __init__(self, outcomes: list[Any], recorder: Any) -> None:
        self.outcomes = outcomes
        self.recorder = recorder


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """schemathesis runs last: its generated calls (clear the audit log, replace MUXI.md…) change
    the formation the other tests share."""
    items.sort(key=lambda item: item.path.name == "test_schemathesis.py")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    fuzz = sys.modules.get("test_schemathesis")
    if fuzz is not None and fuzz.RESULTS:
        failed = {name: found for name, found in sorted(fuzz.RESULTS.items()) if found}
        terminalreporter.write_sep("-", "schemathesis")
        terminalreporter.write_line(f"schemathesis: {len(fuzz.RESULTS)} operations, {len(failed)} failures")
        for name, found in failed.items():
            terminalreporter.write_line(
                f"  {name}: {found[0][:240]}" + (f" (+{len(found) - 1})" if len(found) > 1 else "")
            )
    recording = sys.modules.get("recording")
    if recording is None:
        return
    session_recorder = getattr(recording, "LAST", None)
    if session_recorder is not None and session_recorder.answers:
        terminalreporter.write_sep("-", "real runtime")
        terminalreporter.write_line(session_recorder.summary())
        terminalreporter.write_line(f"answers recorded in {recording.ANSWERS_DIR}")
