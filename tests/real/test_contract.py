"""Every formation operation's real answers against openapi/mesh.yaml (status, content type, schema).

The probe (tests/real/probe.py) calls every operation once through ``formation.ops``; each 2xx
answer it recorded is checked here. Operations the runtime does not serve offline are skipped
with the reason; the known divergences are strict xfails, so fixing the spec flips them.
"""

from __future__ import annotations

from typing import Any

import pytest
from contract import problems
from recording import FORMATION_OPERATIONS

# Why these answer no 2xx against muxi-runtime 1.20260928.0 offline.
UNREACHABLE = {
    "list_skills": "runtime bug: 500 create_success_response() missing object_type and event_type",
    "get_skill": "runtime bug: 500 create_success_response() missing object_type and event_type",
    "list_agent_skills": "runtime bug: 500 create_success_response() missing object_type and event_type",
    "stream_request_events": "runtime bug: 500 No module named 'muxi.runtime.formation.services'",
    "create_credential": "runtime bug: 500 'EncryptedCredentialResolver' object has no attribute 'store'",
    "get_credential": "needs a stored credential, and create_credential fails in the runtime (404 only)",
    "delete_credential": "needs a stored credential, and create_credential fails in the runtime (404 only)",
    "ingest_distilled_memories": "needs an Ed25519-signed request (X-Distillery-ID…); typed from the runtime's source",
    "get_distilled_status": "needs an accepted distilled batch (404 only)",
    "apply_tuning_pending": "needs a pending MUXI.md suggestion, which run_tuning does not produce offline",
    "dismiss_tuning_pending": "needs a pending MUXI.md suggestion, which run_tuning does not produce offline",
    "clear_memory_buffers": "runtime bug: 500 (no APIEventType.MEMORY_BUFFER_CLEARED) after clearing; 503 when empty",
}

# Where the runtime's 2xx answers disagree with openapi/mesh.yaml (the spec must follow the runtime).
# Fixed, in openapi/additions/formation/conversations.yaml: chat/audio_chat (message.artifacts null),
# sessions and requests (epoch-float times), session messages ({text, metadata: {role, …}, …}); in
# openapi/additions/formation/memory.yaml: rebuild/forget (202) and register_distillery (201).
DIVERGENCES: dict[str, str] = {}


def _params() -> list[Any]:
    params = []
    for name in sorted(FORMATION_OPERATIONS):
        marks = []
        if name in DIVERGENCES:
            marks.append(pytest.mark.xfail(strict=True, reason=DIVERGENCES[name]))
        params.append(pytest.param(name, marks=marks, id=name))
    return params


@pytest.mark.parametrize("operation", _params())
def test_answers_match_the_spec(operation: str, probed: Any) -> None:
    answers = [a for a in probed.recorder.answers if a.operation == operation and 200 <= a.status < 300]
    if not answers:
        reason = UNREACHABLE.get(operation)
        statuses = sorted({a.status for a in probed.recorder.answers if a.operation == operation})
        if reason is None:
            pytest.fail(f"{operation} answered no 2xx ({statuses}) and is not listed as unreachable")
        pytest.skip(f"unreachable offline: {reason} (saw {statuses})")
    found = sorted({p for a in answers for p in problems(operation, a.status, a.content_type, a.body)})
    assert not found, f"{operation}: " + "; ".join(found)


def test_reach(probed: Any) -> None:
    """How many operations answered 2xx; every operation not listed as unreachable must."""
    answered = set(probed.recorder.answered_2xx())
    expected = set(FORMATION_OPERATIONS) - set(UNREACHABLE)
    assert expected <= answered, f"no 2xx from: {sorted(expected - answered)}"
    print("\n" + probed.recorder.summary().splitlines()[0])


def test_error_answers_match_the_spec(probed: Any) -> None:
    """The runtime's 4xx/5xx answers to the probe are documented and match the error envelope."""
    errors = [a for a in probed.recorder.answers if a.status >= 400]
    assert errors, "the probe should have met a few errors (unreachable operations)"
    found = sorted(
        {
            f"{a.operation} {a.status}: {p}"
            for a in errors
            for p in problems(a.operation, a.status, a.content_type, a.body)
        }
    )
    assert not found, "\n".join(found)


def test_meshkit_decodes_every_2xx(probed: Any) -> None:
    """formation.ops turns every 2xx answer into its typed model, except the known chat divergence
    (null message.artifacts, test_divergences.py), which raises ResponseValidationError."""
    from meshkit import ResponseValidationError

    failing = {o.operation for o in probed.outcomes if isinstance(o.error, ResponseValidationError)}
    assert failing <= {"chat", "audio_chat"}, sorted(failing)
