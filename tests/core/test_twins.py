"""The blocking clients are generated from the asyncio ones (generator/unasync.py): the twins
offer the same names, the same parameters and the same documentation, and the committed sync
files are what the generator writes today."""

from __future__ import annotations

import importlib.util
import inspect
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import meshkit
import pytest
from meshkit._core.transport_async import AsyncTransport
from meshkit._core.transport_sync import SyncTransport

ROOT = Path(__file__).resolve().parents[2]


def _unasync() -> ModuleType:
    spec = importlib.util.spec_from_file_location("meshkit_unasync", ROOT / "generator" / "unasync.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


unasync = _unasync()

TWINS = [
    (meshkit.Formation, meshkit.AsyncFormation),
    (meshkit.ServerClient, meshkit.AsyncServerClient),
    (meshkit.AiMeshClient, meshkit.AsyncAiMeshClient),
    (meshkit.Stream, meshkit.AsyncStream),
    (SyncTransport, AsyncTransport),
]
# What an async name is called on the blocking side.
SYNC_NAME = {"__aenter__": "__enter__", "__aexit__": "__exit__", "__aiter__": "__iter__", "__anext__": "__next__"}
SYNC_NAME["aclose"] = "close"
# Deliberate differences (``# sync:`` markers in the source): a blocking property can send the
# request; an async one cannot await, so it only reports the response once there is one.
DIFFERENT_ON_PURPOSE = {("Stream", "response")}


def _public(cls: type) -> dict[str, object]:
    names = {name for name in dir(cls) if not name.startswith("_") or name in SYNC_NAME.values() or name in SYNC_NAME}
    return {name: inspect.getattr_static(cls, name) for name in names if name not in dir(object) or name == "__init__"}


def _as_sync(name: str) -> str:
    return SYNC_NAME.get(name, name)


@pytest.mark.parametrize(("sync", "async_"), TWINS, ids=lambda cls: cls.__name__)
def test_the_twins_offer_the_same_names(sync: type, async_: type) -> None:
    async_names = {_as_sync(name) for name in _public(async_)}
    # ``await client.close()`` is an alias of ``aclose`` on the async side only.
    assert async_names == set(_public(sync)) | ({"close"} if "close" in _public(async_) else set())


@pytest.mark.parametrize(("sync", "async_"), TWINS, ids=lambda cls: cls.__name__)
def test_the_twins_take_the_same_parameters_and_say_the_same(sync: type, async_: type) -> None:
    for name, member in _public(async_).items():
        twin = inspect.getattr_static(sync, _as_sync(name))
        if isinstance(member, property):
            assert isinstance(twin, property), name
            member, twin = member.fget, twin.fget
        if not callable(member):
            continue
        mine, theirs = inspect.signature(member), inspect.signature(twin)  # type: ignore[arg-type]
        assert [(p.name, p.kind, p.default) for p in mine.parameters.values()] == [
            (p.name, p.kind, p.default) for p in theirs.parameters.values()
        ], f"{sync.__name__}.{name}"
        if (name in SYNC_NAME and name != "aclose") or name == "close":
            continue  # the dunders and aliases document nothing of their own
        if (sync.__name__, name) in DIFFERENT_ON_PURPOSE:
            continue
        if member.__doc__ is None:
            assert twin.__doc__ is None, name
            continue
        # The sync docstring is the async one rewritten: no await, no async for/with.
        expected = unasync.unasync_text(inspect.cleandoc(member.__doc__)).strip()
        assert inspect.cleandoc(twin.__doc__ or "") == expected, f"{sync.__name__}.{name}"
        assert not inspect.iscoroutinefunction(twin), f"{sync.__name__}.{name} must not be a coroutine"


def test_the_committed_sync_twins_are_what_make_generate_writes() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "generator" / "unasync.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("async_line", "sync_line"),
    [
        ("async def send(self) -> None:", "def send(self) -> None:"),
        ("    return await self._run(plan)", "    return self._run(plan)"),
        ("    return list((await self._run(_Plan('a'))).agents)", "    return list(self._run(_Plan('a')).agents)"),
        ("    async with guards.async_slot():", "    with guards.slot():"),
        ("    async for chunk in adecoded(r, araw_chunks(r)):", "    for chunk in decoded(r, raw_chunks(r)):"),
        ("x: AsyncStream[ChatEvent] = AsyncFormation()", "x: Stream[ChatEvent] = Formation()"),
        ("opener: Callable[[], Awaitable[httpx.Response]]", "opener: Callable[[], httpx.Response]"),
        ("from .._core.transport_async import AsyncTransport", "from .._core.transport_sync import SyncTransport"),
        ("    use_async: bool = True,", "    use_async: bool = True,"),  # an argument, not a module
        ("    close = aclose  # sync: -", None),
        ("    async for e in it:  # sync: yield from it", "    yield from it"),
        ("'''Use ``async with`` and ``await f.aclose()``.'''", "'''Use ``with`` and ``f.close()``.'''"),
    ],
)
def test_the_rewrite_rules(async_line: str, sync_line: str | None) -> None:
    assert unasync.unasync_text(async_line).strip("\n") == (sync_line or "")


@pytest.mark.parametrize("cls", [cls for pair in TWINS[:3] for cls in pair], ids=lambda cls: cls.__name__)
def test_the_clients_type_hints_resolve(cls: type) -> None:
    """Tools that read annotations at run time (sphinx, typeguard, DI containers) can resolve them."""
    import typing

    assert typing.get_type_hints(cls)


def test_async_code_a_rule_misses_fails_the_generator(tmp_path: Path) -> None:
    source = tmp_path / "clients" / "meshkit" / "odd_async.py"
    source.parent.mkdir(parents=True)
    source.write_text("async def f():\n    x = await asyncio.gather()\n")
    original = unasync.ROOT
    unasync.ROOT = tmp_path
    try:
        with pytest.raises(unasync.UnasyncError, match="asyncio"):
            unasync.render(source)
    finally:
        unasync.ROOT = original
