"""1,000 concurrent ``AsyncFormation.chat()`` vs raw ``httpx.AsyncClient`` with the same pool limits
and timeout: wall time per batch (concurrency is the point), and 0 errors in both arms.

Each batch starts on a warm pool (100 untimed calls first). On this 2-core VM a batch now and
then takes 5-15 s instead of ~2.5 s, in either arm, raw httpx alone included; no connection was
refused or dropped (ListenOverflows 0, connects in ~15 ms), and its cause is not found. The
ratio is the median of 7 rounds' paired ratios, so one stalled round does not decide it."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
from _harness import (
    CLIENT_KEY,
    DevServerProcess,
    Result,
    check_same_wire,
    formation_headers,
    idempotency_key,
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


def run(server: DevServerProcess) -> list[Result]:
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
    return [result]
