"""The few places where blocking and asyncio code really differ, as small named pairs.

The async clients are written once (``*_async.py``); generator/unasync.py writes their sync twins
and renames each async hook here to its sync partner (``asleep`` → ``sleep``). Keep each pair's
signatures and meaning identical.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")


def sleep(seconds: float) -> None:
    """Wait ``seconds`` (a guard's rate-limit wait), blocking the thread."""
    time.sleep(seconds)


async def asleep(seconds: float) -> None:
    """Wait ``seconds`` without blocking the event loop."""
    import asyncio

    await asyncio.sleep(seconds)


def run_blocking(function: Callable[[], R]) -> R:
    """Run blocking work (a file check) here: a blocking caller is already off any loop."""
    return function()


async def arun_blocking(function: Callable[[], R]) -> R:
    """Run blocking work in a worker thread (anyio, httpx's own async layer: asyncio and trio)."""
    import anyio

    return await anyio.to_thread.run_sync(function)


def map_bounded(function: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """``function`` over ``items``, at most ``workers`` at a time (threads), results in input order."""
    if not items:
        return []
    # Each item runs in a copy of the caller's context, as an asyncio task would: a worker thread
    # starts with an empty one, and with_raw_response (a context variable) would see no response.
    contexts = [contextvars.copy_context() for _ in items]
    with ThreadPoolExecutor(max_workers=min(workers, len(items)), thread_name_prefix="meshkit-send") as pool:
        return list(pool.map(lambda context, item: context.run(function, item), contexts, items))


async def amap_bounded(function: Callable[[T], Awaitable[R]], items: Sequence[T], workers: int) -> list[R]:
    """``function`` over ``items``, at most ``workers`` at a time (tasks), results in input order."""
    import anyio

    results: list[R | None] = [None] * len(items)
    pending = iter(enumerate(items))

    async def worker() -> None:
        # Workers share one iterator: each takes the next item when its last one is done.
        for index, item in pending:
            results[index] = await function(item)

    async with anyio.create_task_group() as group:
        for _ in range(min(workers, len(items))):
            group.start_soon(worker)
    # Every slot is filled: a worker either stored a result or raised out of the task group.
    return cast(list[R], results)
