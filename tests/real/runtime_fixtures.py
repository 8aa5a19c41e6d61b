"""The real runtime's answers to the probe as committed fixtures, and the shape comparison the
offline differential test (tests/devserver/test_matches_runtime.py) makes with them.

    make record-real                                          # starts the stack (under flock)
    .venv/bin/python tests/real/runtime_fixtures.py --url URL  # against a running formation

Fixture format, ``tests/fixtures/real-runtime/<operation>.json``::

    {"operation": "get_session",
     "calls": [{"call": 0, "method": "GET", "path": "/v1/sessions/{session_id}", "status": 200,
                "content_type": "application/json", "body": {...scrubbed...}}]}

``call`` is the call's place among the probe's calls of that operation (tests/real/probe.py calls
some operations more than once: chat blocking, streamed, async…); per operation one call of each
(status, media type) is kept, at most three: of calls alike, the one with the most JSON in it.
``path`` is the operation's template, never the concrete ids. ``body`` is the JSON body with
volatile values replaced by placeholders of the same JSON type (``scrub``): keys, signatures,
request/user/session ids, uuids, tokens, timestamps, run directories and ports; lists keep their
first two items and long strings are cut. An event-stream answer has ``events`` instead of a body:
the SSE event names in order, a run of the same name written once (``message, message, done`` →
``["message", "done"]``); the endless streams, which the probe opens and closes unread, have ``[]``.
``_runtime.json`` names the runtime version recorded.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from recording import FORMATION_OPERATIONS, Answer  # noqa: E402

ROOT = HERE.parents[1]
FIXTURES_DIR = ROOT / "tests" / "fixtures" / "real-runtime"
MAX_CALLS = 3  # per operation
MAX_ITEMS = 2  # per list
MAX_TEXT = 160  # characters per string

# --- scrubbing --------------------------------------------------------------------------------------

_STRING_RULES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"\b(?:fma|fmc)_[A-Za-z0-9_]+|\b(?:fma|fmc|sk-)•+\w*|\bsk-[A-Za-z0-9_-]+|\bghp_[A-Za-z0-9_]+"),
        "<key>",
    ),
    (re.compile(r"MUXI-HMAC [^\"]+|Bearer [A-Za-z0-9._~+/=-]+"), "<authorization>"),
    (re.compile(r"/tmp/meshkit-real-[A-Za-z0-9_-]+"), "<run-dir>"),
    (re.compile(r"tmp-meshkit-real-[A-Za-z0-9]+-[A-Za-z0-9]+"), "<run-dir>"),
    (re.compile(r"\b(?:127\.0\.0\.1|localhost):\d+"), "127.0.0.1:<port>"),
    (re.compile(r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"), "<uuid>"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?"), "<timestamp>"),
    (re.compile(r"\b([a-z]{2,5}_)(?=[A-Za-z0-9_-]*[0-9A-Z])[A-Za-z0-9_-]{10,}"), r"\1<id>"),  # req_…, mem_…
    (re.compile(r"(?<![A-Za-z0-9])(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}(?![A-Za-z0-9])"), "<hex>"),
    # Random tokens: long runs of letters and digits mixed (nanoids, base64 signatures).
    (re.compile(r"(?<![A-Za-z0-9<])(?=[A-Za-z0-9_=+]*\d)(?=[A-Za-z0-9_=+]*[A-Za-z])[A-Za-z0-9_=+]{16,}"), "<token>"),
]
# Keys whose numbers are times or measurements of this run.
_VOLATILE_NUMBER = re.compile(
    r"(^|_)(at|time|timestamp|ts|since|until|last_activity|uptime|duration|elapsed|latency|memory_usage|"
    r"pid|port|events_read|size_bytes|bytes)(_|$)|(_ms|_mb|_seconds|_s)$",
    re.IGNORECASE,
)
_EPOCH = (1e9, 1e10)  # seconds; milliseconds are 1000 times that


def scrub_text(text: str) -> str:
    for pattern, placeholder in _STRING_RULES:
        text = pattern.sub(placeholder, text)
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT // 2] + "…"
    return text


def _scrub_number(value: int | float, key: str) -> int | float:
    epoch = _EPOCH[0] <= abs(value) < _EPOCH[1] or _EPOCH[0] * 1000 <= abs(value) < _EPOCH[1] * 1000
    if epoch or _VOLATILE_NUMBER.search(key):
        return 0 if isinstance(value, int) else 0.0
    return value


def scrub(value: Any, key: str = "") -> Any:
    """``value`` with volatile parts replaced by placeholders of the same JSON type."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for name, item in value.items():
            clean = scrub_text(name)
            while clean in out:  # two volatile keys that scrub alike stay two keys
                clean += "'"
            out[clean] = scrub(item, name)
        return out
    if isinstance(value, list):
        return [scrub(item, key) for item in value[:MAX_ITEMS]]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return _scrub_number(value, key)
    if isinstance(value, str):
        return scrub_text(value)
    return value


