"""``make generate`` twice into the working tree: each run ≤ 15 s, and the same bytes both times
(a hash of clients/meshkit/_generated after each run). It rewrites identical bytes: nothing to
restore."""

from __future__ import annotations

import hashlib
import subprocess
import time
from pathlib import Path

from _harness import Result

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "clients" / "meshkit" / "_generated"
LIMIT_S = 15.0


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def run(server: object = None) -> list[Result]:
    times, hashes = [], []
    for _ in range(2):
        start = time.perf_counter()
        subprocess.run(["make", "--no-print-directory", "generate"], cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        hashes.append(tree_hash(GENERATED))
    identical = hashes[0] == hashes[1]
    result = Result(
        "make generate (x2, byte-identical)",
        "s wall",
        max(times),
        None,
        LIMIT_S,
        kind="max",
        rounds=2,
        notes=f"runs {times[0]:.1f} s / {times[1]:.1f} s; sha256 {hashes[0][:12]} "
        + ("identical" if identical else f"DIFFERS from {hashes[1][:12]}"),
        samples={"seconds": times},
    )
    if not identical:
        result.target = -1.0  # a difference is a MISS whatever the time
    return [result]
