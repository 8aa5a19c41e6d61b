"""Thousands of concurrent ``AsyncFormation.chat_stream()`` in one asyncio process vs raw
``httpx.AsyncClient`` with the same pool limits, on three transports (issue 18, scale).

    .venv/bin/python bench/bench_scale.py              # the default set (below), prints the table
    .venv/bin/python bench/bench_scale.py --all        # every transport at every N
    make bench ARGS="scale"                            # the same default set as rows of make bench
    make bench ARGS="scale --scale-all"                # every transport at every N

The server (``bench/_scale_server.py``, its own process) answers each chat with 200 pre-built SSE
frames of a formation chat, one every 10 ms (~2 s a stream). Each arm runs at each N in a fresh
subprocess (so its RSS is its own): it raises ``RLIMIT_NOFILE`` to the hard limit, runs one
stream to warm up and one stream alone (timed: "one stream"), then opens N streams at once and
consumes them all. Measured per arm and N: wall time of the batch against one stream alone,
client CPU per event (``time.process_time()`` over the batch / events received), peak RSS per
open stream (VmHWM after the batch minus VmRSS before it, over N; the high-water mark is reset
before the batch through ``/proc/self/clear_refs``), errors, and p50/p99 time from the batch's
start to each stream's first event; the server's CPU over the batch is read from ``/proc``.

Arms (``meshkit`` = ``AsyncFormation(..., max_connections=N).chat_stream()`` iterated under
``async with``; ``raw`` = ``AsyncClient(limits=<the same Limits>).stream("POST")`` +
``aiter_lines()`` + ``json.loads`` per ``data:`` line, the other benches' baseline), each on:

- ``httpx``: httpx 0.28 and httpcore 1 (meshkit's own dependency);
- ``httpx2``: ``httpx2.alias_httpx()`` called first in the subprocess, so meshkit and the raw arm
  both run on httpx2/httpcore2;
- ``aiohttp``: ``httpx_aiohttp.HttpxAiohttpClient(limits=...)`` (an ``httpx.AsyncClient`` on an
  aiohttp transport) passed to ``AsyncFormation(http_client=...)``, and the raw arm on the same class.

Default (``make bench``): httpx at N = 100 and 1,000, httpx2 and aiohttp at N = 1,000. On this
2-core VM one httpx arm at N = 5,000 alone takes about two minutes (a million events at ~70 µs of
client CPU each), so N = 5,000 (and its RSS target) runs only with ``--all`` / ``--scale-all``:
every transport at every N, about ten minutes. The arms run one after another, the two arms of a
transport and N back to back; one run per arm and N.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SERVER = HERE / "_scale_server.py"
CLIENT_KEY = "fmc_dev_not_a_secret"
FRAMES = 200  # per stream, done included
INTERVAL = 0.01  # seconds between a stream's frames
SIZES = (100, 1_000, 5_000)
TRANSPORTS = ("httpx", "httpx2", "aiohttp")
RSS_EXTRA_KB = 64  # meshkit's RSS per open stream may exceed raw httpx's by this much at N = 5,000
WALL_TARGET = 1.25  # wall of N = 1,000 streams ≤ this times one stream alone
ALL_AT_EVERY_N = False  # run.py sets it for make bench ARGS="scale --scale-all"


# --- the arm, in its own subprocess --------------------------------------------------------------


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _raise_nofile(needed: int) -> str:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ValueError, OSError) as exc:
        return f"RLIMIT_NOFILE stays {soft} (hard {hard}): {exc}"
    soft = hard
    if soft != resource.RLIM_INFINITY and soft < needed + 64:
        return f"RLIMIT_NOFILE {soft} < {needed} streams: the machine refuses more"
    return f"RLIMIT_NOFILE {soft}"


def _time_pool() -> list[float]:
    """Wrap httpcore's (or httpcore2's) ``AsyncConnectionPool._assign_requests_to_connections`` so
    its CPU time adds up in the returned one-item list (empty list: no such method)."""
    import httpcore

    pool = getattr(httpcore, "AsyncConnectionPool", None)
    original = getattr(pool, "_assign_requests_to_connections", None)
    if pool is None or original is None:
        return []
    spent = [0.0]
    clock = time.process_time

    def timed(self: Any) -> Any:
        start = clock()
        try:
            return original(self)
        finally:
            spent[0] += clock() - start

    pool._assign_requests_to_connections = timed
    return spent


async def _arm(arm: str, transport: str, n: int, url: str, profile: str | None) -> dict[str, Any]:
    import httpx
    from _harness import formation_headers, idempotency_key
    from meshkit import AsyncFormation

    # What AsyncFormation(max_connections=n) makes (README, "connection pool"): n open, 100 idle.
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=min(100, n))
    pool_cpu = _time_pool() if transport != "aiohttp" else []
    formation: Any = None
    if transport == "aiohttp":
        from httpx_aiohttp import HttpxAiohttpClient

        def client() -> httpx.AsyncClient:
            return HttpxAiohttpClient(timeout=probe._settings.timeout, limits=limits)

        probe = AsyncFormation(url=f"{url}/formation", client_key=CLIENT_KEY)
        await probe.aclose()
        raw = client()  # the meshkit arm lends it to AsyncFormation, which leaves it open: closed below
        if arm == "meshkit":
            formation = AsyncFormation(url=f"{url}/formation", client_key=CLIENT_KEY, http_client=raw)
    else:
        formation = AsyncFormation(url=f"{url}/formation", client_key=CLIENT_KEY, max_connections=n)
        if arm == "raw":
            raw = httpx.AsyncClient(timeout=formation._settings.timeout, limits=limits)
            await formation.aclose()
            formation = None
    chat_url = f"{url}/formation/v1/chat"
    headers = formation_headers(accept="text/event-stream")
    start = 0.0

    async def meshkit_stream() -> tuple[float, int]:
        first, count = 0.0, 0
        async with formation.chat_stream("hello") as stream:
            async for _event in stream:
                if not count:
                    first = time.perf_counter() - start
                count += 1
        return first, count

    async def raw_stream() -> tuple[float, int]:
        first, count = 0.0, 0
        call_headers = {**headers, "X-Muxi-Idempotency-Key": idempotency_key()}
        async with raw.stream(
            "POST", chat_url, json={"message": "hello", "stream": True}, headers=call_headers
        ) as response:
            if response.status_code != 200:
                await response.aread()
                raise RuntimeError(f"{response.status_code}: {response.text[:200]}")
            async for line in response.aiter_lines():
                if line.startswith("data: "):
                    frame = json.loads(line[6:])
                    if not count:
                        first = time.perf_counter() - start
                    count += 1
                    token = frame.get("token")
                    if isinstance(token, dict) and token.get("type") == "content":
                        _ = token["content"]
        return first, count

    one = meshkit_stream if arm == "meshkit" else raw_stream
    await one()  # warm up: imports, the first connection
    start = time.perf_counter()
    _, single_events = await one()
    single = time.perf_counter() - start

    import gc

    gc.collect()
    rss_before = _status_kb("VmRSS")
    try:
        Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
        hwm_reset = True
    except OSError:
        hwm_reset = False
    sampled = [rss_before]

    async def sample() -> None:
        while True:
            await asyncio.sleep(0.05)
            sampled.append(_status_kb("VmRSS"))

    sampler = asyncio.create_task(sample())
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    pool0 = pool_cpu[0] if pool_cpu else 0.0
    cpu0 = time.process_time()
    start = time.perf_counter()
    outcomes = await asyncio.gather(*(one() for _ in range(n)), return_exceptions=True)
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    if profiler is not None:
        profiler.disable()
        assert profile is not None
        profiler.dump_stats(profile)
    sampler.cancel()
    peak = max(_status_kb("VmHWM") if hwm_reset else 0, *sampled, _status_kb("VmRSS"))
    if formation is not None:
        await formation.aclose()
    if arm == "raw" or transport == "aiohttp":
        await raw.aclose()

    firsts = sorted(o[0] for o in outcomes if isinstance(o, tuple) and o[1] == FRAMES)
    errors = [o for o in outcomes if not (isinstance(o, tuple) and o[1] == FRAMES)]
    events = sum(o[1] for o in outcomes if isinstance(o, tuple))
    error_texts = sorted({(repr(e) if isinstance(e, BaseException) else f"{e[1]} events")[:300] for e in errors})
    return {
        "single_s": single,
        "single_events": single_events,
        "wall_s": wall,
        "cpu_s": cpu,
        "events": events,
        "cpu_per_event_us": cpu / events * 1e6 if events else None,
        "rss_before_kb": rss_before,
        "rss_peak_kb": peak,
        "rss_per_stream_kb": (peak - rss_before) / n,
        "errors": len(errors),
        "error_texts": error_texts[:5],
        "ttfe_p50_s": statistics.median(firsts) if firsts else None,
        "ttfe_p99_s": firsts[min(len(firsts) - 1, int(len(firsts) * 0.99))] if firsts else None,
        "pool_cpu_s": (pool_cpu[0] - pool0) if pool_cpu else None,
        "hwm_reset": hwm_reset,
    }


def child(arm: str, transport: str, n: int, url: str, profile: str | None) -> None:
    """One arm at one N (``--child``): prints its measurements as one JSON line."""
    nofile = _raise_nofile(n)
    if transport == "httpx2":
        import httpx2

        httpx2.alias_httpx()  # before anything imports httpx or meshkit
    sys.path.insert(0, str(HERE))
    versions: dict[str, str] = {}
    try:
        measured = asyncio.run(_arm(arm, transport, n, url, profile))
    except Exception as exc:  # an arm that cannot run is a row with its error, not a crash
        measured = {"failed": f"{type(exc).__name__}: {exc}"[:500]}
    import httpx

    versions["httpx"] = f"{httpx.__name__} {httpx.__version__}"
    print(json.dumps({"arm": arm, "transport": transport, "n": n, "nofile": nofile, **versions, **measured}))


# --- the parent: server, subprocesses, rows, chart -----------------------------------------------


def _listen_overflows() -> int | None:
    """The kernel's TcpExtListenOverflows (machine-wide; None without nstat): a connect that found
    the server's accept queue full, i.e. the server, not the client, was the bottleneck."""
    from _harness import kernel_counters

    return kernel_counters("ListenOverflows").get("ListenOverflows")


