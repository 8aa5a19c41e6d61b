"""Start and stop the real-runtime stack: stub LLM, throwaway PostgreSQL, the MUXI runtime.

Used by tests/real/conftest.py; also runnable by hand to poke at a real formation:

    .venv/bin/python tests/real/harness.py [--backend sqlite|postgres]   # prints URL and keys; Ctrl-C stops all

Every process is started in its own process group and stopped with SIGTERM, then SIGKILL, whatever
happens to the caller (success, failure, Ctrl-C). PostgreSQL daemonises, so its postmaster is also
stopped by pid as a last resort. Everything listens on 127.0.0.1 (PostgreSQL on a unix socket only),
and the runtime's outgoing HTTP goes to a dead loopback proxy unless it is for 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RUNTIME_PYTHON = ROOT / ".venv-runtime" / "bin" / "python"
FORMATION_SOURCE = HERE / "formation"
ADMIN_KEY = "fma_real_not_a_secret"
CLIENT_KEY = "fmc_real_not_a_secret"
RUNTIME_VERSION = "1.20260928.0"
STARTUP_TIMEOUT = float(os.environ.get("MESHKIT_REAL_STARTUP_TIMEOUT", "120"))


def _die_with_parent() -> None:
    """In the child, before exec: SIGTERM when the process that started it dies (Linux), so even a
    SIGKILLed pytest leaves nothing behind (run_postgres.py stops PostgreSQL on SIGTERM)."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


@contextlib.contextmanager
def _no_interrupts() -> Iterator[None]:
    """A second Ctrl-C must not cut the clean-up short."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, timeout: float = 2.0) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except OSError:
        return 0


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@dataclass
class Process:
    """A child in its own process group, its output in a log file."""

    name: str
    popen: subprocess.Popen[bytes]
    log: Path

    @classmethod
    def start(
        cls, name: str, argv: list[str], log: Path, env: dict[str, str] | None = None, stdout_pipe: bool = False
    ) -> Process:
        handle = open(log, "wb")  # noqa: SIM115 (the child keeps it; closed with the process)
        popen = subprocess.Popen(
            argv,
            stdout=subprocess.PIPE if stdout_pipe else handle,
            stderr=handle,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=log.parent,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        handle.close()
        return cls(name, popen, log)

    def alive(self) -> bool:
        return self.popen.poll() is None

    def stop(self, grace: float = 15.0) -> None:
        if self.popen.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(grace)
        # The group may outlive its leader (workers); make sure nothing is left.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(5)
        if self.popen.stdout is not None:
            self.popen.stdout.close()

    def read_line(self, timeout: float) -> str:
        """One line of the child's stdout (stdout_pipe=True), or raise after ``timeout`` s."""
        assert self.popen.stdout is not None
        deadline = time.monotonic() + timeout
        buffer = b""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.popen.stdout], [], [], 0.2)
            if ready:
                chunk = os.read(self.popen.stdout.fileno(), 4096)
                if not chunk:
                    break
                buffer += chunk
                if b"\n" in buffer:
                    return buffer.split(b"\n", 1)[0].decode()
            elif not self.alive():
                break
        raise RuntimeError(f"{self.name} printed nothing usable within {timeout} s:\n{_tail(self.log)}")


@dataclass
class Stack:
    """What a running real formation offers the tests."""

    backend: str
    url: str  # the formation's base URL; its API is under /v1
    admin_key: str
    client_key: str
    workdir: Path
    stub_url: str
    stub_log: Path
    runtime_log: Path
    processes: list[Process] = field(default_factory=list)