def collapse(events: list[str]) -> list[str]:
    """A run of the same event name, once: the token count of a chat is not a shape."""
    return [name for i, name in enumerate(events) if i == 0 or events[i - 1] != name]


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _size(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dict):
        return 1 + sum(_size(item) for item in value.values())
    if isinstance(value, list):
        return 1 + sum(_size(item) for item in value)
    return 1


def calls(answers: list[Answer]) -> dict[str, list[dict[str, Any]]]:
    """Per operation, one call of each (status, media type), at most MAX_CALLS, as fixtures: of calls
    alike, the one with the most to compare (a list with items rather than an empty one)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name, by_place in all_calls(answers).items():
        kept: dict[tuple[int, str], dict[str, Any]] = {}
        for call in by_place.values():
            kind = (call["status"], call["content_type"])
            if kind in kept:
                if _size(call.get("body", call.get("events"))) > _size(
                    kept[kind].get("body", kept[kind].get("events"))
                ):
                    kept[kind] = call
            elif len(kept) < MAX_CALLS:
                kept[kind] = call
        out[name] = sorted(kept.values(), key=lambda call: int(call["call"]))
    return out


def all_calls(answers: list[Answer]) -> dict[str, dict[int, dict[str, Any]]]:
    """Every call, by operation and place, in the fixture format (the dev server side)."""
    seen: dict[str, int] = {}
    out: dict[str, dict[int, dict[str, Any]]] = {}
    for answer in answers:
        index = seen.get(answer.operation, 0)
        seen[answer.operation] = index + 1
        call: dict[str, Any] = {
            "call": index,
            "method": answer.method,
            "path": FORMATION_OPERATIONS[answer.operation]["path"],
            "status": answer.status,
            "content_type": media_type(answer.content_type),
        }
        if answer.events is not None:
            call["events"] = collapse(answer.events)
        else:
            call["body"] = scrub(answer.body)
        out.setdefault(answer.operation, {})[index] = call
    return out


def write(recorded: dict[str, list[dict[str, Any]]], runtime_version: str, directory: Path = FIXTURES_DIR) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.json"):
        old.unlink()
    for name in sorted(recorded):
        document = {"operation": name, "calls": recorded[name]}
        (directory / f"{name}.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    meta = {
        "runtime": "muxi-runtime",
        "version": runtime_version,
        "backend": "postgres (multi-user), stub LLM, offline",
        "scenario": "tests/real/probe.py",
        "operations_recorded": len(recorded),
        "operations_not_called": sorted(set(FORMATION_OPERATIONS) - set(recorded)),
    }
    (directory / "_runtime.json").write_text(json.dumps(meta, indent=2) + "\n")
    return directory


def load(directory: Path = FIXTURES_DIR) -> dict[str, list[dict[str, Any]]]:
    return {
        path.stem: json.loads(path.read_text())["calls"]
        for path in sorted(directory.glob("*.json"))
        if not path.name.startswith("_")
    }


def runtime_version(directory: Path = FIXTURES_DIR) -> str:
    return str(json.loads((directory / "_runtime.json").read_text())["version"])


# --- shape comparison ---------------------------------------------------------------------------


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return {str: "string", list: "array", dict: "object"}.get(type(value), type(value).__name__)


def _same_type(real: str, dev: str) -> bool:
    # An integer is a JSON number: where the runtime sends 1.5, the dev server's 2 is the same type.
    return real == dev or (real == "number" and dev == "integer")


def shape_differences(real: Any, dev: Any, path: str = "") -> list[str]:
    """Where ``dev`` has another shape than ``real``: keys at every level, JSON types, and lists by
    their first item (when both have one)."""
    where = path or "(body)"
    real_type, dev_type = json_type(real), json_type(dev)
    if not _same_type(real_type, dev_type):
        return [f"{where}: runtime {real_type}, dev server {dev_type}"]
    found: list[str] = []
    if isinstance(real, dict) and isinstance(dev, dict):
        only_real = sorted(set(real) - set(dev))
        only_dev = sorted(set(dev) - set(real))
        if only_real:
            found.append(f"{where}: only the runtime sends {', '.join(only_real)}")
        if only_dev:
            found.append(f"{where}: only the dev server sends {', '.join(only_dev)}")
        for key in sorted(set(real) & set(dev)):
            found += shape_differences(real[key], dev[key], f"{path}.{key}" if path else key)
    elif isinstance(real, list) and isinstance(dev, list) and real and dev:
        found += shape_differences(real[0], dev[0], f"{path}[]" if path else "[]")
    return found


def call_differences(real: dict[str, Any], dev: dict[str, Any] | None) -> list[str]:
    label = f"#{real['call']}"
    if dev is None:
        return [f"{label}: the dev server got no such call (runtime {real['status']})"]
    if real["status"] != dev["status"]:
        return [f"{label}: status runtime {real['status']}, dev server {dev['status']}"]
    if real["content_type"] != dev["content_type"]:
        return [f"{label}: content type runtime {real['content_type']}, dev server {dev['content_type']}"]
    if "events" in real or "events" in dev:
        if real.get("events") != dev.get("events"):
            return [f"{label}: events runtime {real.get('events')}, dev server {dev.get('events')}"]
        return []
    return [f"{label} {line}" for line in shape_differences(real["body"], dev["body"])]


def differences(
    recorded: dict[str, list[dict[str, Any]]], dev: dict[str, dict[int, dict[str, Any]]]
) -> dict[str, list[str]]:
    """Per operation, how the dev server's answers differ from the recording (empty: same shape)."""
    out: dict[str, list[str]] = {}
    for name, real_calls in sorted(recorded.items()):
        mine = dev.get(name, {})
        # A call the dev server did not make (the probe polls the runtime longer): its last one.
        last = mine[max(mine)] if mine else None
        found = [line for call in real_calls for line in call_differences(call, mine.get(call["call"], last))]
        if found:
            out[name] = found
    return out