class ScaleServer:
    """``bench/_scale_server.py`` in its own process; stopped on exit, also on failure."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, str(SERVER), "--frames", str(FRAMES), "--interval", str(INTERVAL)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._proc.stdout is not None
        first = self._proc.stdout.readline()
        if not first.startswith("scale server on "):
            self.stop()
            raise RuntimeError(f"scale server did not start: {first!r}")
        self.url = first.split()[-1]
        self.pid = self._proc.pid

    def cpu(self) -> float:
        from _harness import cpu_seconds

        return cpu_seconds(self.pid)

    def stop(self) -> None:
        from _harness import stop_process

        stop_process(self._proc)

    def __enter__(self) -> ScaleServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def run_arm(
    server: ScaleServer, arm: str, transport: str, n: int, profile: str | None = None, timeout: float = 600
) -> dict[str, Any]:
    """One arm at one N in a fresh interpreter, with the server's CPU over it."""
    command = [sys.executable, str(Path(__file__)), "--child", arm, transport, str(n), server.url]
    if profile:
        command += ["--profile", profile]
    server_cpu, overflows = server.cpu(), _listen_overflows()
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    row: dict[str, Any] = {"arm": arm, "transport": transport, "n": n}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        row["failed"] = f"exit {done.returncode}: {done.stderr.strip()[-500:]}"
    else:
        row.update(json.loads(lines[-1]))
    row["server_cpu_s"] = server.cpu() - server_cpu
    after = _listen_overflows()
    row["listen_overflows"] = after - overflows if after is not None and overflows is not None else None
    return row


