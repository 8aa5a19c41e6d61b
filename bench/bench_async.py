"""1,000 concurrent ``AsyncFormation.chat()`` vs raw ``httpx.AsyncClient`` with the same pool limits
and timeout: wall time per batch (concurrency is the point), and 0 errors in both arms.

Each batch starts on a warm pool (100 untimed calls first). The ratio is the median of 7 rounds'
paired ratios, so one slow round does not decide it.

Then the stalls rows (issue 18): 10 batches of 1,000 concurrent chats on the client as a user
makes it (meshkit's default pool: 1,000 connections, 100 kept alive), once on httpx's transport
and once on the aiohttp transport (``http_client=HttpxAiohttpClient(...)``, the ``aiohttp``
extra), and the slowest single call over the 10 batches, target 2 s. What made the slow batches
is the client's CPU, not the network: no SYN was dropped (``bench/stalls.py``), and httpcore's pool
sweeps its connections on every request's arrival and release (two thirds of the client's CPU at
1,000 connections), while aiohttp's connector hands out a connection in constant time."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable

import httpx
from _harness import (
    CLIENT_KEY,
    DevServerProcess,
    Result,
    check_same_wire,
    formation_headers,
    idempotency_key,
    log,
    median,
    recorded_headers,
)
from meshkit import AsyncFormation

CONCURRENT = 1000
ROUNDS = 7
# One explicit pool for both arms: 100 connections (httpx's default), all kept alive. With httpx's
# default of 20 kept alive, each batch re-opens 80 connections and a batch's wall time swings
# between ~4 s and ~35 s on this machine in BOTH arms (measured), which drowns the comparison.
LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100, keepalive_expiry=30.0)


async def _main(server: DevServerProcess) -> tuple[dict[str, list[float]], dict[str, int]]:
    probe = AsyncFormation(url=server.formation_url, client_key=CLIENT_KEY)
    timeout = probe._settings.timeout  # meshkit's default timeout, used by both arms
    await probe.aclose()
    # meshkit gets its pool through the documented http_client= (it lends only the pool).
    formation = AsyncFormation(
        url=server.formation_url, client_key=CLIENT_KEY, http_client=httpx.AsyncClient(timeout=timeout, limits=LIMITS)
    )
    raw = httpx.AsyncClient(timeout=timeout, limits=LIMITS)
    url = f"{server.formation_url}/v1/chat"
    headers = formation_headers(accept="application/json")
    errors = {"meshkit": 0, "baseline": 0}

    async def meshkit_one(i: int) -> None:
        result = await formation.chat(f"hello {i}")
        if result.text != f"You said: hello {i}":
            raise RuntimeError(result.text)

    async def baseline_one(i: int) -> None:
        response = await raw.post(
            url,
            json={"message": f"hello {i}", "stream": False},
            headers={**headers, "X-Muxi-Idempotency-Key": idempotency_key()},
        )
        if response.status_code != 200:
            raise RuntimeError(response.text)
        if json.loads(response.content)["data"]["message"]["content"] != f"You said: hello {i}":
            raise RuntimeError(response.text)

    arms = {"meshkit": meshkit_one, "baseline": baseline_one}

    async def batch(arm: str) -> float:
        await asyncio.gather(*(arms[arm](i) for i in range(LIMITS.max_connections or 100)))
        start = time.perf_counter()
        outcomes = await asyncio.gather(*(arms[arm](i) for i in range(CONCURRENT)), return_exceptions=True)
        elapsed = time.perf_counter() - start
        errors[arm] += sum(isinstance(o, BaseException) for o in outcomes)
        return elapsed

    samples: dict[str, list[float]] = {"meshkit": [], "baseline": []}
    try:
        with recorded_headers(formation._transport.http) as meshkit_wire, recorded_headers(raw) as baseline_wire:
            await meshkit_one(0)
            await baseline_one(0)
        check_same_wire("async chat", meshkit_wire, baseline_wire)
        for arm in arms:  # warm-up: open the pools
            await batch(arm)
        errors.update(meshkit=0, baseline=0)
        for index in range(ROUNDS):
            for arm in list(arms) if index % 2 == 0 else list(arms)[::-1]:
                samples[arm].append(await batch(arm) * 1e3)
    finally:
        await formation.aclose()
        await formation._transport.http.aclose()  # an injected client is the caller's to close
        await raw.aclose()
    return samples, errors


STALL_BATCHES = 10
STALL_LIMIT_MS = 2000.0


async def _slowest_calls(server: DevServerProcess, http: httpx.AsyncClient | None) -> tuple[list[float], int, float]:
    """Each batch's slowest call (ms), the errors, and the client CPU per call (µs) over the batches."""
    formation = AsyncFormation(url=server.formation_url, client_key=CLIENT_KEY, http_client=http)

    async def one(i: int) -> float:
        start = time.perf_counter()
        result = await formation.chat(f"hello {i}")
        if result.text != f"You said: hello {i}":
            raise RuntimeError(result.text)
        return (time.perf_counter() - start) * 1e3

    slowest: list[float] = []
    errors = 0
    try:
        await asyncio.gather(*(one(i) for i in range(CONCURRENT)))  # warm: the pool opened
        cpu = time.process_time()
        for _ in range(STALL_BATCHES):
            outcomes = await asyncio.gather(*(one(i) for i in range(CONCURRENT)), return_exceptions=True)
            calls = [o for o in outcomes if isinstance(o, float)]
            errors += len(outcomes) - len(calls)
            slowest.append(max(calls, default=float("inf")))
        cpu_per_call = (time.process_time() - cpu) / (STALL_BATCHES * CONCURRENT) * 1e6
    finally:
        await formation.aclose()
        if http is not None:
            await http.aclose()
    return slowest, errors, cpu_per_call


