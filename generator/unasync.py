"""The sync twins, written from their async sources (``make generate`` runs this).

meshkit's blocking and asyncio clients do the same thing with and without ``await``. The async
code is the one written by hand; this turns each ``*_async.py`` module under clients/meshkit/
into its ``*_sync.py`` twin, the way httpcore's scripts/unasync.py does: word-bounded
substitutions over the whole text, docstrings included, so a sync docstring's example has no
``await`` either. The output is formatted by the pinned ruff, like _generated/, and committed;
CI fails when it is not what this produces.

Where the two really differ, the async source says so on the line itself:

- ``<async code>  # sync: <code>`` puts ``<code>`` (at the same indentation) in the sync twin;
- ``<async code>  # sync: -`` leaves the line out of it.

Everything else that differs (sleeping, running blocking work, bounded fan-out) sits behind the
small hooks of ``_core/io_hooks.py``, whose async names (``asleep``) lose their ``a`` here.

    python generator/unasync.py           # rewrite the twins
    python generator/unasync.py --check   # exit 1 when a twin is out of date
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "clients" / "meshkit"

HEADER = "# Generated from {source} by generator/unasync.py (make generate); do not edit.\n"

# Order matters: specific names before the generic ``Async<Name>`` rule.
_SUBSTITUTIONS: tuple[tuple[str, str], ...] = (
    (r"async (def|with|for)\b", r"\1"),
    # ``(await call(...)).attr`` → ``call(...).attr``: the parentheses only served the await.
    (r"\(await ([\w.]+\((?:[^()]|\([^()]*\))*\))\)", r"\1"),
    (r"await ", ""),
    (r"__aenter__", "__enter__"),
    (r"__aexit__", "__exit__"),
    (r"__aiter__", "__iter__"),
    (r"__anext__", "__next__"),
    (r"StopAsyncIteration", "StopIteration"),
    (r"Awaitable\[([\w.]+(?:\[[\w., ]*\])?)\]", r"\1"),
    (r"Coroutine\[object, None, ([\w.]+(?:\[[\w., ]*\])?)\]", r"\1"),
    (r"AsyncTransport", "SyncTransport"),
    # Named one by one: a generated model may start with "Async" too (AsyncConfig stays itself).
    (
        r"Async(Formation|ServerClient|AiMeshClient|Stream|Client|Iterator|Iterable|Generator|Retrying|Closing|RawAccess"
        r"|FormationOperations|ServerOperations|BrokerOperations)",
        r"\1",
    ),
    (r"async_tenacity_kwargs", "tenacity_kwargs"),
    (r"async_slot", "slot"),
    (r"aclose", "close"),
    (r"aread_body", "read_body"),
    (r"araw_chunks", "raw_chunks"),
    (r"adecoded", "decoded"),
    (r"_achunks", "_chunks"),
    (r"asleep", "sleep"),
    (r"arun_blocking", "run_blocking"),
    (r"amap_bounded", "map_bounded"),
)
# Module names, on import lines only (``use_async`` is a trigger's argument, not a module).
_MODULE = re.compile(r"\b(\w+)_async\b")
_COMPILED = tuple(
    (
        re.compile(rf"(?<!\w){pattern}" + (r"(?!\w)" if pattern[-1].isalnum() or pattern.endswith(("*", "_")) else "")),
        replacement,
    )
    for pattern, replacement in _SUBSTITUTIONS
)
_MARKER = re.compile(r"^(?P<indent>\s*)(?P<code>.*?)\s*# sync: (?P<sync>.*)$")


def unasync_text(source: str) -> str:
    """The sync twin of one async module's text (before formatting)."""
    lines = []
    for line in source.splitlines():
        marked = _MARKER.match(line)
        if marked:
            if marked["sync"].strip() == "-":
                continue
            lines.append(marked["indent"] + marked["sync"].rstrip())
            continue
        for pattern, replacement in _COMPILED:
            line = pattern.sub(replacement, line)
        if line.lstrip().startswith(("from ", "import ")):
            line = _MODULE.sub(r"\1_sync", line)
        lines.append(line)
    return "\n".join(lines) + "\n"


def sources() -> list[Path]:
    """Every hand-written async source (``*_async.py``) under clients/meshkit/, sorted."""
    return sorted(PACKAGE.rglob("*_async.py"))


def twin_of(source: Path) -> Path:
    return source.with_name(source.name.removesuffix("_async.py") + "_sync.py")


def _formatted(text: str) -> str:
    """``text`` as the pinned ruff formats it (isolated from any local config)."""
    ruff = Path(sys.executable).parent / "ruff"
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "twin.py"
        path.write_text(text)
        for command in (
            [str(ruff), "check", "--isolated", "--fix-only", "--extend-select=I,F401", "--quiet", str(path)],
            [str(ruff), "format", "--isolated", "--line-length", "120", "--quiet", str(path)],
        ):
            subprocess.run(command, check=True, capture_output=True, cwd=scratch)
        return path.read_text()


# What no blocking twin may contain: a rule that missed a construct fails here, loudly, rather than
# leaving a coroutine in a blocking class.
_LEFTOVER = re.compile(r"\bawait\s|\basync\s+(def|for|with)\b|\bAwaitable\[|\basyncio\.|\baclose\(")


class UnasyncError(Exception):
    """A sync twin would still contain async code."""


def render(source: Path) -> str:
    relative = source.relative_to(ROOT).as_posix()
    text = unasync_text(source.read_text())
    for number, line in enumerate(text.splitlines(), 1):
        leftover = _LEFTOVER.search(line)
        if leftover:
            raise UnasyncError(f"{relative}:{number}: the sync twin keeps {leftover.group(0)!r}: {line.strip()}")
    return HEADER.format(source=relative) + _formatted(text)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for source in sources():
        twin, text = twin_of(source), render(source)
        if twin.exists() and twin.read_text() == text:
            continue
        stale.append(twin.relative_to(ROOT).as_posix())
        if not check:
            twin.write_text(text)
    if check and stale:
        print("out of date (run make generate): " + ", ".join(stale), file=sys.stderr)
        return 1
    for name in stale:
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