def plan(everything: bool) -> list[tuple[str, str, int]]:
    """(arm, transport, N) in run order; the two arms of one transport and N back to back,
    which first alternating."""
    runs = []
    for n in SIZES:
        for index, transport in enumerate(TRANSPORTS):
            if not everything and (n == 5_000 or (transport != "httpx" and n != 1_000)):
                continue
            arms = ("meshkit", "raw") if (index + SIZES.index(n)) % 2 == 0 else ("raw", "meshkit")
            runs += [(arm, transport, n) for arm in arms]
    return runs


def measure(everything: bool) -> list[dict[str, Any]]:
    from _harness import log

    rows = []
    with ScaleServer() as server:
        for arm, transport, n in plan(everything):
            row = run_arm(server, arm, transport, n)
            rows.append(row)
            log(f"  scale {arm}/{transport} N={n:,}: {summary(row)}")
    return rows


def summary(row: dict[str, Any]) -> str:
    if "failed" in row:
        return f"FAILED {row['failed']}"
    return (
        f"wall {row['wall_s']:.2f} s (one stream {row['single_s']:.2f} s), "
        f"CPU/event {row['cpu_per_event_us']:.1f} µs, RSS/stream {row['rss_per_stream_kb']:.1f} KB, "
        f"TTFE p50 {row['ttfe_p50_s'] * 1e3:.0f} ms p99 {row['ttfe_p99_s'] * 1e3:.0f} ms, errors {row['errors']}, "
        f"server CPU {row['server_cpu_s']:.2f} s, listen overflows {row.get('listen_overflows')}"
        + (f", httpcore pool {row['pool_cpu_s']:.2f} s" if row.get("pool_cpu_s") is not None else "")
    )


