"""meshkit: one Python SDK for the agent mesh.

    from meshkit import Formation
    print(Formation(url="http://localhost:8001", client_key="fmc_...").chat("Hello!").text)

It talks to three HTTP APIs described by one OpenAPI document (``openapi/mesh.yaml``): a MUXI
formation (``Formation``/``AsyncFormation``), the MUXI Server and the AiMesh broker. Names load on
first use, so ``import meshkit`` stays cheap (no httpx, no generated models).
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("meshkit")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

_EXPORTS = {
    "Timeout": "meshkit._core.config",
    "Limits": "meshkit._core.limits",
    "Guards": "meshkit._core.guards",
    "RateLimit": "meshkit._core.guards",
    "CircuitBreaker": "meshkit._core.guards",
    "CircuitOpenError": "meshkit._core.errors",
    "ServerClient": "meshkit.server",
    "AsyncServerClient": "meshkit.server",
    "DeploymentError": "meshkit._core.errors",
    "Bundle": "meshkit._bundle",
    "build_bundle": "meshkit._bundle",
    "WebhookError": "meshkit._core.errors",
    "parse_ui_widgets": "meshkit.webhooks",
    "chat": "meshkit._default",
    "chat_stream": "meshkit._default",
    "close": "meshkit._default",
    "Formation": "meshkit.formation",
    "AsyncFormation": "meshkit.formation",
    "ChatResult": "meshkit.formation",
    "Session": "meshkit.formation",
    "SessionMessage": "meshkit.formation",
    "SessionSummary": "meshkit.formation",
    "TrackedRequest": "meshkit.formation",
    "AiMeshClient": "meshkit.broker",
    "AsyncAiMeshClient": "meshkit.broker",
    "Message": "meshkit.broker",
    "EndpointMetrics": "meshkit.broker",
    "Acknowledgment": "meshkit.broker",
    "Ack": "meshkit.broker",
    "BudgetInfo": "meshkit.broker",
    "BrokerStats": "meshkit.broker",
    "BrokerHealth": "meshkit.broker",
    "SendResult": "meshkit.broker",
    "Stream": "meshkit._core.streams_sync",
    "AsyncStream": "meshkit._core.streams_async",
    "ChatEvent": "meshkit._core.events",
    "ContentDelta": "meshkit._core.events",
    "Thinking": "meshkit._core.events",
    "Planning": "meshkit._core.events",
    "Progress": "meshkit._core.events",
    "ToolCall": "meshkit._core.events",
    "Completed": "meshkit._core.events",
    "Failed": "meshkit._core.events",
    "UiEvent": "meshkit._core.events",
    "Done": "meshkit._core.events",
    "UnknownEvent": "meshkit._core.events",
    "StreamEvent": "meshkit._core.events",
    "MeshkitError": "meshkit._core.errors",
    "ConfigurationError": "meshkit._core.errors",
    "APIError": "meshkit._core.errors",
    "ValidationError": "meshkit._core.errors",
    "RedirectError": "meshkit._core.errors",
    "AuthenticationError": "meshkit._core.errors",
    "PermissionDeniedError": "meshkit._core.errors",
    "AuthorizationError": "meshkit._core.errors",
    "BudgetExceededError": "meshkit._core.errors",
    "NotFoundError": "meshkit._core.errors",
    "ConflictError": "meshkit._core.errors",
    "RateLimitError": "meshkit._core.errors",
    "ServerError": "meshkit._core.errors",
    "InternalServerError": "meshkit._core.errors",
    "ConnectionError": "meshkit._core.errors",
    "TimeoutError": "meshkit._core.errors",
    "StreamError": "meshkit._core.errors",
    "StreamInterruptedError": "meshkit._core.errors",
    "StreamTimeoutError": "meshkit._core.errors",
    "ResponseValidationError": "meshkit._core.errors",
    "MuxiError": "meshkit._core.errors",
    "AiMeshError": "meshkit._core.errors",
    "FormationError": "meshkit._core.errors",
    "JSON": "meshkit._core.jsontypes",
    "Hooks": "meshkit._core.telemetry",
    "RequestInfo": "meshkit._core.telemetry",
    "ResponseInfo": "meshkit._core.telemetry",
    "RetryInfo": "meshkit._core.telemetry",
    "StreamEventInfo": "meshkit._core.telemetry",
    "set_log_level": "meshkit._core.telemetry",
    "RequestOptions": "meshkit._core.options",
    "RawResponse": "meshkit._core.raw",
    "ResponseMeta": "meshkit._core.model_base",
}

__all__ = [
    "JSON",
    "APIError",
    "Ack",
    "Acknowledgment",
    "AiMeshClient",
    "AiMeshError",
    "AsyncAiMeshClient",
    "AsyncFormation",
    "AsyncServerClient",
    "AsyncStream",
    "AuthenticationError",
    "AuthorizationError",
    "BrokerHealth",
    "BrokerStats",
    "BudgetExceededError",
    "BudgetInfo",
    "Bundle",
    "ChatEvent",
    "ChatResult",
    "CircuitBreaker",
    "CircuitOpenError",
    "Completed",
    "ConfigurationError",
    "ConflictError",
    "ConnectionError",
    "ContentDelta",
    "DeploymentError",
    "Done",
    "EndpointMetrics",
    "Failed",
    "Formation",
    "FormationError",
    "Guards",
    "Hooks",
    "InternalServerError",
    "Limits",
    "MeshkitError",
    "Message",
    "MuxiError",
    "NotFoundError",
    "PermissionDeniedError",
    "Planning",
    "Progress",
    "RateLimit",
    "RateLimitError",
    "RawResponse",
    "RedirectError",
    "RequestInfo",
    "RequestOptions",
    "ResponseInfo",
    "ResponseMeta",
    "ResponseValidationError",
    "RetryInfo",
    "SendResult",
    "ServerClient",
    "ServerError",
    "Session",
    "SessionMessage",
    "SessionSummary",
    "Stream",
    "StreamError",
    "StreamEvent",
    "StreamEventInfo",
    "StreamInterruptedError",
    "StreamTimeoutError",
    "Thinking",
    "Timeout",
    "TimeoutError",
    "ToolCall",
    "TrackedRequest",
    "UiEvent",
    "UnknownEvent",
    "ValidationError",
    "WebhookError",
    "__version__",
    "build_bundle",
    "chat",
    "chat_stream",
    "close",
    "parse_ui_widgets",
    "set_log_level",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'meshkit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:
    from ._bundle import Bundle, build_bundle
    from ._core.config import Timeout
    from ._core.errors import (
        AiMeshError,
        APIError,
        AuthenticationError,
        AuthorizationError,
        BudgetExceededError,
        CircuitOpenError,
        ConfigurationError,
        ConflictError,
        ConnectionError,
        DeploymentError,
        FormationError,
        InternalServerError,
        MeshkitError,
        MuxiError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        RedirectError,
        ResponseValidationError,
        ServerError,
        StreamError,
        StreamInterruptedError,
        StreamTimeoutError,
        TimeoutError,
        ValidationError,
        WebhookError,
    )
    from ._core.events import (
        ChatEvent,
        Completed,
        ContentDelta,
        Done,
        Failed,
        Planning,
        Progress,
        StreamEvent,
        Thinking,
        ToolCall,
        UiEvent,
        UnknownEvent,
    )
    from ._core.guards import CircuitBreaker, Guards, RateLimit
    from ._core.jsontypes import JSON
    from ._core.limits import Limits
    from ._core.model_base import ResponseMeta
    from ._core.options import RequestOptions
    from ._core.raw import RawResponse
    from ._core.streams_async import AsyncStream
    from ._core.streams_sync import Stream
    from ._core.telemetry import Hooks, RequestInfo, ResponseInfo, RetryInfo, StreamEventInfo, set_log_level
    from ._default import chat, chat_stream, close
    from .broker import (
        Ack,
        Acknowledgment,
        AiMeshClient,
        AsyncAiMeshClient,
        BrokerHealth,
        BrokerStats,
        BudgetInfo,
        EndpointMetrics,
        Message,
        SendResult,
    )
    from .formation import (
        AsyncFormation,
        ChatResult,
        Formation,
        Session,
        SessionMessage,
        SessionSummary,
        TrackedRequest,
    )
    from .server import AsyncServerClient, ServerClient
    from .webhooks import parse_ui_widgets
