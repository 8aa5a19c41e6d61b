"""Where a batch of concurrent chats spends its time (issue 18, "Stalls: find the cause").

    .venv/bin/python bench/stalls.py                      # 10 batches of 1,000, a 1,000-connection pool
    .venv/bin/python bench/stalls.py --connections 100 --batches 3

Fires ``--concurrent`` raw ``httpx.AsyncClient`` POSTs to the dev server's ``/formation/v1/chat``
at once, ``--batches`` times on one warm pool, and prints per batch: wall time, the slowest call and
how many calls took over 1 s and 2 s, errors; the kernel's listen-queue counters over the batch
(``nstat``: TcpExtListenOverflows, TcpExtListenDrops, TcpExtTCPSynRetrans; they are machine-wide);
the listening socket's Recv-Q/Send-Q (``ss -ltn``; Send-Q is its backlog); the server's and the
client's CPU seconds, and the client CPU spent in httpcore's pool bookkeeping
(``AsyncConnectionPool._assign_requests_to_connections``, timed by a wrapper).

A dropped SYN would show as TCPSynRetrans/ListenOverflows and as calls of just over 1, 3, 7 or 15 s.
What it shows instead (2-core VM, 2026-12-07): no drops, Send-Q 2048, server CPU ~1 s per batch and
client CPU 6-7 s per batch, two thirds of it in httpcore's pool (it sweeps every connection, and per
queued request every connection again, on each request's arrival and release). Not run by
``make bench``.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import httpcore._async.connection_pool as httpcore_pool
import httpx
from _harness import DevServerProcess, cpu_seconds, formation_headers, idempotency_key, kernel_counters

COUNTERS = ("ListenOverflows", "ListenDrops", "TCPSynRetrans")


def listen_queue(port: str) -> str:
    """The listener's "Recv-Q/Send-Q" (queued connections / backlog), from ss."""
    if shutil.which("ss") is None:
        return "?"
    out = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True).stdout.split()
    return f"{out[1]}/{out[2]}" if len(out) > 2 else "?"


def time_pool_bookkeeping() -> list[float]:
    """Wrap httpcore's pool assignment so its CPU time adds up in the returned one-item list."""
    spent = [0.0]
    original = httpcore_pool.AsyncConnectionPool._assign_requests_to_connections

    def timed(self: Any) -> Any:
        start = time.process_time()
        try:
            return original(self)
        finally:
            spent[0] += time.process_time() - start

    httpcore_pool.AsyncConnectionPool._assign_requests_to_connections = timed  # type: ignore[method-assign]
    return spent


async def main(args: argparse.Namespace) -> None:
    pool_cpu = time_pool_bookkeeping()
    with DevServerProcess() as server:
        port = server.url.rsplit(":", 1)[1]
        pid = server._proc.pid
        url = f"{server.formation_url}/v1/chat"
        headers = formation_headers(accept="application/json")
        somaxconn = Path("/proc/sys/net/core/somaxconn").read_text().strip()
        print(f"somaxconn {somaxconn}; listener Recv-Q/Send-Q {listen_queue(port)}")
        limits = httpx.Limits(max_connections=args.connections, max_keepalive_connections=args.connections)
        async with httpx.AsyncClient(timeout=60, limits=limits) as http:

            async def one(i: int) -> float:
                start = time.perf_counter()
                response = await http.post(
                    url,
                    json={"message": f"hello {i}", "stream": False},
                    headers={**headers, "X-Muxi-Idempotency-Key": idempotency_key()},
                )
                if response.status_code != 200:
                    raise RuntimeError(response.text)
                return time.perf_counter() - start

            await asyncio.gather(*(one(i) for i in range(args.connections)))  # open the pool
            worst = 0.0
            for index in range(args.batches):
                counters, server_cpu, client_cpu, pool = (
                    kernel_counters(*COUNTERS),
                    cpu_seconds(pid),
                    time.process_time(),
                    pool_cpu[0],
                )
                start = time.perf_counter()
                outcomes = await asyncio.gather(*(one(i) for i in range(args.concurrent)), return_exceptions=True)
                wall = time.perf_counter() - start
                after = kernel_counters(*COUNTERS)
                calls = sorted(o for o in outcomes if isinstance(o, float))
                worst = max(worst, calls[-1] if calls else 0.0)
                drops = " ".join(f"{name} +{after[name] - counters[name]}" for name in after)
                print(
                    f"batch {index}: wall {wall:.2f} s, slowest call {calls[-1]:.2f} s, "
                    f">1 s {sum(c > 1 for c in calls)}, >2 s {sum(c > 2 for c in calls)}, "
                    f"errors {len(outcomes) - len(calls)} | {drops} | listener {listen_queue(port)} | "
                    f"CPU server {cpu_seconds(pid) - server_cpu:.2f} s, "
                    f"client {time.process_time() - client_cpu:.2f} s (httpcore pool {pool_cpu[0] - pool:.2f} s)",
                    flush=True,
                )
            print(f"slowest call over {args.batches} batches: {worst:.2f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--concurrent", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=1000, help="the pool's max_connections (all kept alive)")
    asyncio.run(main(parser.parse_args()))
