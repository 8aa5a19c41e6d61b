"""openapi/mesh.yaml: valid, complete against the contract, and exactly what its inputs produce."""

from __future__ import annotations

import copy
import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi" / "mesh.yaml"
METHODS = ("get", "put", "post", "delete", "patch")


def _load_build_spec() -> Any:
    spec = importlib.util.spec_from_file_location("build_spec", ROOT / "openapi" / "build_spec.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_spec = _load_build_spec()


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))


def _operations(spec: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """`METHOD path` → (path, operation)."""
    return {
        f"{method.upper()} {path}": (path, item[method])
        for path, item in spec["paths"].items()
        for method in METHODS
        if method in item
    }


def test_spec_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    assert spec["openapi"] == "3.1.0"
    validate(spec)


def test_spec_is_exactly_what_make_spec_builds() -> None:
    """mesh.yaml is never edited by hand: rebuilding it from its inputs changes nothing."""
    rebuilt = build_spec.render(build_spec.build())
    assert rebuilt == SPEC_PATH.read_text(encoding="utf-8")


@pytest.mark.parametrize("api, expected_count", [("broker", 11), ("server", 16), ("formation", 103)])
def test_every_contract_operation_is_in_the_spec(spec: dict[str, Any], api: str, expected_count: int) -> None:
    expected = yaml.safe_load((ROOT / "tests" / "operations.yaml").read_text(encoding="utf-8"))[api]
    assert len(expected) == len(set(expected)) == expected_count
    in_spec = {key for key, (_, op) in _operations(spec).items() if api in op["tags"]}
    assert sorted(set(expected) - in_spec) == [], "operations the contract has but the spec lacks"
    assert sorted(in_spec - set(expected)) == [], "operations the spec has but the contract does not name"


def test_operation_ids_are_unique_snake_case_python_names(spec: dict[str, Any]) -> None:
    ids = [op["operationId"] for _, op in _operations(spec).values()]
    assert len(ids) == len(set(ids))
    for operation_id in ids:
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", operation_id), operation_id
        assert operation_id.isidentifier()
    for name in ("chat", "list_sessions", "deploy_formation", "send_message", "health"):
        assert name in ids


def test_each_operation_has_one_api_tag_its_own_servers_security_and_retry_class(spec: dict[str, Any]) -> None:
    for key, (_, op) in _operations(spec).items():
        if key == "GET /health":  # the one path served by two APIs (contract README)
            assert op["tags"] == ["server", "broker"]
        else:
            assert len(op["tags"]) == 1 and op["tags"][0] in {"broker", "formation", "server"}, key
        assert op["servers"], key
        assert "security" in op, key
        assert op["x-meshkit-retry"] in {"safe", "never", "idempotency-key"}, key
        assert op.get("summary"), key


def test_retry_classes_follow_the_contract(spec: dict[str, Any]) -> None:
    ops = _operations(spec)
    idempotent = {key for key, (_, op) in ops.items() if op["x-meshkit-retry"] == "idempotency-key"}
    assert idempotent == {"POST /v1/chat", "POST /v1/triggers/{trigger_name}", "POST /v1/scheduler/jobs"}
    for key, (_, op) in ops.items():
        method = key.split()[0]
        if method == "GET" or "broker" in op["tags"]:
            assert op["x-meshkit-retry"] == "safe", key
        elif "server" in op["tags"]:
            assert op["x-meshkit-retry"] == "never", key
        elif method in ("PUT", "DELETE"):
            assert op["x-meshkit-retry"] == "safe", key
        elif key not in idempotent:
            assert op["x-meshkit-retry"] == "never", key


def test_security_schemes_and_formation_auth_groups(spec: dict[str, Any]) -> None:
    schemes = spec["components"]["securitySchemes"]
    assert schemes["clientKey"] == {
        **schemes["clientKey"],
        "type": "apiKey",
        "in": "header",
        "name": "X-MUXI-CLIENT-KEY",
    }
    assert schemes["adminKey"]["name"] == "X-MUXI-ADMIN-KEY"
    assert schemes["muxiHmac"]["scheme"] == "MUXI-HMAC"
    assert schemes["brokerBearer"]["scheme"] == "bearer"
    ops = _operations(spec)
    assert ops["GET /v1/health"][1]["security"] == []
    assert ops["GET /v1/agents"][1]["security"] == [{"adminKey": []}]
    assert ops["POST /v1/chat"][1]["security"] == [{"clientKey": []}]
    assert ops["GET /v1/scheduler/jobs"][1]["security"] == [{"clientKey": []}, {"adminKey": []}]
    assert ops["POST /v1/scheduler/jobs"][1]["security"] == [{"adminKey": []}]
    assert ops["POST /v1/users/identifiers"][1]["security"] == [{"clientKey": []}]
    assert ops["GET /rpc/formations"][1]["security"] == [{"muxiHmac": []}]
    assert ops["GET /ping"][1]["security"] == []


def _header_names(spec: dict[str, Any], op: dict[str, Any]) -> dict[str, dict[str, Any]]:
    resolved = {}
    for parameter in op.get("parameters", []):
        if "$ref" in parameter:
            parameter = spec["components"]["parameters"][parameter["$ref"].rsplit("/", 1)[-1]]
        if parameter["in"] == "header":
            resolved[parameter["name"]] = parameter
    return resolved


def test_call_headers_are_parameters(spec: dict[str, Any]) -> None:
    ops = _operations(spec)
    chat = _header_names(spec, ops["POST /v1/chat"][1])
    assert set(chat) == {"X-Muxi-User-ID", "X-Muxi-Idempotency-Key", "Accept"}
    assert chat["X-Muxi-User-ID"]["required"] is False
    assert _header_names(spec, ops["GET /v1/sessions"][1])["X-Muxi-User-ID"]["required"] is True
    deploy = _header_names(spec, ops["POST /rpc/formations"][1])
    assert deploy["X-Formation-ID"]["required"] is True
    assert {"X-Formation-Version", "Accept"} <= set(deploy)
    assert "gzip" in next(iter(ops["POST /rpc/formations"][1]["requestBody"]["content"]))
    assert _header_names(spec, ops["GET /v1/agents"][1]) == {}


def test_streaming_operations_name_a_schema_for_each_event(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    streams = {}
    for key, (_, op) in _operations(spec).items():
        for response in op["responses"].values():
            media = response.get("content", {}).get("text/event-stream")
            if media:
                streams[key] = media["x-meshkit-events"]
    assert streams["POST /v1/chat"] == {
        "message": "ChatTokenFrame",
        "ui": "ChatUiEvent",
        "done": "ChatDoneEvent",
        "error": "ChatErrorEvent",
    }
    assert set(streams["POST /rpc/formations"]) == {"progress", "complete", "error"}
    assert set(streams["GET /rpc/formations/{formation_id}/logs"]) == {"connected", "log"}
    for key in ("PUT /rpc/formations/{formation_id}", "GET /v1/events", "GET /v1/logs"):
        assert key in streams
    for key, events in streams.items():
        for name, schema in events.items():
            assert schema is None or schema in schemas, f"{key}: event {name} names unknown schema {schema}"


def test_error_bodies_are_components(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    for name in (
        "MuxiEnvelope",
        "FormationErrorEnvelope",
        "ServerError",
        "BrokerError",
        "BudgetExceededErrorBody",
        "RateLimitedErrorBody",
    ):
        assert name in schemas, name
    assert spec["components"]["responses"]["FormationUnauthorized"]["headers"]["WWW-Authenticate"]


def test_a_newer_runtime_document_becomes_a_new_spec_mechanically(monkeypatch: pytest.MonkeyPatch) -> None:
    """A route the runtime adds appears with a derived name, its area's auth and a generic envelope."""
    original = build_spec._upstream_document

    def newer_runtime() -> tuple[Path, dict[str, Any]]:
        path, document = original()
        document = copy.deepcopy(document)
        document["info"]["version"] = "1.20270101.0"
        document["paths"]["/v1/agents/{agent_id}/pause"] = {
            "post": {
                "tags": ["Agents"],
                "summary": "Pause Agent",
                "operationId": "pause_agent_v1_agents__agent_id__pause_post",
                "parameters": [{"name": "agent_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {}}}}},
            }
        }
        return path, document

    monkeypatch.setattr(build_spec, "_upstream_document", newer_runtime)
    document = build_spec.build()
    op = document["paths"]["/v1/agents/{agent_id}/pause"]["post"]
    assert op["operationId"] == "pause_agent"
    assert op["tags"] == ["formation"]
    assert op["security"] == [{"adminKey": []}]
    assert op["x-meshkit-retry"] == "never"
    assert op["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/FormationObjectEnvelope"
    }
    assert document["info"]["x-meshkit-formation-runtime"]["version"] == "1.20270101.0"
    validate(json.loads(json.dumps(document)))


def test_an_addition_for_a_route_the_runtime_dropped_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    original = build_spec._upstream_document

    def runtime_without_triggers() -> tuple[Path, dict[str, Any]]:
        path, document = original()
        document = copy.deepcopy(document)
        del document["paths"]["/v1/triggers"]
        return path, document

    monkeypatch.setattr(build_spec, "_upstream_document", runtime_without_triggers)
    with pytest.raises(build_spec.SpecError, match="GET /v1/triggers"):
        build_spec.build()


def test_every_formation_answer_is_typed_from_what_the_runtime_sends(spec: dict[str, Any]) -> None:
    """Issue 13: of the 99 formation operations that answer without a stream, at least 91 name a
    typed data model (none answers the free-form FormationObject today); the one that does not is
    an artifact's raw bytes, whose media type is the artifact's own."""
    untyped = []
    answering = 0
    for item in spec["paths"].values():
        for op in item.values():
            if op["tags"] != ["formation"]:
                continue
            success = next(r for code, r in op["responses"].items() if code.startswith("2"))
            content = success.get("content", {})
            if "application/json" not in content:
                if "text/event-stream" not in content:
                    answering += 1
                    untyped.append((op["operationId"], sorted(content)))
                continue
            answering += 1
            schema = content["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
            if schema == "FormationObjectEnvelope":
                untyped.append((op["operationId"], [schema]))
    assert answering == 99
    assert untyped == [("download_artifact_content", ["*/*"])]