def _stall_rows(server: DevServerProcess) -> list[Result]:
    arms: dict[str, Callable[[], httpx.AsyncClient | None]] = {"httpx (meshkit's default client)": lambda: None}
    try:
        from httpx_aiohttp import HttpxAiohttpClient
    except ImportError:
        log("  bench_async: httpx-aiohttp is not installed (the aiohttp extra): its stalls row is skipped")
    else:
        limits = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
        arms["aiohttp (http_client=HttpxAiohttpClient)"] = lambda: HttpxAiohttpClient(limits=limits)
    rows = []
    for name, make in arms.items():
        slowest, errors, cpu_per_call = asyncio.run(_slowest_calls(server, make()))
        row = Result(
            f"slowest of {STALL_BATCHES} batches of 1,000 concurrent AsyncFormation.chat(), {name}",
            "ms wall",
            max(slowest),
            None,
            STALL_LIMIT_MS,
            kind="max",
            rounds=STALL_BATCHES,
            notes=(
                f"each batch's slowest call: {', '.join(f'{value:,.0f}' for value in slowest)} ms; "
                f"errors {errors}; client CPU {cpu_per_call:,.0f} µs per call"
            ),
            samples={"meshkit": slowest},
        )
        if errors:  # a failed call has no duration: the row cannot pass
            row.meshkit = float("inf")
        rows.append(row)
    return rows


def run(server: DevServerProcess) -> list[Result]:
    return [_ratio_row(server), *_stall_rows(server)]


def _ratio_row(server: DevServerProcess) -> Result:
    samples, errors = asyncio.run(_main(server))
    result = Result(
        "1,000 concurrent AsyncFormation.chat(), wall/batch",
        "ms wall",
        median(samples["meshkit"]),
        median(samples["baseline"]),
        1.15,
        rounds=ROUNDS,
        notes=f"errors meshkit={errors['meshkit']} baseline={errors['baseline']}; pool {LIMITS}",
        samples=samples,
    )
    if errors["meshkit"] or errors["baseline"]:
        result.target = -1.0  # any error is a MISS, whatever the ratio
    return result
