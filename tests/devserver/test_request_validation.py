"""The dev server's request validation (devserver/_validation.py): what the spec forbids is refused
after authentication, in each API's own error shape (formation.md §4, server.md §2, broker.md §4)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from meshkit.devserver import DevServer, DevServerConfig, _server
from meshkit.devserver._validation import FORMATION, Spec, coerce, spec
from test_server import authorization

CONFIG = DevServerConfig(port=0)
CLIENT = {"X-MUXI-CLIENT-KEY": CONFIG.client_key}


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    with DevServer(CONFIG) as dev, httpx.Client(base_url=dev.url) as client:
        yield client


def rpc_headers(method: str, path: str) -> dict[str, str]:
    return {"Authorization": authorization(CONFIG.key_id, CONFIG.secret_key, method, path)}


# --- formation: 422 INVALID_PARAMS listing every problem (formation.md §4) -----------------------


def test_a_formation_request_breaking_the_spec_is_422_with_every_problem(http: httpx.Client) -> None:
    body = {"message": 5, "stream": "yes", "ui_response": {"id": "w1"}}

    reply = http.post("/formation/v1/chat", headers=CLIENT, json=body)

    assert reply.status_code == 422
    envelope = reply.json()
    assert envelope["object"] == "error" and envelope["type"] == "error.validation"
    assert envelope["success"] is False and envelope["data"] == {}
    assert envelope["request"]["id"].startswith("req_")
    assert envelope["error"] == {
        "code": "INVALID_PARAMS",
        "message": "Request validation failed",
        "data": {
            "validation_errors": [
                {
                    "field": "message",
                    "msg": "Input should be a valid string",
                    "type": "string_type",
                    "error": "Input should be a valid string",
                },
                {
                    "field": "stream",
                    "msg": "Input should be a valid boolean",
                    "type": "bool_type",
                    "error": "Input should be a valid boolean",
                },
                {"field": "ui_response.value", "msg": "Field required", "type": "missing", "error": "Field required"},
            ]
        },
    }


def test_formation_query_parameters_are_read_as_fastapi_reads_them(http: httpx.Client) -> None:
    headers = {**CLIENT, "X-Muxi-User-ID": "alice"}

    assert http.get("/formation/v1/sessions?limit=5.0&active_only=YES", headers=headers).status_code == 200
    reply = http.get("/formation/v1/sessions?limit=0&active_only=maybe", headers=headers)

    assert reply.status_code == 422
    assert [(e["field"], e["type"]) for e in reply.json()["error"]["data"]["validation_errors"]] == [
        ("query.active_only", "bool_parsing"),
        ("query.limit", "greater_than_equal"),
    ]


def test_a_missing_required_user_header_is_the_runtimes_own_400_after_validation(http: httpx.Client) -> None:
    missing = http.get("/formation/v1/sessions", headers=CLIENT)
    empty = http.get("/formation/v1/sessions", headers={**CLIENT, "X-Muxi-User-ID": ""})
    also_invalid = http.get("/formation/v1/sessions?limit=0", headers=CLIENT)

    for reply in (missing, empty):
        assert reply.status_code == 400
        assert reply.json()["error"] == {
            "code": "INVALID_REQUEST",
            "message": "X-Muxi-User-ID header is required",
            "data": None,
        }
    assert also_invalid.status_code == 422  # the framework validates before the handler looks for a user


@pytest.mark.parametrize(
    ("options", "field", "kind"),
    [
        ({"content": b""}, "body", "missing"),
        ({"content": b"{not json"}, "body", "json_invalid"),
        ({"content": b'{"message": "hi"}', "headers": {"Content-Type": "text/plain"}}, "body", "model_attributes_type"),
    ],
)
def test_an_unusable_formation_body_is_422(http: httpx.Client, options: dict[str, Any], field: str, kind: str) -> None:
    headers = {**CLIENT, **options.pop("headers", {})}

    reply = http.post("/formation/v1/chat", headers=headers, **options)

    assert reply.status_code == 422
    [problem] = reply.json()["error"]["data"]["validation_errors"]
    assert (problem["field"], problem["type"]) == (field, kind)


def test_authentication_comes_before_validation(http: httpx.Client) -> None:
    assert http.post("/formation/v1/chat", json={"message": 5}).status_code == 401
    assert http.get("/formation/v1/sessions?limit=0").status_code == 401


# --- server: 400 with the server error body (server.md §2) ---------------------------------------


def test_the_server_refuses_with_its_own_error_body(monkeypatch: pytest.MonkeyPatch) -> None:
    # No server operation of the spec documents a 400 for a parameter it could refuse (server.md §6
    # reads them leniently), so the spec is extended for this test: server logs now document a 400.
    document = copy.deepcopy(spec().document)
    document["paths"]["/rpc/server/logs"]["get"]["responses"]["400"] = {"description": "Bad Request"}
    monkeypatch.setattr(_server, "spec", lambda: Spec(document))
    with DevServer(CONFIG) as dev, httpx.Client(base_url=dev.url) as client:
        refused = client.get("/rpc/server/logs?lines=0", headers=rpc_headers("GET", "/rpc/server/logs"))
        unsigned = client.get("/rpc/server/logs?lines=0")
        logged = client.get("/rpc/server/logs", headers=rpc_headers("GET", "/rpc/server/logs")).text

    assert refused.status_code == 400
    assert refused.json() == {
        "error": "Bad Request",
        "message": "Invalid query parameter 'lines': Input should be greater than or equal to 1",
        "code": 400,
    }
    assert unsigned.status_code == 401  # authentication first
    assert "GET /rpc/server/logs 400\n" in logged  # refusals are audited like any /rpc call


def test_server_parameters_of_operations_documenting_no_400_are_read_leniently(http: httpx.Client) -> None:
    reply = http.get("/rpc/server/logs?lines=0", headers=rpc_headers("GET", "/rpc/server/logs"))

    assert reply.status_code == 200  # server.md §6: invalid or <= 0 means the default


# --- broker: 400 invalid_request with the field (broker.md §4) ------------------------------------


def test_the_broker_refuses_with_invalid_request_naming_the_field(http: httpx.Client) -> None:
    reply = http.post("/broker/messages", json={"agent_id": "a", "payload": "", "timestamp": 2**63})

    assert reply.status_code == 400
    assert reply.json() == {
        "error": "invalid_request",
        "message": "Invalid request: timestamp must be a 64-bit integer",
        "field": "timestamp",
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The broker's own decoding catches this one first, with its own message.
        (
            {"agent_id": "a", "priority": "high", "timestamp": 2**63},
            {
                "error": "invalid_request",
                "message": "Invalid request: priority must be an integer",
                "field": "priority",
            },
        ),
        # A type problem is a decoding failure (§5.1 step 2): it comes before the rules of step 3.
        (
            {"agent_id": "Bad", "timestamp": -(2**63) - 1},
            {
                "error": "invalid_request",
                "message": "Invalid request: timestamp must be a 64-bit integer",
                "field": "timestamp",
            },
        ),
        # Null means absent (§1); the rules of §5.2 keep their own codes.
        (
            {"agent_id": "Bad", "timestamp": None},
            {
                "error": "invalid_agent_id",
                "message": "Invalid agent ID: Agent ID 'Bad' must match pattern ^[a-z0-9_-]+$",
                "field": "agent_id",
            },
        ),
    ],
)
def test_the_brokers_own_codes_and_order_are_kept(http: httpx.Client, body: dict[str, Any], expected: Any) -> None:
    reply = http.post("/broker/messages", json=body)

    assert reply.status_code == 400
    assert reply.json() == expected


def test_a_batch_item_breaking_the_spec_fails_in_its_own_acknowledgment(http: httpx.Client) -> None:
    items = [{"agent_id": "a", "message_id": "m1", "timestamp": 2**64}]

    reply = http.post("/broker/messages/batch", json={"messages": items})

    assert reply.status_code == 200
    [ack] = reply.json()["acknowledgments"]
    assert (ack["status"], ack["error_code"], ack["original_message_id"]) == ("failed", "invalid_request", "m1")
    assert ack["error"] == "Invalid request: timestamp must be a 64-bit integer"


def test_a_broker_body_under_another_media_type_is_invalid_request(http: httpx.Client) -> None:
    body = b'{"agent_id": "a", "tokens": 10}'

    reply = http.post("/broker/budgets", content=body, headers={"Content-Type": "text/plain"})

    assert reply.status_code == 400
    assert reply.json()["error"] == "invalid_request" and reply.json()["field"] == "body"


# --- the pieces --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "types", "value"),
    [
        ("5", ("integer",), 5),
        (" +5 ", ("integer",), 5),
        ("5.0", ("integer", "null"), 5),
        ("5.5", ("integer",), "5.5"),
        ("1e3", ("number",), 1000.0),
        ("YES", ("boolean",), True),
        ("off", ("boolean",), False),
        ("maybe", ("boolean",), "maybe"),
        ("5", ("string", "integer"), "5"),
    ],
)
def test_parameters_are_coerced_from_text_like_pydantic_lax_mode(text: str, types: tuple[str, ...], value: Any) -> None:
    assert coerce(text, types) == value


def test_routes_match_the_spec_whatever_their_parameter_names() -> None:
    checked = spec().check(FORMATION, "POST", "/v1/triggers/{name}")

    assert checked is not None and checked.operation.operation_id == "fire_trigger"
    assert spec().check(FORMATION, "GET", "/v1/not-in-the-spec") is None
