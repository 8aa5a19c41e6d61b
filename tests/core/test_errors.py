"""Every error body of the three APIs becomes one typed meshkit error with a string code."""

from __future__ import annotations

import builtins

import httpx
import meshkit
import pytest
from meshkit._core.errors import error_from_response, reason_code

FORMATION_401 = {
    "object": "error",
    "timestamp": 1700000000123,
    "type": "error.authentication",
    "request": {"id": "req_9", "idempotency_key": None},
    "success": False,
    "error": {"code": "UNAUTHORIZED", "message": "Invalid or missing client API key", "data": None},
    "data": {},
}


def test_the_formation_envelope_keeps_the_real_code_message_and_request_id() -> None:
    error = error_from_response(401, FORMATION_401, "")
    assert isinstance(error, meshkit.AuthenticationError)
    assert (error.status_code, error.code, error.message, error.request_id) == (
        401,
        "UNAUTHORIZED",
        "Invalid or missing client API key",
        "req_9",
    )
    assert error.body == FORMATION_401
    assert "key" in (error.hint or "")
    assert str(error) == (
        "401 UNAUTHORIZED: Invalid or missing client API key [request req_9] (hint: " + error.hint + ")"
    )


def test_a_422_names_the_first_invalid_field() -> None:
    body = {
        "success": False,
        "error": {
            "code": "INVALID_PARAMS",
            "message": "Request validation failed",
            "data": {"validation_errors": [{"field": "message", "msg": "Field required", "type": "missing"}]},
        },
    }
    error = error_from_response(422, body, "")
    assert isinstance(error, meshkit.ValidationError)
    assert error.field == "message" and error.code == "INVALID_PARAMS"
    assert error.details == body["error"]["data"]


def test_the_muxi_server_body_gets_an_upper_snake_string_code() -> None:
    body = {"error": "Conflict", "message": "Formation 'my-bot' already exists. Use PUT to update.", "code": 409}
    error = error_from_response(409, body, "")
    assert isinstance(error, meshkit.ConflictError)
    assert error.code == "CONFLICT" and isinstance(error.code, str)
    assert error.message == "Formation 'my-bot' already exists. Use PUT to update."
    proxy = error_from_response(502, {"error": "Bad Gateway", "message": "Bad gateway", "code": 502}, "")
    assert isinstance(proxy, meshkit.ServerError) and proxy.code == "BAD_GATEWAY"


def test_broker_bodies_carry_field_budget_and_retry_after() -> None:
    invalid = error_from_response(
        400, {"error": "invalid_agent_id", "message": "Invalid agent ID: …", "field": "agent_id"}, "", broker=True
    )
    assert isinstance(invalid, meshkit.ValidationError) and invalid.field == "agent_id"
    assert invalid.code == "invalid_agent_id"
    unnamed = error_from_response(400, {"error": "invalid_request", "message": "bad"}, "", broker=True)
    assert unnamed.field == "request"
    budget = error_from_response(
        402,
        {"error": "budget_exceeded", "message": "…", "agent_id": "my-agent", "required": 25.0, "available": 10.0},
        "",
        broker=True,
    )
    assert isinstance(budget, meshkit.BudgetExceededError)
    assert (budget.agent_id, budget.required, budget.available) == ("my-agent", 25.0, 10.0)
    opaque = error_from_response(402, None, "payment required", broker=True)
    assert (opaque.agent_id, opaque.required, opaque.available) == ("unknown", 0.0, 0.0)
    limited = error_from_response(429, {"error": "rate_limited", "message": "…"}, "", retry_after=2.0, broker=True)
    assert isinstance(limited, meshkit.RateLimitError) and limited.retry_after == 2.0
    assert error_from_response(429, None, "", broker=True).retry_after == 60.0  # the broker's default
    assert error_from_response(429, None, "").retry_after is None  # MUXI: none when absent


@pytest.mark.parametrize(
    "status, text, code, message",
    [
        (503, "", "SERVICE_UNAVAILABLE", "Service Unavailable"),
        (502, "<html><body>bad gateway</body></html>", "BAD_GATEWAY", "<html><body>bad gateway</body></html>"),
        (418, "teapot", "IM_A_TEAPOT", "teapot"),
        (599, "", "HTTP_599", "HTTP 599"),
    ],
)
def test_anything_else_falls_back_to_the_reason_phrase(status: int, text: str, code: str, message: str) -> None:
    error = error_from_response(status, None, text)
    assert (error.code, error.message) == (code, message)


@pytest.mark.parametrize(
    "status, cls",
    [
        (400, meshkit.ValidationError),
        (401, meshkit.AuthenticationError),
        (402, meshkit.BudgetExceededError),
        (403, meshkit.PermissionDeniedError),
        (404, meshkit.NotFoundError),
        (409, meshkit.ConflictError),
        (413, meshkit.ValidationError),
        (422, meshkit.ValidationError),
        (429, meshkit.RateLimitError),
        (500, meshkit.ServerError),
        (503, meshkit.ServerError),
        (405, meshkit.APIError),
    ],
)
def test_errors_are_classed_by_status(status: int, cls: type) -> None:
    error = error_from_response(status, None, "")
    assert type(error) is cls
    assert isinstance(error, meshkit.MeshkitError)


def test_the_seed_names_catch_what_the_seeds_say() -> None:
    error = error_from_response(401, FORMATION_401, "")
    for name in ("MuxiError", "AiMeshError", "FormationError", "MeshkitError", "APIError"):
        assert isinstance(error, getattr(meshkit, name)), name
    assert issubclass(meshkit.ConnectionError, builtins.ConnectionError)
    assert issubclass(meshkit.TimeoutError, builtins.TimeoutError)
    assert issubclass(meshkit.StreamTimeoutError, builtins.TimeoutError)
    assert issubclass(meshkit.StreamInterruptedError, builtins.ConnectionError)
    assert issubclass(meshkit.ConfigurationError, ValueError)
    assert meshkit.AuthorizationError is meshkit.PermissionDeniedError


def test_reason_code() -> None:
    assert reason_code(404) == "NOT_FOUND"
    assert reason_code(503) == "SERVICE_UNAVAILABLE"


def test_an_api_error_keeps_the_http_response_for_its_headers() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            404,
            json={"success": False, "error": {"code": "AGENT_NOT_FOUND", "message": "no such agent"}},
            headers={"X-RateLimit-Remaining": "41"},
        )

    http = httpx.Client(transport=httpx.MockTransport(answer))
    formation = meshkit.Formation(url="http://formation.test", admin_key="fma_x", http_client=http)
    with pytest.raises(meshkit.NotFoundError) as missing:
        formation.get_agent("nobody")
    response = missing.value.response
    assert response is not None and response.status_code == 404
    assert response.headers["x-ratelimit-remaining"] == "41"
    assert response.request.url.path == "/v1/agents/nobody"
    # The error may be logged or pickled: the request it keeps has its key masked.
    assert response.request.headers["x-muxi-admin-key"] == "***"
    assert "fma_x" not in repr(response.request.headers)
    # An error raised before sending has no response.
    assert meshkit.APIError("x", status_code=400, code="BAD").response is None
