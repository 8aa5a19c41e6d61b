"""Health and configuration reads: status, config, the formation, its sections, the overlord,
logging destinations and MCP, each derived from the definition with development defaults filled in."""

from __future__ import annotations

import copy
import time
from typing import Any

from starlette.responses import Response

from .._wire import json_response
from ._chat import chat_state
from ._core import Call, operation
from ._definition import effective_formation, mcp_servers, section
from ._logs import logged_operation
from ._secrets import secret_store
from ._shared import found


@operation("get_health")
async def get_health(call: Call) -> Response:
    """Not enveloped: ``{status, version, uptime_seconds}``."""
    runtime = call.runtime
    body: dict[str, Any] = {
        "status": "healthy",
        "version": runtime.version,
        "uptime_seconds": int(time.time() - runtime.started_at),
    }
    return json_response(body)


def _peak_memory_mb() -> float:
    """The process's peak resident memory in MB, where the runtime reads the current one (0 on Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


@logged_operation("get_status", object="formation_status", type="formation.status.retrieved")
async def get_status(call: Call) -> Any:
    """The runtime's shape: the formation's identity, agent and MCP server counts, process statistics."""
    runtime = call.runtime
    definition = effective_formation(runtime)
    chats = chat_state(runtime)
    servers = list(mcp_servers(runtime).values())
    memory = section(runtime, "memory")
    return {
        "formation": {
            "id": definition["id"],
            "name": runtime.definition.get("name") or definition["id"],
            "description": definition["description"],
            "version": runtime.version,
        },
        "agents": {
            "count": len(runtime.agents),
            "active": sum(bool(agent.get("active", True)) for agent in runtime.agents.values()),
        },
        "mcp_servers": {"count": len(servers), "active": sum(bool(s.get("active", True)) for s in servers)},
        "stats": {
            "running": {"seconds": int(time.time() - runtime.started_at), "since": int(runtime.started_at)},
            "memory": {
                "working_memory_mb": memory.get("working", {}).get("max_memory_mb", 512),
                "memory_usage_mb": _peak_memory_mb(),
            },
            "requests": {
                "total": len(chats.requests),
                "active": sum(record.status == "processing" for record in chats.requests.values()),
            },
            "buffer_size": memory.get("buffer", {}).get("size", 1000),
            "cpu_percent": 0.0,  # the dev server does not sample its CPU use
        },
    }


@logged_operation("get_config", object="formation_config", type="formation.config.retrieved")
async def get_config(call: Call) -> Any:
    """The formation's metadata, with the route of each configuration section (the runtime's shape)."""
    runtime = call.runtime
    definition = effective_formation(runtime)
    mcp = runtime.definition.get("mcp") or {}
    return {
        "formation_id": runtime.formation_id,
        "version": runtime.version,
        "description": definition["description"],
        "schema_version": str(runtime.definition.get("schema", "1.0.0")),
        "agents": {"total": len(runtime.agents), "resource": "/v1/agents"},
        "secrets": {"total": len(secret_store(runtime).cache), "resource": "/v1/secrets"},
        "mcp": {
            "default_retry_attempts": mcp.get("default_retry_attempts", 3),
            "default_timeout_seconds": mcp.get("default_timeout_seconds", 30),
            "servers": {"total": len(mcp_servers(runtime)), "resource": "/v1/mcp/servers"},
        },
        **{name: {"resource": f"/v1/{route}"} for name, route in CONFIG_ROUTES.items()},
    }


CONFIG_ROUTES = {
    "overlord": "overlord",
    "llm": "llm/settings",
    "memory": "memory",
    "async": "async",
    "scheduler": "scheduler",
    "a2a": "a2a",
    "logging": "logging",
}


@logged_operation("get_formation_info", object="formation", type="formation.get")
async def get_formation_info(call: Call) -> Any:
    """The whole formation with defaults filled (secrets appear as references only)."""
    return effective_formation(call.runtime)


def _config_read(name: str, operation_id: str) -> None:
    """Register the operation ``operation_id`` answering one configuration section as is."""

    async def read_section(call: Call) -> Any:
        """The configuration section, defaults filled."""
        return section(call.runtime, name)

    read_section.__name__ = read_section.__qualname__ = operation_id
    logged_operation(operation_id, object="config", type=f"{name}.config")(read_section)


_config_read("llm", "get_llm_settings")
_config_read("logging", "get_logging_config")
_config_read("async", "get_async_config")
_config_read("a2a", "get_a2a_config")
_config_read("memory", "get_memory_config")
_config_read("scheduler", "get_scheduler_config")


# The runtime's overlord settings when the formation file leaves a section out.
OVERLORD_DEFAULTS: dict[str, dict[str, Any]] = {
    "response": {"format": "markdown", "widgets": False, "streaming": True},
    "workflow": {
        "auto_decomposition": True,
        "plan_approval_threshold": 7,
        "complexity_method": "heuristic",
        "complexity_threshold": 7.0,
        "routing_strategy": "capability_based",
        "enable_agent_affinity": True,
        "error_recovery": "retry_with_backoff",
        "parallel_execution": True,
        "max_parallel_tasks": 5,
        "partial_results": True,
    },
    "clarification": {"max_questions": 5, "style": "conversational", "persist_learned_info": False},
}


@logged_operation("get_overlord_config", object="overlord_config", type="overlord.config.retrieved")
async def get_overlord_config(call: Call) -> Any:
    """The overlord's settings, as the runtime builds them: each section from the formation file, or
    its default; ``caching`` comes from ``llm.settings.caching``."""
    overlord = section(call.runtime, "overlord")
    llm_settings = section(call.runtime, "llm").get("settings") or {}
    return {
        "soul": overlord.get("soul", ""),
        "llm": overlord.get("llm", {}),
        "caching": llm_settings.get("caching", {"enabled": True, "ttl": 3600}),
        **{name: overlord.get(name, copy.deepcopy(default)) for name, default in OVERLORD_DEFAULTS.items()},
    }


@logged_operation("get_overlord_soul", object="soul", type="soul.retrieved")
async def get_overlord_soul(call: Call) -> Any:
    """``{soul}`` of the overlord configuration (empty when none)."""
    return {"soul": section(call.runtime, "overlord").get("soul", "")}


@logged_operation("list_logging_destinations", object="logging_destination_list", type="logging.destinations.list")
async def list_logging_destinations(call: Call) -> Any:
    """``{system: {level, destination}, conversation: {destinations, count}}``, defaults filled like the runtime."""
    logging = section(call.runtime, "logging")
    system = logging.get("system") or {}
    streams = [s for s in (logging.get("conversation") or {}).get("streams") or [] if isinstance(s, dict)]
    destinations = []
    for index, stream in enumerate(streams):
        destination = {
            "id": stream.get("id", f"dest-{index}"),
            "transport": stream.get("transport", "stdout"),
            "level": stream.get("level", "INFO"),
            "format": stream.get("format", "jsonl"),
            "enabled": stream.get("enabled", True),
        }
        if "destination" in stream:
            destination["destination"] = stream["destination"]
        destinations.append(destination)
    return {
        "system": {"level": system.get("level", "debug"), "destination": system.get("destination", "stdout")},
        "conversation": {"destinations": destinations, "count": len(destinations)},
    }


@logged_operation("get_mcp_config", object="mcp_defaults", type="mcp.defaults.retrieved")
async def get_mcp_config(call: Call) -> Any:
    """The MCP defaults (``mcp.defaults`` of the formation file, or the runtime's) and the servers."""
    defaults = section(call.runtime, "mcp").get("defaults") or {}
    return {
        "default_retry_attempts": defaults.get("retry_attempts", 3),
        "default_timeout_seconds": defaults.get("timeout_seconds", 30),
        **{name: defaults.get(name, value) for name, value in MCP_LIMITS.items()},
        "servers": list(mcp_servers(call.runtime).values()),
    }


MCP_LIMITS = {
    "max_tool_iterations": 10,
    "max_tool_calls": 50,
    "max_repeated_errors": 3,
    "max_timeout_in_seconds": 300,
    "max_tool_timeout_in_seconds": 30,
    "enhance_user_prompts": True,
}


@logged_operation("list_mcp_servers", object="mcp_server_list", type="mcp.server.list")
async def list_mcp_servers(call: Call) -> Any:
    """``{servers, count}``."""
    servers = list(mcp_servers(call.runtime).values())
    return {"servers": servers, "count": len(servers)}


@logged_operation("get_mcp_server", object="mcp_server", type="mcp.server.retrieved")
async def get_mcp_server(call: Call) -> Any:
    """One MCP server; 404 MCP_SERVER_NOT_FOUND when unknown."""
    return found(mcp_servers(call.runtime), call.path_params["server_id"], "MCP server", "MCP_SERVER_NOT_FOUND")


def _tool_parameter(kind: str, required: bool, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "required": required, **extra}


# The formation's own MCP tools (the runtime lists the same fixed set, whatever its MCP servers offer).
MCP_TOOLS: list[dict[str, Any]] = [
    {
        "name": "formation_list_agents",
        "description": "List all agents in the formation",
        "access": "admin",
        "parameters": {},
    },
    {
        "name": "formation_update_agent",
        "description": "Update agent configuration",
        "access": "admin",
        "parameters": {"agent_id": _tool_parameter("string", True), "updates": _tool_parameter("object", True)},
    },
    {
        "name": "formation_manage_secrets",
        "description": "Manage formation secrets",
        "access": "admin",
        "parameters": {
            "action": _tool_parameter("string", True, enum=["create", "update", "delete"]),
            "key": _tool_parameter("string", True),
            "value": _tool_parameter("string", False),
        },
    },
    {
        "name": "chat",
        "description": "Send a message to the formation",
        "access": "client",
        "parameters": {
            "message": _tool_parameter("string", True),
            "user_id": _tool_parameter("string", False),
            "files": _tool_parameter("array", False),
        },
    },
    {
        "name": "get_memories",
        "description": "Retrieve user memories",
        "access": "client",
        "parameters": {
            "user_id": _tool_parameter("string", True),
            "limit": _tool_parameter("integer", False, default=10),
        },
    },
    {
        "name": "create_memory",
        "description": "Create a user memory",
        "access": "client",
        "parameters": {
            "user_id": _tool_parameter("string", True),
            "content": _tool_parameter("string", True),
            "metadata": _tool_parameter("object", False),
        },
    },
]


@logged_operation("list_mcp_tools", object="list", type="mcp_tool.list")
async def list_mcp_tools(call: Call) -> Any:
    """``{tools}``: the formation's own MCP tools, each with its access level and parameters."""
    return {"tools": copy.deepcopy(MCP_TOOLS)}
