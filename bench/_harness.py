"""Shared pieces of meshkit's benchmarks: the dev server in its own process, interleaved rounds,
and one result row per benchmark.

Never imported by the test suite (pytest's ``testpaths`` is ``tests``); run ``make bench``.
"""

from __future__ import annotations

import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# MESHKIT_BENCH_HTTPX2=1: every row on httpx2. `import httpx` resolves to it in this process (run.py
# imports this module before any benchmark imports httpx) and, through httpx2_site/sitecustomize.py
# on PYTHONPATH, in every subprocess a benchmark starts.
HTTPX2 = os.environ.get("MESHKIT_BENCH_HTTPX2") == "1"
if HTTPX2:
    import httpx2

    httpx2.alias_httpx()  # raises if httpx was imported already: the rows would not be on httpx2
    print(f"benchmarks on httpx2 {httpx2.__version__} (MESHKIT_BENCH_HTTPX2=1)", file=sys.stderr, flush=True)
    _SITE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "httpx2_site")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (_SITE, os.environ.get("PYTHONPATH")) if p)

import httpx  # noqa: E402 (after the alias)

CLIENT_KEY = "fmc_dev_not_a_secret"  # the dev server's fake default keys (printed in its banner)
ADMIN_KEY = "fma_dev_not_a_secret"


def formation_headers(*, accept: str) -> dict[str, str]:
    """What every meshkit formation request carries besides its idempotency key: the SDK
    identification the contract asks of every MUXI client ("SDK identification"), the client key
    and Accept. The baselines send the same, so both arms do the same wire work."""
    from meshkit._core.config import identification_headers

    return {**identification_headers(None, muxi=True), "X-MUXI-CLIENT-KEY": CLIENT_KEY, "Accept": accept}


def idempotency_key() -> str:
    """A fresh key per logical call, as meshkit makes one (uuid4)."""
    return str(uuid.uuid4())


@contextmanager
def recorded_headers(http: httpx.Client | httpx.AsyncClient) -> Iterator[list[dict[str, int]]]:
    """Each request's header names → value lengths while the block runs (an event hook, removed
    afterwards so the timed rounds carry no hook)."""
    seen: list[dict[str, int]] = []

    def record(request: httpx.Request) -> None:
        seen.append({name.lower(): len(value) for name, value in request.headers.items()})

    async def record_async(request: httpx.Request) -> None:
        record(request)

    hooks = http.event_hooks
    hook: Any = record_async if isinstance(http, httpx.AsyncClient) else record
    http.event_hooks = {**hooks, "request": [*hooks.get("request", []), hook]}
    try:
        yield seen
    finally:
        http.event_hooks = hooks


def check_same_wire(benchmark: str, meshkit: list[dict[str, int]], baseline: list[dict[str, int]]) -> None:
    """Fail the run unless both arms' first requests carry the same headers (names and value
    lengths): a baseline that sends less would flatter it."""
    if not meshkit or not baseline or meshkit[0] != baseline[0]:
        raise RuntimeError(
            f"{benchmark}: the arms send different headers:\n meshkit  {meshkit[:1]}\n baseline {baseline[:1]}"
        )


def stop_process(process: subprocess.Popen[str]) -> None:
    """Terminate a server process (killed after 10 s) and close its stdout pipe."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


def cpu_seconds(pid: int) -> float:
    """A process's user + system CPU seconds (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def kernel_counters(*names: str) -> dict[str, int]:
    """Machine-wide TCP counters by name without the ``TcpExt`` prefix (``ListenOverflows``…),
    from ``nstat -az``; empty where nstat is missing."""
    if shutil.which("nstat") is None:
        return {}
    out = subprocess.run(["nstat", "-az", *(f"TcpExt{name}" for name in names)], capture_output=True, text=True)
    return {
        row.split()[0].removeprefix("TcpExt"): int(row.split()[1])
        for row in out.stdout.splitlines()
        if row.startswith("TcpExt")
    }


class DevServerProcess:
    """The dev server (``--port 0 --token-delay 0``) in a separate process, so the client's CPU
    time (``time.process_time``) counts only the client."""

    def __init__(self) -> None:
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop())
        entry = ["-m", "meshkit.devserver"]
        self._proc = subprocess.Popen(
            [sys.executable, *entry, "--port", "0", "--token-delay", "0"],
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        assert self._proc.stdout is not None
        first = self._proc.stdout.readline()  # "meshkit dev server on http://127.0.0.1:PORT"
        if not first.startswith("meshkit dev server on "):
            self.stop()
            self._log.seek(0)
            raise RuntimeError(f"dev server did not start: {first!r} {self._log.read()[-2000:]!r}")
        self.url = first.split()[-1]
        self.formation_url = f"{self.url}/formation"
        self.broker_url = f"{self.url}/broker"

    def stop(self) -> None:
        stop_process(self._proc)
        self._log.close()

    def __enter__(self) -> DevServerProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


@dataclass
class Result:
    """One benchmark: the two arms' medians (or one absolute value), the ratio and its target."""

    name: str
    unit: str
    meshkit: float
    baseline: float | None  # None for absolute benchmarks (memory, generate)
    target: float  # ratio target (ratio <= target), or the absolute limit
    kind: str = "ratio"  # "ratio": meshkit/baseline <= target; "max": meshkit <= target; "lt": meshkit < target
    rounds: int = 0
    notes: str = ""
    samples: dict[str, list[float]] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        """The median of the rounds' own ratios when both arms have one sample per round: each
        round runs the two arms back to back, so the machine's drift over a run (VM steal, CPU
        clocks; one arm's samples spread ±10% here) cancels within a round. Else the medians'."""
        if not self.baseline:
            return None
        mine, theirs = self.samples.get("meshkit", []), self.samples.get("baseline", [])
        if mine and len(mine) == len(theirs):
            return statistics.median(m / b for m, b in zip(mine, theirs, strict=True))
        return self.meshkit / self.baseline

    @property
    def passed(self) -> bool:
        if self.kind == "ratio":
            assert self.ratio is not None
            return self.ratio <= self.target
        if self.kind == "lt":
            return self.meshkit < self.target
        return self.meshkit <= self.target

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        data["passed"] = self.passed
        return data


def interleaved(
    arms: dict[str, Callable[[], Any]], rounds: int, *, clock: Callable[[], float] = time.process_time, warmup: int = 1
) -> dict[str, list[float]]:
    """Run the arms A B A B … (order swapped every round, so neither always goes first), each
    timed with ``clock``; ``warmup`` untimed rounds first. Returns each arm's samples."""
    names = list(arms)
    for _ in range(warmup):
        for name in names:
            arms[name]()
    samples: dict[str, list[float]] = {name: [] for name in names}
    for index in range(rounds):
        order = names if index % 2 == 0 else names[::-1]
        for name in order:
            gc.collect()
            start = clock()
            arms[name]()
            samples[name].append(clock() - start)
    return samples


def median(values: list[float]) -> float:
    return statistics.median(values)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
