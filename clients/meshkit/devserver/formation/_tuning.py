"""Tuning: the formation's MUXI.md and the tuning loop's pending suggestion."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._core import Call, not_found
from ._logs import logged_operation
from ._shared import required_field

if TYPE_CHECKING:
    from . import FormationRuntime

TUNING_SUGGESTION = "- Prefer short answers that quote the user's words."
TUNING_LIVE_PATH = "/formation/MUXI.md"  # where a deployed formation keeps its MUXI.md
TUNING_PENDING_PATH = "/formation/PENDING-MUXI.md"


@dataclass
class Tuning:
    """The live MUXI.md (None: no file) and the tuning loop's pending suggestion."""

    live: str | None = None
    pending: str | None = None


def tuning(runtime: FormationRuntime) -> Tuning:
    """The runtime's tuning state."""
    return runtime.area("tuning", Tuning)


def _pending(call: Call, verb: str) -> Tuning:
    state = tuning(call.runtime)
    if state.pending is None:
        raise not_found(f"No pending MUXI.md suggestion to {verb}", "TUNING_NO_PENDING")
    return state


@logged_operation("get_tuning", object="tuning", type="tuning.retrieved")
async def get_tuning(call: Call) -> Any:
    """``{content, path}`` of the live MUXI.md (both null when there is none)."""
    live = tuning(call.runtime).live
    return {"content": live, "path": TUNING_LIVE_PATH if live is not None else None}


@logged_operation("replace_tuning", object="tuning", type="tuning.updated")
async def replace_tuning(call: Call) -> Any:
    """Replace the live MUXI.md: ``{path, bytes}``."""
    state = tuning(call.runtime)
    state.live = required_field(await call.body(), "content", str)
    return {"path": TUNING_LIVE_PATH, "bytes": len(state.live.encode("utf-8"))}


@logged_operation("get_tuning_pending", object="tuning", type="tuning.pending.retrieved")
async def get_tuning_pending(call: Call) -> Any:
    """``{content, path}`` of the pending suggestion (content null when there is none)."""
    return {"content": tuning(call.runtime).pending, "path": TUNING_PENDING_PATH}


@logged_operation("apply_tuning_pending", object="tuning", type="tuning.pending.applied")
async def apply_tuning_pending(call: Call) -> Any:
    """Promote the pending suggestion to the live MUXI.md; 404 TUNING_NO_PENDING when there is none."""
    state = _pending(call, "apply")
    state.live, state.pending = state.pending, None
    return {"path": TUNING_LIVE_PATH, "learnings_activated": 1}


@logged_operation("dismiss_tuning_pending", object="tuning", type="tuning.pending.dismissed")
async def dismiss_tuning_pending(call: Call) -> Any:
    """Drop the pending suggestion; 404 TUNING_NO_PENDING when there is none."""
    _pending(call, "dismiss").pending = None
    return {"learnings_dismissed": 1}


@logged_operation("run_tuning", object="tuning_run", type="tuning.run.completed")
async def run_tuning(call: Call) -> Any:
    """One tuning pass, which leaves a pending suggestion (the runtime's report shape)."""
    started = time.monotonic()
    state = tuning(call.runtime)
    # The dev server's tuning loop always has the same idea, appended to the live file.
    state.pending = f"{state.live.rstrip()}\n{TUNING_SUGGESTION}\n" if state.live else f"{TUNING_SUGGESTION}\n"
    return {
        "trigger": "manual",
        "events_read": 0,
        "segments_read": 0,
        "entries_written": 0,
        "dropped_sentences": 0,
        "spool_committed": True,
        "spool_segments_kept": False,
        "benchmark_suites_run": [],
        "benchmark_skipped": "the dev server runs no benchmarks",
        "learnings_recorded": 1,
        "learnings_retired": 0,
        "muxi_md_applied": False,
        "muxi_md_suggested": True,
        "muxi_md_rejected_oversize": False,
        "recommendations": 1,
        "report_delivered": False,
        "duration_ms": round((time.monotonic() - started) * 1000, 1),
    }