def runtime_env(home: Path, stub_url: str) -> dict[str, str]:
    """The runtime's environment: offline, its OpenAI provider on the stub, HOME inside the run."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    dead_proxy = "http://127.0.0.1:9"  # discard port: anything not for loopback fails at once
    env.update(
        HOME=str(home),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_RUNTIME_DIR=str(home / ".run"),
        ONELLM_PROVIDERS__OPENAI__API_BASE=stub_url,
        ONELLM_PROVIDERS__OPENAI__MAX_RETRIES="0",
        OPENAI_API_KEY="sk-stub-not-a-secret",
        OPENAI_BASE_URL=stub_url,
        MUXI_TELEMETRY="0",
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        NO_COLOR="1",
        PYTHONUNBUFFERED="1",
        HTTP_PROXY=dead_proxy,
        HTTPS_PROXY=dead_proxy,
        ALL_PROXY=dead_proxy,
        http_proxy=dead_proxy,
        https_proxy=dead_proxy,
        all_proxy=dead_proxy,
        NO_PROXY="127.0.0.1,localhost",
        no_proxy="127.0.0.1,localhost",
    )
    return env


def _stop_postmaster(pgdata: Path) -> None:
    """Last resort: PostgreSQL daemonises, so stop its postmaster by the pid it wrote."""
    pid_file = pgdata / "postmaster.pid"
    with contextlib.suppress(OSError, ValueError):
        pid = int(pid_file.read_text().splitlines()[0])
        os.kill(pid, signal.SIGQUIT)  # immediate shutdown
        for _ in range(50):
            os.kill(pid, 0)
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)


def _prepare_formation(workdir: Path, connection_string: str, stub_url: str) -> Path:
    """Copy the formation and fill in its placeholders (written in capitals)."""
    target = workdir / "formation"
    shutil.copytree(FORMATION_SOURCE, target)
    values = {
        "CONNECTION_STRING": connection_string,
        "STUB_URL": stub_url.removesuffix("/v1"),
        "RUNTIME_PYTHON": str(RUNTIME_PYTHON),
        "FORMATION_DIR": str(target),
    }
    for path in target.rglob("*.afs"):
        text = path.read_text()
        for name, value in values.items():
            text = text.replace(name, value)
        path.write_text(text)
    return target


def check_runtime_venv() -> None:
    if not RUNTIME_PYTHON.exists():
        raise RuntimeError(f"{RUNTIME_PYTHON} is missing: run `make test-real` (it creates .venv-runtime/)")


@contextlib.contextmanager
def running_stack(backend: str = "postgres", workdir: Path | None = None) -> Iterator[Stack]:
    """Start stub LLM, database (PostgreSQL only) and runtime; stop them all on the way out."""
    check_runtime_venv()
    own_dir = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix=f"meshkit-real-{backend}-")) if workdir is None else workdir
    workdir.mkdir(parents=True, exist_ok=True)
    home = workdir / "home"
    (home / ".run").mkdir(parents=True, exist_ok=True)
    processes: list[Process] = []
    pgdata = workdir / "pgdata"
    try:
        stub_port = free_port()
        stub_url = f"http://127.0.0.1:{stub_port}/v1"
        stub_log = workdir / "stub_llm.log"
        stub = Process.start(
            "stub LLM",
            [sys.executable, str(HERE / "stub_llm.py"), "--port", str(stub_port), "--log", str(workdir / "llm.jsonl")],
            stub_log,
        )
        processes.append(stub)
        deadline = time.monotonic() + 15
        while _get(f"{stub_url}/models") != 200:
            if not stub.alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the stub LLM did not start:\n{_tail(stub_log)}")
            time.sleep(0.1)

        if backend == "postgres":
            postgres = Process.start(
                "PostgreSQL",
                [str(RUNTIME_PYTHON), str(HERE / "run_postgres.py"), str(pgdata), "muxi"],
                workdir / "postgres.log",
                env={**os.environ, "XDG_RUNTIME_DIR": str(home / ".run")},
                stdout_pipe=True,
            )
            processes.append(postgres)
            connection_string = json.loads(postgres.read_line(60))["uri"]
        elif backend == "sqlite":
            connection_string = str(workdir / "formation" / "memory.db")
        else:
            raise ValueError(f"unknown backend {backend!r} (postgres or sqlite)")

        formation_dir = _prepare_formation(workdir, connection_string, stub_url)
        port = free_port()
        runtime_log = workdir / "runtime.log"
        runtime = Process.start(
            "runtime",
            [str(RUNTIME_PYTHON), str(HERE / "run_runtime.py"), str(formation_dir), "--port", str(port)],
            runtime_log,
            env=runtime_env(home, stub_url),
        )
        processes.append(runtime)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while _get(f"{url}/v1/health") != 200:
            if not runtime.alive():
                raise RuntimeError(f"the runtime exited during startup:\n{_tail(runtime_log, 80)}")
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"the runtime did not answer /v1/health within {STARTUP_TIMEOUT} s:\n{_tail(runtime_log)}"
                )
            time.sleep(0.25)
        yield Stack(backend, url, ADMIN_KEY, CLIENT_KEY, workdir, stub_url, stub_log, runtime_log, processes)
    finally:
        with _no_interrupts():
            for process in reversed(processes):
                process.stop()
            if backend == "postgres":
                _stop_postmaster(pgdata)
            if own_dir and not os.environ.get("MESHKIT_REAL_KEEP"):
                shutil.rmtree(workdir, ignore_errors=True)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Run the real-runtime stack until Ctrl-C.")
    parser.add_argument("--backend", choices=["postgres", "sqlite"], default="postgres")
    args = parser.parse_args()
    started = time.monotonic()
    with running_stack(args.backend) as stack:
        print(f"formation {stack.url} ({stack.backend}) up in {time.monotonic() - started:.1f} s")
        print(f"  admin key {stack.admin_key}  client key {stack.client_key}")
        print(f"  logs in {stack.workdir}")
        with contextlib.suppress(KeyboardInterrupt):
            while all(p.alive() for p in stack.processes):
                time.sleep(0.5)
    print("stopped")


if __name__ == "__main__":
    main()
