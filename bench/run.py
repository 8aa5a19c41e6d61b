"""``make bench``: every benchmark, each against its raw-httpx baseline in the same run; prints a
markdown table and writes bench/results.json and bench/RESULTS.md.

    .venv/bin/python bench/run.py                 # all
    .venv/bin/python bench/run.py chat stream     # only bench_chat.py and bench_stream.py
    .venv/bin/python bench/run.py scale --scale-all   # the scale benchmark with every arm at every N

``scale`` (bench_scale.py, thousands of concurrent streams) starts its own server and writes
bench/scale.json and the chart bench/scale.png; by default it skips N = 5,000 (see its docstring).
"""

from __future__ import annotations

import datetime
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

from _harness import DevServerProcess, Result, log

HERE = Path(__file__).resolve().parent
# (module, needs a dev server)
BENCHMARKS = [
    ("bench_import", False),
    ("bench_chat", True),
    ("bench_stream", True),
    ("bench_async", True),
    ("bench_broker", True),
    ("bench_memory", True),
    ("bench_generate", False),
    ("bench_scale", False),  # its own server (bench/_scale_server.py), one subprocess per arm
]
FLAGS = {"--scale-all": "every transport of the scale benchmark at every N (about ten minutes)"}


def _fmt(value: float | None) -> str:
    if value is None or value != value:  # None, or NaN: an arm that failed
        return "—"
    return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"


def table(results: list[Result]) -> str:
    lines = [
        "| benchmark | unit | meshkit | baseline | meshkit/baseline | target | result |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    for r in results:
        if r.kind == "ratio":
            ratio, target = f"{r.ratio:.2f}×", f"≤ {r.target:.2f}×" if r.target >= 0 else "0 errors"  # noqa: RUF001
            if r.ratio != r.ratio:  # NaN: an arm failed (bench_scale)
                ratio = "—"
        elif r.kind == "delta":
            ratio, target = "—", f"≤ baseline + {r.target:g} {r.unit}"
        else:
            ratio, target = "—", (f"< {r.target:g} {r.unit}" if r.kind == "lt" else f"≤ {r.target:g} {r.unit}")
            if r.target < 0:
                target = "identical bytes"
        verdict = "PASS" if r.passed else "MISS"
        lines.append(
            f"| {r.name} | {r.unit} | {_fmt(r.meshkit)} | {_fmt(r.baseline)} | {ratio} | {target} | {verdict} |"
        )
    return "\n".join(lines)


def main(arguments: list[str]) -> int:
    flags = [a for a in arguments if a.startswith("--")]
    unknown = [flag for flag in flags if flag not in FLAGS]
    if unknown:
        print(f"unknown flag {unknown[0]}; flags: " + "; ".join(f"{k}: {v}" for k, v in FLAGS.items()))
        return 2
    selected = [a for a in arguments if not a.startswith("--")]
    if "--scale-all" in flags:
        import bench_scale

        bench_scale.ALL_AT_EVERY_N = True
    started = time.perf_counter()
    results: list[Result] = []
    for module_name, needs_server in BENCHMARKS:
        if selected and module_name.removeprefix("bench_") not in selected:
            continue
        log(f"running {module_name} ...")
        t0 = time.perf_counter()
        module = importlib.import_module(module_name)
        if needs_server:
            with DevServerProcess() as server:
                results.extend(module.run(server))
        else:
            results.extend(module.run(None))
        log(f"  {module_name}: {time.perf_counter() - t0:.1f} s")
    elapsed = time.perf_counter() - started
    machine = {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "dev_server": "python -m meshkit.devserver",
        "total_seconds": round(elapsed, 1),
    }
    rendered = table(results)
    notes = "\n".join(f"- **{r.name}**: {r.notes} (rounds: {r.rounds})" for r in results)
    (HERE / "results.json").write_text(
        json.dumps({"machine": machine, "results": [r.as_dict() for r in results]}, indent=2) + "\n"
    )
    (HERE / "RESULTS.md").write_text(
        "# meshkit benchmark results\n\n"
        f"Machine: `{machine['platform']}`, Python {machine['python']}, {machine['cpu_count']} CPUs "
        f"({machine['processor']}); date {machine['date']}; `make bench` took {elapsed:.0f} s.\n"
        "Client CPU is `time.process_time()` of the benchmark process; the dev server runs in its own "
        f"process ({machine['dev_server']}). Medians of interleaved rounds (A B B A …); the ratio is the "
        "median of the rounds' own ratios (each round runs both arms back to back).\n\n"
        f"{rendered}\n\n{notes}\n"
    )
    print(rendered)
    print(f"\nmake bench took {elapsed:.0f} s; wrote bench/results.json and bench/RESULTS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