def table(rows: list[dict[str, Any]]) -> str:
    """Every arm and N, one line each (markdown)."""
    lines = [
        "| N | transport | arm | wall s | one stream s | wall/one | CPU µs/event | RSS KB/stream | "
        "TTFE p50 ms | TTFE p99 ms | errors | client CPU s | httpcore pool CPU s | server CPU s |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        if "failed" in r:
            lines.append(f"| {r['n']:,} | {r['transport']} | {r['arm']} | failed: {r['failed']} |" + " |" * 10)
            continue
        pool = f"{r['pool_cpu_s']:.2f}" if r.get("pool_cpu_s") is not None else "—"
        p50 = f"{r['ttfe_p50_s'] * 1e3:.0f}" if r["ttfe_p50_s"] is not None else "—"
        p99 = f"{r['ttfe_p99_s'] * 1e3:.0f}" if r["ttfe_p99_s"] is not None else "—"
        cpu_event = f"{r['cpu_per_event_us']:.1f}" if r["cpu_per_event_us"] is not None else "—"
        errors = str(r["errors"]) + (f" ({'; '.join(r['error_texts'])})" if r["errors"] else "")
        lines.append(
            f"| {r['n']:,} | {r['transport']} | {r['arm']} | {r['wall_s']:.2f} | {r['single_s']:.2f} | "
            f"{r['wall_s'] / r['single_s']:.2f} | {cpu_event} | {r['rss_per_stream_kb']:.1f} | {p50} | {p99} | "
            f"{errors} | {r['cpu_s']:.2f} | {pool} | {r['server_cpu_s']:.2f} |"
        )
    return "\n".join(lines)


def _find(rows: list[dict[str, Any]], arm: str, transport: str, n: int) -> dict[str, Any] | None:
    for row in rows:
        if (row["arm"], row["transport"], row["n"]) == (arm, transport, n):
            return row
    return None


def results(rows: list[dict[str, Any]]) -> list[Any]:
    """The target rows in make bench's ``Result`` format."""
    from _harness import Result

    class AboveBaseline(Result):
        """Passes when meshkit exceeds the baseline by at most ``target`` (kind "delta")."""

        @property
        def passed(self) -> bool:
            return self.baseline is not None and self.meshkit - self.baseline <= self.target

    out: list[Any] = []
    failed = float("nan")
    for n in SIZES:
        for transport in TRANSPORTS:
            mine, theirs = _find(rows, "meshkit", transport, n), _find(rows, "raw", transport, n)
            if mine is None or theirs is None:
                continue
            label = f"scale N={n:,} chat_stream(), {transport}"
            broken = [f"{r['arm']}: {r['failed']}" for r in (mine, theirs) if "failed" in r]
            if broken:
                out.append(
                    Result(f"{label}: client CPU/event", "µs CPU", failed, failed, 1.00, notes="; ".join(broken))
                )
                continue
            notes = (
                f"meshkit: {summary(mine)}; raw {transport}: {summary(theirs)}; "
                f"{FRAMES} frames/stream, one every {INTERVAL * 1e3:g} ms; {mine['nofile']}"
            )
            # CPU per event of an arm whose streams failed is the failures' CPU over few events:
            # not comparable, so no ratio (the row shows — and MISS; the errors row says why).
            comparable = not mine["errors"] and not theirs["errors"]
            out.append(
                Result(
                    f"{label}: client CPU/event",
                    "µs CPU",
                    (mine["cpu_per_event_us"] or failed) if comparable else failed,
                    (theirs["cpu_per_event_us"] or failed) if comparable else failed,
                    1.00,
                    rounds=1,
                    notes=notes if comparable else f"not comparable, streams failed: {notes}",
                )
            )
            if n == 1_000:
                out.append(
                    Result(
                        f"{label}: wall / one stream alone",
                        "x one stream",
                        mine["wall_s"] / mine["single_s"],
                        theirs["wall_s"] / theirs["single_s"],
                        WALL_TARGET,
                        kind="max",
                        rounds=1,
                        notes=f"meshkit {mine['wall_s']:.2f} s / {mine['single_s']:.2f} s; baseline = raw's own ratio",
                    )
                )
            if n >= 1_000:
                out.append(
                    Result(
                        f"{label}: errors",
                        "streams",
                        mine["errors"],
                        theirs["errors"],
                        0,
                        kind="max",
                        rounds=1,
                        notes="; ".join(mine["error_texts"]) or "none",
                    )
                )
            if n == 5_000:
                out.append(
                    AboveBaseline(
                        f"{label}: peak RSS per open stream",
                        "KB",
                        mine["rss_per_stream_kb"],
                        theirs["rss_per_stream_kb"],
                        RSS_EXTRA_KB,
                        kind="delta",
                        rounds=1,
                        notes="(peak RSS during the batch - RSS before) / N, each arm in a fresh process",
                    )
                )
    return out


def chart(rows: list[dict[str, Any]], path: Path) -> None:
    """Three panels against N: wall time, p50 time to first event, RSS per open stream."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(15, 4.6))
    panels = [
        ("wall_s", 1.0, "wall time of N streams (s)"),
        ("ttfe_p50_s", 1e3, "p50 time to first event (ms)"),
        ("rss_per_stream_kb", 1.0, "peak RSS per open stream (KB)"),
    ]
    styles = {"httpx": "-", "httpx2": "--", "aiohttp": ":"}
    colours = {"meshkit": "tab:blue", "raw": "tab:orange"}
    markers = {"httpx": "o", "httpx2": "s", "aiohttp": "^"}
    for ax, (key, scale, title) in zip(axes, panels, strict=True):
        for transport in TRANSPORTS:
            for arm in ("meshkit", "raw"):
                points = sorted(
                    (r["n"], r[key] * scale)
                    for r in rows
                    if r["arm"] == arm and r["transport"] == transport and "failed" not in r and r.get(key) is not None
                )
                if not points:
                    continue
                name = f"{'meshkit' if arm == 'meshkit' else 'raw httpx API'} on {transport}"
                ax.plot(
                    [p[0] for p in points],
                    [p[1] for p in points],
                    styles[transport],
                    marker=markers[transport],
                    color=colours[arm],
                    label=name,
                )
                for r in rows:  # an arm whose streams failed is marked, its point is not a result
                    if r["arm"] == arm and r["transport"] == transport and r.get("errors") and r.get(key):
                        ax.annotate(f"{r['errors']:,} errors", (r["n"], r[key] * scale), fontsize=7, color="red")
        if key == "wall_s":
            singles = [r["single_s"] for r in rows if "failed" not in r]
            if singles:
                ax.axhline(statistics.median(singles), color="grey", linewidth=0.8, label="one stream alone")
        ax.set_xscale("log")
        ax.set_xlabel("concurrent streams (N)")
        ax.set_title(title)
        ax.set_ylim(bottom=0)
        ax.grid(True, alpha=0.3)
    axes[0].legend(fontsize=8)
    fig.suptitle(
        f"AsyncFormation.chat_stream() vs raw httpx, {FRAMES} SSE frames per stream over ~{FRAMES * INTERVAL:g} s "
        f"(bench/bench_scale.py, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs)",
        fontsize=10,
    )
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def run(server: object = None) -> list[Any]:
    """make bench's entry point: measure, write bench/scale.json and bench/scale.png, return rows."""
    from _harness import log

    rows = measure(ALL_AT_EVERY_N)
    (HERE / "scale.json").write_text(json.dumps(rows, indent=2) + "\n")
    log(table(rows))
    chart(rows, HERE / "scale.png")
    return results(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true", help="every transport at every N")
    parser.add_argument("--child", nargs=4, metavar=("ARM", "TRANSPORT", "N", "URL"), help=argparse.SUPPRESS)
    parser.add_argument("--profile", help="with --child: cProfile the batch into this file")
    args = parser.parse_args()
    if args.child:
        arm, transport, n, url = args.child
        child(arm, transport, int(n), url, args.profile)
        return
    sys.path.insert(0, str(HERE))
    global ALL_AT_EVERY_N
    ALL_AT_EVERY_N = args.all
    run()


if __name__ == "__main__":
    main()
