"""The generated package: typed models that round-trip contract payloads, open enums, and one
request builder per operation that matches the spec."""

from __future__ import annotations

import importlib
import inspect
import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from meshkit._generated import models
from meshkit._generated.operations import OPERATIONS
from meshkit._generated.types import File

ROOT = Path(__file__).resolve().parent.parent
RECORDED_CHAT_STREAM = ROOT / "tests" / "fixtures" / "muxi-chat-stream-sample.sse"

# Payloads from the wire contract, docs/contract/ (formation.md, broker.md and server.md: the
# envelope, error bodies, chat frames, broker schemas, server bodies).
CONTRACT_PAYLOADS: list[tuple[type[Any], dict[str, Any]]] = [
    (
        models.MuxiEnvelope,
        {
            "object": "agent_list",
            "timestamp": 1700000000123,
            "type": "agent.list",
            "request": {"id": "req_4f2c", "idempotency_key": None},
            "success": True,
            "error": None,
            "data": {"agents": [{"id": "assistant", "name": "Assistant"}], "count": 1},
        },
    ),
    (
        models.AgentListEnvelope,
        {
            "object": "agent_list",
            "timestamp": 1700000000123,
            "type": "agent.list",
            "request": {"id": "req_4f2c", "idempotency_key": None},
            "success": True,
            "error": None,
            "data": {"agents": [{"id": "assistant", "name": "Assistant", "model": "x"}], "count": 1},
        },
    ),
    (
        models.FormationErrorEnvelope,
        {
            "object": "error",
            "timestamp": 1700000000123,
            "type": "error.validation",
            "request": {"id": "req_1", "idempotency_key": None},
            "success": False,
            "error": {
                "code": "INVALID_PARAMS",
                "message": "Request validation failed",
                "data": {"validation_errors": [{"field": "message", "msg": "Field required", "type": "missing"}]},
            },
            "data": {},
        },
    ),
    (
        models.ChatResponseEnvelope,
        {
            "object": "message",
            "timestamp": 1700000000123,
            "type": "chat.completed",
            "request": {"id": "req_1", "idempotency_key": "6f1c"},
            "success": True,
            "error": None,
            "data": {
                "message": {"role": "assistant", "content": "Hello", "ui": [{"type": "options", "id": "w1"}]},
                "user_id": "u1",
                "session_id": "s1",
                "request_id": None,
            },
        },
    ),
    (
        models.ServerError,
        {"error": "Conflict", "message": "Formation 'my-bot' already exists. Use PUT to update.", "code": 409},
    ),
    (
        models.Acknowledgment,
        {
            "original_message_id": "0b6e6a2e-4c1f-4d7e-9a55-3f1f2f6d8c11",
            "status": "success",
            "tokens_used": 3.0,
            "processing_latency_ms": 1,
            "error": "",
            "result": "",
            "deduplicated": False,
            "routing_decision": {
                "message_id": "0b6e6a2e-4c1f-4d7e-9a55-3f1f2f6d8c11",
                "target_endpoint": "local-llama",
                "fallback_endpoints": ["anthropic-claude", "openai-gpt4"],
                "estimated_latency_ms": 100,
                "estimated_cost": 0.0003,
                "routing_reason": "Best score 30.0400 (cost: 0.10, load: 0%, latency: 100ms)",
                "score_breakdown": {"cost_score": 0.04, "load_score": 0.0, "latency_score": 30.0, "total_score": 30.04},
            },
        },
    ),
    (
        models.BudgetExceededErrorBody,
        {
            "error": "budget_exceeded",
            "message": "Budget exceeded for agent my-agent: required 25.0, available 10.0",
            "agent_id": "my-agent",
            "required": 25.0,
            "available": 10.0,
        },
    ),
    (models.DeployProgressEvent, {"stage": "extracting", "message": "Extracting bundle..."}),
    (
        models.DeployProgressEvent,
        {"stage": "health_check", "message": "Health check attempt 1/300...", "attempt": 1, "max_attempts": 300},
    ),
    (
        models.DeployCompleteEvent,
        {
            "formation_id": "my-bot",
            "port": 8001,
            "status": "running",
            "url": "http://localhost:7890/api/my-bot",
            "health_url": "http://localhost:7890/api/my-bot/v1/health",
            "pid": 4242,
        },
    ),
    (
        models.ChatTokenFrame,
        {
            "token": {
                "request_id": "req_1",
                "user_id": "u1",
                "session_id": "s1",
                "type": "completed",
                "content": "Hello",
                "timestamp": 1700000001.1,
                "status": "success",
                "processing_time_ms": 512,
                "agent_used": "assistant",
            }
        },
    ),
    (models.ChatUiEvent, {"ui": [{"type": "options", "id": "w1", "options": ["Yes", "No"]}]}),
    (models.ChatDoneEvent, {"finished": True}),
    (models.ChatErrorEvent, {"error": "LLM provider timed out", "type": "TimeoutError"}),
]


