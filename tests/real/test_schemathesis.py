"""schemathesis over every formation operation of openapi/mesh.yaml, against the real runtime.

For each operation schemathesis generates a few calls from the spec (``MESHKIT_REAL_EXAMPLES``,
default 5; one for the operations that start LLM or background work), with the formation's keys;
where a path names a thing, one of the calls names one the formation has (agent ``assistant``…).
Each answer's status must be documented, its content type must be the documented one, and its JSON
body must conform to the response schema; an event stream's frames must match the spec's
``x-meshkit-events``. The endless streams are opened once and closed: status and content type.

A failing example does not stop its operation's other examples, and is not shrunk: the run stays
bounded. ``make test-real`` prints ``schemathesis: N operations, M failures`` (conftest.py).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import requests
import schemathesis
from contract import SPEC, problems, spec
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from meshkit._generated.operations import OPERATIONS
from recording import FORMATION_OPERATIONS
from schemathesis import checks

EXAMPLES = int(os.environ.get("MESHKIT_REAL_EXAMPLES", "5"))
# Streams that never end by themselves: opened once, status and content type checked, closed.
OPEN_ENDED = ("stream_events", "stream_session_events", "stream_logs", "stream_request_events")
# These start LLM work (the stub answers fast, the runtime's pipeline around it does not) or a
# background job: one call each.
SLOW = {
    "audio_chat",
    "backfill_memory",
    "chat",
    "fire_trigger",
    "ingest_memories_batch",
    "lint_memory",
    "rebuild_knowledge",
    "rebuild_memory",
    "restore_session",
    "run_tuning",
    "send_notification",
    "sync_agent_knowledge",
}
# Things tests/real/formation/ has, so that some calls reach a 2xx rather than a 404.
KNOWN = {
    "agent_id": "assistant",
    "server_id": "echo",
    "skill_name": "greeting",
    "sop_name": "release-checklist",
    "trigger_name": "github-issue",
}
CHECKS = [checks.status_code_conformance, checks.content_type_conformance]

# Operation → its failures (empty: conformed), for the terminal summary (conftest.py).
RESULTS: dict[str, list[str]] = {}

schema = schemathesis.openapi.from_path(SPEC)
# Bundles are binary bodies, as in tests/devserver/test_contract.py.
schemathesis.serializer.alias("application/gzip", "application/octet-stream")


def _headers(stack: Any, operation: str) -> dict[str, str]:
    alternatives = OPERATIONS[operation]["security"]
    schemes = set(alternatives[0]) if alternatives else set()
    if "adminKey" in schemes:
        return {"X-MUXI-ADMIN-KEY": stack.admin_key}
    if "clientKey" in schemes:
        return {"X-MUXI-CLIENT-KEY": stack.client_key}
    return {}


def _strategy(operation: str) -> Any:
    api = schema.find_operation_by_id(operation)
    strategy = api.as_strategy()
    known = {name: KNOWN[name] for name in re.findall(r"\{(\w+)\}", OPERATIONS[operation]["path"]) if name in KNOWN}
    if known:
        strategy = st.one_of(api.as_strategy(path_parameters=known), strategy)
    return strategy


def _first_line(error: BaseException) -> str:
    text = " ".join(line.strip() for line in str(error).strip().splitlines()[:3] if line.strip())
    return f"{type(error).__name__}: {text[:300]}"


def _failures(group: BaseExceptionGroup[Any]) -> list[str]:
    """schemathesis' check failures, one line each: title and the message's first lines."""
    found = []
    for failure in group.exceptions:
        message = " ".join(
            line.strip() for line in str(getattr(failure, "message", failure)).splitlines() if line.strip()
        )
        found.append(f"{getattr(failure, 'title', type(failure).__name__)}: {message[:300]}")
    return found


def _frames(text: str) -> Iterator[tuple[str, str]]:
    for block in text.replace("\r\n", "\n").split("\n\n"):
        name, data = "message", []
        for line in block.split("\n"):
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].removeprefix(" "))
        if data:
            yield name, "\n".join(data)


def event_problems(operation: str, text: str) -> list[str]:
    """Each SSE frame's event is documented in x-meshkit-events and its data matches the schema."""
    events = OPERATIONS[operation]["events"] or {}
    found = []
    for name, data in _frames(text):
        if name not in events:
            found.append(f"event {name!r} is not in x-meshkit-events ({sorted(events)})")
            continue
        if events[name] is None:
            continue
        validator = Draft202012Validator(
            {"$ref": f"#/components/schemas/{events[name]}", "components": spec()["components"]}
        )
        for error in validator.iter_errors(json.loads(data)):
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            found.append(f"event {name} {where}: {error.message[:200]}")
    return found


def _check(case: Any, response: Any, headers: dict[str, str], operation: str) -> list[str]:
    stream = (response.headers.get("content-type") or [""])[0].startswith("text/event-stream")
    found: list[str] = []
    label = f"{case.method} {case.formatted_path} → {response.status_code}"
    try:
        case.validate_response(
            response, checks=CHECKS if stream else [*CHECKS, checks.response_schema_conformance], headers=headers
        )
    except BaseExceptionGroup as group:  # schemathesis' FailureGroup
        found += [f"{label}: {line}" for line in _failures(group)]
    except AssertionError as error:
        found.append(f"{label}: {_first_line(error)}")
    if stream:
        found += [f"{label}: {p}" for p in event_problems(operation, response.text)]
    return found


@pytest.mark.parametrize("operation", sorted(set(FORMATION_OPERATIONS) - set(OPEN_ENDED)))
def test_schemathesis(operation: str, stack: Any) -> None:
    headers = _headers(stack, operation)
    failures: list[str] = []

    @settings(
        max_examples=1 if operation in SLOW else EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
    )
    @given(case=_strategy(operation))
    def run(case: Any) -> None:
        try:
            response = case.call(base_url=stack.url, headers=headers, timeout=60)
        except requests.RequestException as error:
            failures.append(f"{case.method} {case.formatted_path}: {_first_line(error)}")
            return
        failures.extend(_check(case, response, headers, operation))

    run()
    RESULTS[operation] = sorted(set(failures))
    assert not failures, "\n".join(RESULTS[operation])


@pytest.mark.parametrize("operation", OPEN_ENDED)
def test_open_ended_stream(operation: str, stack: Any) -> None:
    path = OPERATIONS[operation]["path"].format(session_id="schemathesis-session", request_id="req_schemathesis")
    headers = {**_headers(stack, operation), "X-Muxi-User-ID": "schemathesis", "Accept": "text/event-stream"}
    timeout = httpx.Timeout(10, read=2)
    with httpx.stream("GET", stack.url + path, headers=headers, timeout=timeout) as response:
        media = response.headers.get("content-type", "")
        body: Any = {"_stream": True}
        if not media.startswith("text/event-stream"):
            response.read()
            body = response.json() if "json" in media else {"_stream": True}
    found = [
        f"GET {path} → {response.status_code}: {p}" for p in problems(operation, response.status_code, media, body)
    ]
    RESULTS[operation] = found
    assert not found, "\n".join(found)
