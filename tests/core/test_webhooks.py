"""Webhooks (contract webhooks.md): the signature test vector, header parsing, each payload kind of
§4 parsed into a WebhookEvent, and the ui widgets helper."""

from __future__ import annotations

import doctest
import hashlib
import hmac
import json
import time
from typing import Any

import meshkit.webhooks
import pytest
from meshkit._core.errors import ConfigurationError, MeshkitError, WebhookError
from meshkit._core.sse import ServerSentEvent
from meshkit.webhooks import (
    Clarification,
    ContentItem,
    WebhookErrorInfo,
    construct_event,
    parse_event,
    parse_ui_widgets,
    verify_signature,
)

SECRET = "whsec"
T = 1700000000
BODY = b'{"id":"req_1","status":"completed"}'
V1 = "c868efdb7b6b3694550bcc3abb5173dab1842368714015b14e3a66f1120e3b14"
HEADER = f"t={T},v1={V1}"


def canonical(payload: dict[str, Any]) -> bytes:
    """The body a formation sends: keys sorted, no spaces, non-ASCII escaped (webhooks.md §1)."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()


def sign(body: bytes, timestamp: int, secret: str = SECRET) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


# --- the test vector (§3) --------------------------------------------------------------------------


def test_the_contract_vector_signs_the_documented_message() -> None:
    assert sign(BODY, T) == HEADER


def test_the_contract_vector_verifies_at_its_time() -> None:
    assert verify_signature(BODY, HEADER, SECRET, now=T) is True


@pytest.mark.parametrize("now", [T + 300, T - 300, T + 0.5])
def test_the_tolerance_is_inclusive(now: float) -> None:
    assert verify_signature(BODY, HEADER, SECRET, now=now) is True


@pytest.mark.parametrize("now", [T + 301, T - 301])
def test_a_timestamp_outside_the_tolerance_fails(now: float) -> None:
    assert verify_signature(BODY, HEADER, SECRET, now=now) is False


def test_the_tolerance_can_be_changed() -> None:
    assert verify_signature(BODY, HEADER, SECRET, tolerance_seconds=1000, now=T + 301) is True
    assert verify_signature(BODY, HEADER, SECRET, tolerance_seconds=0, now=T + 1) is False


def test_one_changed_byte_of_the_body_fails() -> None:
    assert verify_signature(BODY.replace(b"req_1", b"req_2"), HEADER, SECRET, now=T) is False


def test_a_wrong_secret_fails() -> None:
    assert verify_signature(BODY, HEADER, "whsec2", now=T) is False


def test_a_str_payload_is_verified_as_its_utf8_bytes() -> None:
    assert verify_signature(BODY.decode(), HEADER, SECRET, now=T) is True
    body = '{"id":"req_é"}'
    assert verify_signature(body, sign(body.encode(), T), SECRET, now=T) is True


def test_the_clock_defaults_to_now() -> None:
    assert verify_signature(BODY, sign(BODY, int(time.time())), SECRET) is True
    assert verify_signature(BODY, HEADER, SECRET) is False  # 2023 is long past the tolerance


def test_an_empty_secret_is_the_only_error() -> None:
    with pytest.raises(ConfigurationError) as caught:
        verify_signature(BODY, HEADER, "", now=T)
    assert isinstance(caught.value, MeshkitError)
    with pytest.raises(ConfigurationError):
        verify_signature(BODY, None, "")


# --- header parsing (§2) ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header",
    [
        f" t = {T} , v1 = {V1} ",  # spaces around parts, keys and values
        f"v1={V1},t={T}",  # any order
        f"t={T},v1={'0' * 64},v1={V1}",  # several v1: any may match
        f"t={T},v0=abc,v1={V1},scheme=hmac",  # unknown keys
        f"t={T},v1={V1},garbage",  # a part without "=" is an unknown key
        f"t={T},,v1={V1}",
    ],
)
def test_headers_that_verify(header: str) -> None:
    assert verify_signature(BODY, header, SECRET, now=T) is True


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "garbage",
        ",,,",
        f"t={T}",  # no v1
        f"t={T},v1=",
        f"v1={V1}",  # no t
        f"t=,v1={V1}",
        f"t=abc,v1={V1}",
        f"t={T}.0,v1={V1}",
        f"t=+{T},v1={V1}",
        f"t=-{T},v1={V1}",
        f"t=1_700_000_000,v1={V1}",
        "t=" + "".join(chr(0x0660 + int(d)) for d in str(T)) + f",v1={V1}",  # Arabic-Indic digits
        f"t={'9' * 5000},v1={V1}",
        f"t={T},t={T},v1={V1}",  # which t was signed would be ambiguous
        f"t={T},v1={V1.upper()}",
        f"t={T},v1={V1[:-1]}",
        f"t={T},v1={V1}é",  # non-ASCII: compared as bytes, never a TypeError
        f"t={T};v1={V1}",
    ],
)
def test_headers_that_do_not_verify(header: str | None) -> None:
    assert verify_signature(BODY, header, SECRET, now=T) is False


# --- construct_event -------------------------------------------------------------------------------


def test_construct_event_verifies_then_parses() -> None:
    event = construct_event(BODY, HEADER, SECRET, now=T)
    assert (event.request_id, event.status) == ("req_1", "completed")


@pytest.mark.parametrize(
    ("body", "header", "now"),
    [(BODY, None, T), (BODY, HEADER, T + 301), (BODY + b" ", HEADER, T), (BODY, "t=1,v1=00", T)],
)
def test_construct_event_refuses_a_delivery_that_does_not_verify(body: bytes, header: str | None, now: int) -> None:
    with pytest.raises(WebhookError) as caught:
        construct_event(body, header, SECRET, now=now)
    assert isinstance(caught.value, MeshkitError)
    assert caught.value.hint


def test_construct_event_with_an_empty_secret_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError):
        construct_event(BODY, HEADER, "", now=T)


def test_construct_event_uses_the_tolerance() -> None:
    assert construct_event(BODY, HEADER, SECRET, tolerance_seconds=1000, now=T + 301).request_id == "req_1"


# --- payloads (§4) ---------------------------------------------------------------------------------

COMPLETION = {
    "id": "req_abc",
    "status": "completed",
    "timestamp": 1700000000123,
    "response": [
        {"type": "text", "text": "Hello "},
        {"type": "file", "file": {"type": "image/png", "url": "https://files.example/a.png", "name": "a.png"}},
        {"type": "text", "text": "world"},
    ],
    "error": None,
    "formation_id": "support",
    "user_id": "u1",
    "processing_time": 1.25,
    "processing_mode": "async",
    "webhook_url": "https://hooks.example/muxi",
}


def test_a_completion_payload() -> None:
    event = construct_event(canonical(COMPLETION), sign(canonical(COMPLETION), T), SECRET, now=T)
    assert event.request_id == "req_abc"
    assert event.status == "completed"
    assert event.timestamp == pytest.approx(1700000000.123)  # milliseconds, read as seconds
    assert event.content == [
        ContentItem("text", "Hello "),
        ContentItem("file", file={"type": "image/png", "url": "https://files.example/a.png", "name": "a.png"}),
        ContentItem("text", "world"),
    ]
    assert event.text == "Hello world"
    assert event.error is None and event.clarification is None
    assert (event.formation_id, event.user_id) == ("support", "u1")
    assert (event.processing_time, event.processing_mode) == (1.25, "async")
    assert event.webhook_url == "https://hooks.example/muxi"
    assert (event.result, event.report, event.attempts) == (None, None, None)
    assert event.raw == COMPLETION


def test_a_failure_payload() -> None:
    payload = {
        "id": "req_f",
        "status": "failed",
        "timestamp": 1700000000000,
        "response": [],
        "error": {"code": "processing_failed", "message": "the agent crashed", "trace": "Traceback…"},
        "processing_mode": "async",
    }
    event = parse_event(canonical(payload))
    assert event.status == "failed"
    assert event.error == WebhookErrorInfo("processing_failed", "the agent crashed", "Traceback…")
    assert event.content == [] and event.text == ""
    assert event.timestamp == 1700000000.0


def test_a_failure_without_trace() -> None:
    event = parse_event({"id": "req_f", "status": "failed", "error": {"code": "timeout", "message": "too slow"}})
    assert event.error == WebhookErrorInfo("timeout", "too slow", None)


def test_a_clarification_payload() -> None:
    payload = {
        "id": "req_c",
        "status": "awaiting_clarification",
        "timestamp": 1700000000500,
        "clarification_question": "Which account?",
        "clarification_request_id": "clar_1",
        "original_message": "Close my account",
        "user_id": "u1",
        "response": [{"type": "text", "text": "Which account?"}],
    }
    event = parse_event(canonical(payload))
    assert event.clarification == Clarification("Which account?", "clar_1", "Close my account")
    assert event.user_id == "u1"


def test_a_retry_escalation_terminal_payload_signed_with_the_client_key() -> None:
    payload = {
        "request_id": "req_r",
        "state": "budget_exhausted",
        "result": "partial answer",
        "report": {"attempts": [{"kind": "retry", "ok": False}, {"kind": "escalate", "ok": False}]},
        "attempts": 2,
        "timestamp": 1700000000,
    }
    body = canonical(payload)
    event = construct_event(body, sign(body, T, "client-key"), "client-key", now=T)
    assert (event.request_id, event.status) == ("req_r", "budget_exhausted")
    assert event.result == "partial answer"
    assert event.report == payload["report"]
    assert event.attempts == 2
    assert event.timestamp == 1700000000.0
    assert event.content == [] and event.error is None and event.clarification is None


def test_an_older_runtime_payload_with_request_id_and_float_seconds() -> None:
    event = parse_event({"request_id": "req_old", "status": "completed", "timestamp": 1700000000.25})
    assert event.request_id == "req_old"
    assert event.timestamp == 1700000000.25


def test_id_wins_over_request_id_and_status_over_state() -> None:
    event = parse_event({"id": "req_new", "request_id": "req_old", "status": "failed", "state": "exhausted"})
    assert (event.request_id, event.status) == ("req_new", "failed")


def test_unknown_fields_and_statuses_are_kept() -> None:
    payload = {"id": "req_u", "status": "paused", "tenant": {"tier": "gold"}, "response": [{"type": "audio"}]}
    event = parse_event(json.dumps(payload))
    assert event.status == "paused"
    assert event.raw == payload
    assert event.content == [ContentItem("audio")]


def test_missing_optional_fields_are_none() -> None:
    event = parse_event(b"{}")
    assert (event.request_id, event.status, event.timestamp, event.error, event.clarification) == (None,) * 5
    assert (event.formation_id, event.user_id, event.processing_time, event.processing_mode) == (None,) * 4
    assert (event.webhook_url, event.result, event.report, event.attempts) == (None,) * 4
    assert event.content == [] and event.raw == {}


def test_malformed_optional_fields_never_fail() -> None:
    payload = {
        "id": 7,
        "status": ["completed"],
        "timestamp": "1700000000",
        "response": [None, "text", {"text": "untyped"}, {"file": {"url": "u"}}, {"type": "text", "text": 3}],
        "error": "plain message",
        "processing_time": True,
        "report": "not an object",
        "attempts": True,
    }
    event = parse_event(payload)
    assert (event.request_id, event.status, event.timestamp) == (None, None, None)
    assert event.content == [
        ContentItem("text", "untyped"),
        ContentItem("file", file={"url": "u"}),
        ContentItem("text"),
    ]
    assert event.error == WebhookErrorInfo(None, "plain message")
    assert (event.processing_time, event.report, event.attempts) == (None, None, None)
    assert event.raw == payload


def test_huge_numbers_are_not_numbers() -> None:
    event = parse_event({"timestamp": 10**400, "processing_time": 10**400})
    assert (event.timestamp, event.processing_time) == (None, None)


def test_the_status_alone_announces_a_clarification() -> None:
    clarification = parse_event({"status": "awaiting_clarification"}).clarification
    assert clarification == Clarification(None, None, None)


def test_non_ascii_text_round_trips_through_the_escaped_canonical_body() -> None:
    body = canonical({"id": "req_1", "response": [{"type": "text", "text": "日本 😀"}]})
    assert b"\\u" in body
    assert construct_event(body, sign(body, T), SECRET, now=T).text == "日本 😀"


def test_a_dict_payload_is_copied_into_raw() -> None:
    payload = {"id": "req_1"}
    event = parse_event(payload)
    payload["id"] = "changed"
    assert event.raw == {"id": "req_1"} and event.request_id == "req_1"


@pytest.mark.parametrize(
    "body", [b"[]", b"1", b"null", b'"text"', "[1, 2]", b"not json", b"\xff\xfe", b"", "{", b"[" * 100_000]
)
def test_a_body_that_is_not_a_json_object_is_a_webhook_error(body: bytes | str) -> None:
    with pytest.raises(WebhookError) as caught:
        parse_event(body)
    assert isinstance(caught.value, MeshkitError)


# --- ui widgets ------------------------------------------------------------------------------------

UI = {"ui": [{"type": "options", "id": "w1", "options": ["Yes", "No"]}, {"type": "hologram", "x": 1}]}


@pytest.mark.parametrize(
    "source",
    [
        UI,
        json.dumps(UI),
        json.dumps(UI).encode(),
        ServerSentEvent("ui", json.dumps(UI)),
        {"event": "ui", "data": json.dumps(UI)},  # the muxi SDK's frame dict
    ],
)
def test_parse_ui_widgets_keeps_every_widget_including_unknown_types(source: object) -> None:
    assert parse_ui_widgets(source) == UI["ui"]


def test_parse_ui_widgets_reads_an_event_that_carries_the_parsed_payload() -> None:
    class UiEvent:  # the shape of a typed chat event: the decoded payload in ``data``
        data = UI

    assert parse_ui_widgets(UiEvent()) == UI["ui"]


def test_parse_ui_widgets_drops_items_that_are_not_widgets() -> None:
    payload = {"ui": [{"type": "options"}, "button", None, {"id": "no type"}, {"type": 3}, {"type": "action_link"}]}
    assert parse_ui_widgets(payload) == [{"type": "options"}, {"type": "action_link"}]


@pytest.mark.parametrize(
    "source",
    [
        None,
        42,
        "not json",
        b"\xff",
        "[1, 2]",
        {"ui": "options"},
        {"ui": None},
        {},
        {"token": {"type": "content"}},
        ServerSentEvent("message", '{"token": {"type": "content"}}'),
        ServerSentEvent("ui", "not json"),
        {"event": "ui", "data": 5},
        "[" * 100_000,
    ],
)
def test_parse_ui_widgets_of_anything_else_is_empty(source: object) -> None:
    assert parse_ui_widgets(source) == []


# --- the module's own example ----------------------------------------------------------------------


def test_the_module_docstring_example_runs() -> None:
    result = doctest.testmod(meshkit.webhooks)
    assert result.attempted > 0 and result.failed == 0