@pytest.mark.parametrize(
    "model, payload", CONTRACT_PAYLOADS, ids=[f"{m.__name__}-{i}" for i, (m, _) in enumerate(CONTRACT_PAYLOADS)]
)
def test_contract_payloads_round_trip(model: type[Any], payload: dict[str, Any]) -> None:
    parsed = model.from_dict(payload)
    assert isinstance(parsed, model)
    # to_dict() leaves out optional fields that are None (a required one stays null): null reads as absent.
    assert _without_nulls(parsed.to_dict()) == _without_nulls(payload)
    assert model.from_dict(parsed.to_dict()) == parsed


def _without_nulls(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _without_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [_without_nulls(item) for item in value]
    return value


def test_typed_fields_are_reachable() -> None:
    envelope = models.ChatResponseEnvelope.from_dict(CONTRACT_PAYLOADS[3][1])
    assert envelope.data.message.content == "Hello"
    assert envelope.request.id == "req_1"
    assert isinstance(envelope.data.message.ui[0], models.UiWidget)
    ack = models.Acknowledgment.from_dict(CONTRACT_PAYLOADS[5][1])
    assert ack.routing_decision.score_breakdown.total_score == 30.04
    budget = models.BudgetExceededErrorBody.from_dict(CONTRACT_PAYLOADS[6][1])
    assert (budget.agent_id, budget.required, budget.available) == ("my-agent", 25.0, 10.0)


def _recorded_frames() -> list[dict[str, Any]]:
    frames = []
    for block in RECORDED_CHAT_STREAM.read_text(encoding="utf-8").split("\n\n"):
        lines = block.strip().splitlines()
        if lines and not lines[0].startswith(":") and not lines[0].startswith("event:"):
            frames.append(json.loads(lines[0].removeprefix("data: ")))
    return frames


def test_every_token_frame_of_the_recorded_runtime_stream_parses_typed() -> None:
    frames = _recorded_frames()
    assert len(frames) >= 10
    for frame in frames:
        parsed = models.ChatTokenFrame.from_dict(frame)
        assert isinstance(parsed.token, models.ChatToken), frame
        assert parsed.to_dict() == frame  # runtime metadata (stage, skip_rephrase…) is kept
    texts = [f["token"]["content"] for f in frames if f["token"]["type"] == "content"]
    assert "".join(texts) == "Hello from the stub LLM."


def test_enums_are_open_unknown_values_are_kept_not_rejected() -> None:
    """Servers add values over time; a value the spec does not list yet must parse, typed."""
    frame = models.ChatTokenFrame.from_dict({"token": {"type": "reflection", "content": "hmm", "stage": "new_stage"}})
    assert isinstance(frame.token, models.ChatToken)  # not silently degraded to the raw dict
    assert frame.token.type_ == "reflection"  # `type` is a builtin: the generator names it type_
    progress = models.DeployProgressEvent.from_dict({"stage": "warming_cache", "message": "Warming..."})
    assert progress.stage == "warming_cache"
    summary = models.FormationSummary.from_dict(
        {
            "id": "f1",
            "name": "f1",
            "port": 8001,
            "status": "hibernating",
            "pid": 1,
            "uptime": 1,
            "restart_count": 0,
            "healthy": None,
        }
    )
    assert summary.status == "hibernating"
    ack = models.Acknowledgment.from_dict({"original_message_id": "m1", "status": "queued"})
    assert ack.status == "queued"
    assert "queued" not in models.acknowledgment_status.ACKNOWLEDGMENT_STATUS_VALUES


def test_enum_check_still_rejects_a_wrong_json_type() -> None:
    with pytest.raises(TypeError):
        models.DeployProgressEvent.from_dict({"stage": 7, "message": "x"})


def _module(operation_id: str) -> Any:
    entry = OPERATIONS[operation_id]
    return importlib.import_module(f"meshkit._generated.api.{entry['tags'][0]}.{entry['module']}")


def test_registry_lists_every_spec_operation_once() -> None:
    spec = yaml.safe_load((ROOT / "openapi" / "mesh.yaml").read_text(encoding="utf-8"))
    in_spec = {op["operationId"] for item in spec["paths"].values() for op in item.values()}
    assert set(OPERATIONS) == in_spec
    assert len(OPERATIONS) == 129  # 103 formation + 16 server + 11 broker, GET /health shared


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_every_operation_builds_its_request_without_sending(operation_id: str) -> None:
    """request_kwargs exists for every operation and agrees with the registry."""
    entry = OPERATIONS[operation_id]
    for tag in entry["tags"]:
        module = importlib.import_module(f"meshkit._generated.api.{tag}.{entry['module']}")
        assert callable(module.request_kwargs)
    module = _module(operation_id)
    placeholders = re.findall(r"{(\w+)}", entry["path"])
    kwargs: dict[str, Any] = dict.fromkeys(placeholders, "x")
    for name, parameter in inspect.signature(module.request_kwargs).parameters.items():
        if name in kwargs or parameter.default is not inspect.Parameter.empty:
            continue
        if name != "body":
            kwargs[name] = "u1"
        elif "None" not in str(parameter.annotation):  # an optional body stays None: nothing to probe
            kwargs[name] = _ProbeBody()
    with httpx.Client(base_url="http://testserver") as client:
        request = client.build_request(**module.request_kwargs(**kwargs))
    assert request.method == entry["method"]
    assert request.url.path == re.sub(r"{\w+}", "x", entry["path"])
    assert request.url.host == "testserver"
    if kwargs.get("body") is not None:
        assert request.content in (b'{"probe":true}', b"\x1f\x8b")


class _ProbeBody:
    """Stands in for any body model or File: the builder only calls to_dict() or reads payload."""

    payload = b"\x1f\x8b"

    def to_dict(self) -> dict[str, Any]:
        return {"probe": True}


def test_path_parameters_are_percent_encoded() -> None:
    from meshkit._generated.api.broker import remove_endpoint

    with httpx.Client(base_url="http://broker") as client:
        request = client.build_request(**remove_endpoint.request_kwargs("e/x y"))
    assert request.url.raw_path == b"/endpoints/e%2Fx%20y"


def test_call_headers_reach_the_request() -> None:
    from meshkit._generated.api.formation import chat
    from meshkit._generated.api.server import deploy_formation

    kwargs = chat.request_kwargs(
        body=models.ChatRequest(message="Hello!", stream=False),
        x_muxi_user_id="u1",
        x_muxi_idempotency_key="k1",
        accept="text/event-stream",
    )
    assert kwargs["headers"] == {
        "X-Muxi-User-ID": "u1",
        "X-Muxi-Idempotency-Key": "k1",
        "Accept": "text/event-stream",
        "Content-Type": "application/json",
    }
    assert kwargs["json"] == {"message": "Hello!", "stream": False, "mode": "sync"}
    deploy = deploy_formation.request_kwargs(body=File(payload=b"\x1f\x8b"), x_formation_id="my-bot")
    assert deploy["headers"]["Content-Type"] == "application/gzip"
    assert deploy["headers"]["X-Formation-ID"] == "my-bot"
    assert deploy["content"] == b"\x1f\x8b"


def test_an_optional_body_left_out_sends_no_body_and_no_content_type() -> None:
    from meshkit._generated.api.formation import sync_agent_knowledge

    with httpx.Client(base_url="http://formation") as client:
        request = client.build_request(**sync_agent_knowledge.request_kwargs("researcher"))
        with_body = client.build_request(
            **sync_agent_knowledge.request_kwargs("researcher", body=models.KnowledgeSyncTrigger())
        )
    assert request.content == b""
    assert "content-type" not in request.headers
    assert with_body.headers["content-type"] == "application/json"


def test_go_rfc3339_timestamps_parse_without_dateutil() -> None:
    """The MUXI Server is written in Go: RFC 3339 with nanoseconds and `Z` must parse (stdlib only)."""
    detail = models.FormationDetail.from_dict(
        {
            "id": "my-bot",
            "name": "my-bot",
            "status": "running",
            "port": 8001,
            "pid": 4242,
            "restart_count": 0,
            "uptime": 12,
            "created_at": "2026-11-24T10:00:00.123456789Z",
            "deployed_at": "2026-11-24T10:00:00Z",
            "updated_at": "2026-11-24T12:00:00+02:00",
            "healthy": True,
        }
    )
    assert detail.created_at.microsecond == 123456
    assert detail.created_at.utcoffset() is not None
    assert detail.updated_at == detail.deployed_at