# --- recording ----------------------------------------------------------------------------------


def record(url: str, admin_key: str, client_key: str) -> dict[str, list[dict[str, Any]]]:
    from meshkit import Formation
    from probe import run_probe
    from recording import Recorder

    recorder = Recorder()
    formation = Formation(
        url=url, client_key=client_key, admin_key=admin_key, http_client=recorder.client(), max_retries=0
    )
    with contextlib.closing(formation):
        run_probe(formation)
    print(recorder.summary())
    return calls(recorder.answers)


def installed_runtime_version() -> str:
    """The muxi-runtime version in .venv-runtime/ (what was recorded), else the tier's pin."""
    import subprocess

    from harness import RUNTIME_PYTHON, RUNTIME_VERSION

    try:
        answer = subprocess.run(
            [str(RUNTIME_PYTHON), "-c", "import importlib.metadata as m; print(m.version('muxi-runtime'))"],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return RUNTIME_VERSION
    return answer.stdout.strip() or RUNTIME_VERSION


def from_answers(directory: Path) -> list[Answer]:
    """The probe's answers as the last real-tier run saved them (tests/real/.answers/, in call order
    per operation), to rewrite the fixtures without starting the runtime."""
    from recording import _EventNames

    answers = []
    for path in sorted(directory.glob("*.json")):
        if path.name.startswith("_"):
            continue
        for saved in json.loads(path.read_text()):
            answer = Answer(
                path.stem, saved["method"], saved["path"], saved["status"], saved["content_type"], saved["body"]
            )
            if "events" in saved:
                answer.stream = _EventNames()
                answer.stream.names = list(saved["events"])
            answers.append(answer)
    return answers


def main() -> None:
    from harness import ADMIN_KEY, CLIENT_KEY, running_stack
    from recording import ANSWERS_DIR

    parser = argparse.ArgumentParser(description="Record the real runtime's answers to the probe as fixtures.")
    parser.add_argument("--url", help="a running formation (tests/real/harness.py); else one is started")
    parser.add_argument(
        "--from-answers", action="store_true", help=f"rewrite them from {ANSWERS_DIR} (the last make test-real)"
    )
    parser.add_argument("--out", type=Path, default=FIXTURES_DIR)
    args = parser.parse_args()
    if args.from_answers:
        recorded = calls(from_answers(ANSWERS_DIR))
    elif args.url:
        recorded = record(args.url, ADMIN_KEY, CLIENT_KEY)
    else:
        with running_stack("postgres") as stack:
            recorded = record(stack.url, stack.admin_key, stack.client_key)
    target = write(recorded, installed_runtime_version(), args.out)
    print(
        f"{len(recorded)} operations recorded in {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}"
    )


if __name__ == "__main__":
    main()
