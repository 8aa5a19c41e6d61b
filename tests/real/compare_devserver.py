"""Run the probe against meshkit's dev server and compare its answers with the real runtime's.

    .venv/bin/python tests/real/compare_devserver.py    # after make test-real recorded tests/real/.answers/

Per formation operation: the statuses each side gave, and for answers that both gave a 2xx, the
JSON shape of ``data`` (keys, and types at each path): keys only the dev server sends, keys only
the runtime sends, and paths whose types differ. Writes tests/real/.answers/devserver/ and
tests/real/.answers/devserver-diff.txt. A first look for the differential test of issue 13.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from meshkit import Formation  # noqa: E402
from meshkit.devserver import DevServer  # noqa: E402
from probe import run_probe  # noqa: E402
from recording import ANSWERS_DIR, FORMATION_OPERATIONS, Recorder  # noqa: E402


def _type(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "boolean", int: "integer", float: "number", str: "string", list: "array", dict: "object"}.get(
        type(value), type(value).__name__
    )


def shape(value: Any, path: str = "", out: dict[str, set[str]] | None = None) -> dict[str, set[str]]:
    """Every path in a JSON value with the types seen there (list items share one path: ``[]``)."""
    out = {} if out is None else out
    out.setdefault(path or "(data)", set()).add(_type(value))
    if isinstance(value, dict):
        for key, item in value.items():
            shape(item, f"{path}.{key}" if path else key, out)
    elif isinstance(value, list):
        for item in value:
            shape(item, f"{path}[]", out)
    return out


def _merged(answers: list[dict[str, Any]]) -> dict[str, set[str]]:
    merged: dict[str, set[str]] = {}
    for answer in answers:
        body = answer["body"]
        if isinstance(body, dict) and "data" in body and not body.get("_stream"):
            for path, types in shape(body["data"]).items():
                merged.setdefault(path, set()).update(types)
    return merged


def _load(directory: Path) -> dict[str, list[dict[str, Any]]]:
    return {
        name: json.loads((directory / f"{name}.json").read_text())
        for name in FORMATION_OPERATIONS
        if (directory / f"{name}.json").exists()
    }


def compare(real: dict[str, list[dict[str, Any]]], dev: dict[str, list[dict[str, Any]]]) -> list[str]:
    lines: list[str] = []
    same = different = status_only = 0
    for name in sorted(FORMATION_OPERATIONS):
        real_statuses = sorted({a["status"] for a in real.get(name, [])})
        dev_statuses = sorted({a["status"] for a in dev.get(name, [])})
        real_ok = [a for a in real.get(name, []) if 200 <= a["status"] < 300]
        dev_ok = [a for a in dev.get(name, []) if 200 <= a["status"] < 300]
        if not real_ok or not dev_ok:
            if bool(real_ok) != bool(dev_ok):
                status_only += 1
                lines.append(f"{name}: status differs: real {real_statuses}, dev {dev_statuses}")
            continue
        real_shape, dev_shape = _merged(real_ok), _merged(dev_ok)
        only_dev = sorted(set(dev_shape) - set(real_shape))
        only_real = sorted(set(real_shape) - set(dev_shape))
        types = sorted(
            f"{p} real {sorted(real_shape[p])} dev {sorted(dev_shape[p])}"
            for p in set(real_shape) & set(dev_shape)
            if real_shape[p] != dev_shape[p] and not ({"null"} & (real_shape[p] ^ dev_shape[p]))
        )
        statuses = "" if real_statuses == dev_statuses else f" (status real {real_statuses}, dev {dev_statuses})"
        if not (only_dev or only_real or types or statuses):
            same += 1
            continue
        different += 1
        lines.append(f"{name}:{statuses}")
        if only_real:
            lines.append(f"    only the runtime sends: {', '.join(only_real)}")
        if only_dev:
            lines.append(f"    only the dev server sends: {', '.join(only_dev)}")
        for entry in types:
            lines.append(f"    type: {entry}")
    lines.insert(
        0,
        f"dev server vs real runtime: {same} operations the same shape, {different} different, "
        f"{status_only} 2xx on one side only",
    )
    return lines


def main() -> None:
    real = _load(ANSWERS_DIR)
    if not real:
        sys.exit(f"no recorded answers in {ANSWERS_DIR}: run make test-real first")
    recorder = Recorder()
    with DevServer() as dev:
        formation = Formation(
            url=dev.formation_url,
            client_key=dev.config.client_key,
            admin_key=dev.config.admin_key,
            http_client=recorder.client(),
            max_retries=0,
        )
        with formation:
            run_probe(formation)
    target = recorder.write(ANSWERS_DIR / "devserver")
    lines = compare(real, _load(target))
    (ANSWERS_DIR / "devserver-diff.txt").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
