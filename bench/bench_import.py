"""``import meshkit`` vs ``import httpx`` in fresh interpreters: the import's own wall time
(interpreter start-up excluded), median of RUNS each, interleaved."""

from __future__ import annotations

import subprocess
import sys

from _harness import Result, median

RUNS = 15
SNIPPET = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"


def _time_import(module: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", SNIPPET.format(module=module)], check=True, capture_output=True, text=True
    ).stdout
    return float(out) * 1e3


def run(server: object = None) -> list[Result]:
    samples: dict[str, list[float]] = {"meshkit": [], "baseline": []}
    _time_import("meshkit"), _time_import("httpx")  # warm the OS file cache
    for index in range(RUNS):
        order = [("meshkit", "meshkit"), ("baseline", "httpx")]
        for arm, module in order if index % 2 == 0 else order[::-1]:
            samples[arm].append(_time_import(module))
    return [
        Result(
            "import meshkit (fresh interpreter)",
            "ms wall",
            median(samples["meshkit"]),
            median(samples["baseline"]),
            0.5,
            rounds=RUNS,
            notes="baseline: import httpx",
            samples=samples,
        )
    ]
