"""MESHKIT_BENCH_HTTPX2=1: ``import httpx`` resolves to httpx2 in every benchmark process.

bench/_harness.py puts this folder on PYTHONPATH for the subprocesses it and the benchmarks start
(the dev server, the scale arms), so they run on httpx2 like the benchmark process itself."""

import os

if os.environ.get("MESHKIT_BENCH_HTTPX2") == "1":
    import httpx2

    httpx2.alias_httpx()
