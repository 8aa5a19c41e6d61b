"""Every formation operation other than chat, sessions, requests and events (contract/formation.md §9).

Configuration reads are derived from the formation definition with development defaults filled in;
the stateful areas (secrets, memories, scheduler, credentials, users, triggers, audit, tuning) keep
their state per runtime in ``runtime.area(...)``. Every request handled here (except the health check)
appends one record to the runtime's log buffer, which ``GET /v1/logs`` streams; chat turns are logged
from the chat event bus, and :func:`log` is the entry point for any other module.
"""

from __future__ import annotations

import asyncio
import copy
import fnmatch
import functools
import itertools
import re
import time
import uuid
from collections import deque
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from starlette.responses import Response, StreamingResponse

from .._wire import KEEPALIVE, SSE_HEADERS, dumps, json_response, sse_frame
from ._chat import RequestRecord, Session, chat_state, iso_now, tokens_of
from ._core import Auth, Call, FormationError, Handler, Reply, invalid_params, not_found, operation

if TYPE_CHECKING:
    from . import FormationRuntime

T = TypeVar("T")


# --- small shared helpers ---------------------------------------------------------------------------


def new_id(prefix: str) -> str:
    """A fresh identifier such as ``job_1f3a…``."""
    return f"{prefix}_{uuid.uuid4().hex[:16]}"


def masked(value: Any) -> str:
    """The preview of a secret value: never the whole value, at most its first four characters."""
    text = str(value)
    return text[:4] + "****" if len(text) >= 12 else "****"


_TYPE_ERRORS: dict[type, tuple[str, str]] = {
    str: ("string_type", "a valid string"),
    bool: ("bool_type", "a valid boolean"),
    dict: ("dict_type", "a valid dictionary"),
    list: ("list_type", "a valid list"),
}


def body_field(body: dict[str, Any], name: str, kind: type[T], *, required: bool = False) -> T | None:
    """``body[name]`` checked like the runtime's request models (422 INVALID_PARAMS); null counts as absent."""
    value = body.get(name)
    if value is None:
        if required:
            raise invalid_params(name, "Field required", "missing")
        return None
    if not isinstance(value, kind):
        error_type, expected = _TYPE_ERRORS[kind]
        raise invalid_params(name, f"Input should be {expected}", error_type)
    return value


def required_field(body: dict[str, Any], name: str, kind: type[T]) -> T:
    """``body[name]``, which must be present and of ``kind`` (422 otherwise)."""
    value = body_field(body, name, kind, required=True)
    assert value is not None
    return value


def user_of(call: Call, rule: Literal["optional", "required"]) -> str:
    """The end user for routes where one always exists (absent header → "0", or 400)."""
    user = call.user(rule)
    assert user is not None
    return user


def parse_datetime(text: str) -> datetime | None:
    """An ISO 8601 date or datetime (naive means UTC), or None when ``text`` is not one."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def query_datetime(call: Call, name: str) -> datetime | None:
    """An optional ISO 8601 query parameter (422 when it does not parse)."""
    raw = call.query.get(name)
    if not raw:
        return None
    moment = parse_datetime(raw)
    if moment is None:
        raise invalid_params(f"query.{name}", "Input should be an ISO 8601 datetime", "datetime_parsing")
    return moment


def iso(moment: datetime) -> str:
    """ISO 8601 in UTC with a ``Z``, like :func:`iso_now`."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def merged(defaults: dict[str, Any], override: Any) -> dict[str, Any]:
    """``defaults`` deep-merged with ``override`` (a definition section; anything but a dict is ignored)."""
    result = copy.deepcopy(defaults)
    if not isinstance(override, dict):
        return result
    for key, value in override.items():
        if isinstance(result.get(key), dict) and isinstance(value, dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def by_name(raw: Any, key: str = "name", text_field: str = "content") -> dict[str, dict[str, Any]]:
    """Named items of a definition, whichever way it spells them: a list of objects or names, or a
    mapping of name → object or text. Items without a usable name are skipped."""
    items: dict[str, dict[str, Any]] = {}
    pairs = raw.items() if isinstance(raw, dict) else ((None, item) for item in raw) if isinstance(raw, list) else ()
    for name, value in pairs:
        if isinstance(value, dict):
            item = {**value, key: name or value.get(key) or value.get("name") or value.get("id")}
        elif name is not None:
            item = {key: name, text_field: value}
        else:
            item = {key: value}
        if isinstance(item[key], str) and item[key]:
            items[item[key]] = item
    return items


def found(items: dict[str, T], key: str, what: str, code: str | None = None) -> T:
    """``items[key]``, or 404 "<what> '<key>' not found"."""
    if key not in items:
        raise not_found(f"{what} '{key}' not found", code)
    return items[key]


# --- logs: a per-runtime buffer that GET /v1/logs streams -------------------------------------------

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_FILTERS = ("user_id", "session_id", "request_id", "agent_id")
LOG_BUFFER_SIZE = 1000


class LogBook:
    """The runtime's recent log records, and the live followers of ``GET /v1/logs``."""

    def __init__(self) -> None:
        self.records: deque[dict[str, Any]] = deque(maxlen=LOG_BUFFER_SIZE)
        self.followers: set[asyncio.Queue[dict[str, Any]]] = set()

    def append(self, record: dict[str, Any]) -> None:
        self.records.append(record)
        for queue in list(self.followers):
            queue.put_nowait(record)


class _ChatEventsToLog(asyncio.Queue[dict[str, Any]]):
    """Subscribed to the chat event bus (which only knows queues): each event becomes a log record."""

    def __init__(self, runtime: FormationRuntime) -> None:
        super().__init__()
        self.runtime = runtime

    def put_nowait(self, item: dict[str, Any]) -> None:
        level = "ERROR" if item.get("type", "").endswith(".failed") else "INFO"
        fields = {name: item.get(name) for name in ("user_id", "session_id", "request_id")}
        log(self.runtime, level, str(item.get("message", "")), event_type=item.get("type", "chat"), **fields)


def log_book(runtime: FormationRuntime) -> LogBook:
    """The runtime's log buffer. Created on first use, when it also starts listening to chat events
    (so chat turns before the first non-chat request are not logged; the dev server accepts that)."""

    def create() -> LogBook:
        chat_state(runtime).bus.subscribers.add(_ChatEventsToLog(runtime))
        return LogBook()

    return runtime.area("logs", create)


def log(runtime: FormationRuntime, level: str, message: str, **fields: Any) -> None:
    """Append one log record (``level`` one of :data:`LOG_LEVELS`); ``fields`` may set ``event_type``
    and the filter fields ``user_id``, ``session_id``, ``request_id``, ``agent_id``."""
    if level.upper() not in LOG_LEVELS:
        raise ValueError(f"log level must be one of {LOG_LEVELS}, not {level!r}")
    record: dict[str, Any] = {
        "timestamp": iso_now(),
        "level": level.upper(),
        "event_type": "log",
        "message": message,
        "formation_id": runtime.formation_id,
        **dict.fromkeys(LOG_FILTERS),
        **fields,
    }
    log_book(runtime).append(record)


def _log_request(call: Call, method: str, path: str, status: int) -> None:
    level = "ERROR" if status >= 500 else "WARNING" if status >= 400 else "INFO"
    log(
        call.runtime,
        level,
        f"{method} {path} {status}",
        event_type="api.request",
        user_id=call.header_user,
        request_id=call.request_id,
        status=status,
    )


def _status_of(result: Any) -> int:
    if isinstance(result, Reply):
        return result.status
    if isinstance(result, Response):
        return result.status_code
    return 200


def logged_operation(
    method: str, path: str, auth: Auth, *, idempotent: bool = False, object: str = "response", type: str | None = None
) -> Callable[[Handler], Handler]:
    """:func:`operation`, plus one log record per handled request (errors included)."""

    def register(handler: Handler) -> Handler:
        @functools.wraps(handler)  # the envelope's default ``type`` is the handler's name
        async def handle(call: Call) -> Any:
            try:
                result = await handler(call)
            except FormationError as exc:
                _log_request(call, method, path, exc.status)
                raise
            _log_request(call, method, path, _status_of(result))
            return result

        operation(method, path, auth, idempotent=idempotent, object=object, type=type)(handle)
        return handler

    return register


# --- audit: records of mutating admin calls -----------------------------------------------------------

AUDIT_RESOURCE_TYPES = ("agent", "secret", "mcp_server", "scheduler_job", "logging_destination", "async", "memory")
CLEAR_AUDIT_CONFIRMATION = "clear-audit-log"


def audit_log(runtime: FormationRuntime) -> list[dict[str, Any]]:
    """The runtime's audit entries, oldest first. Like muxi-runtime 1.20260928.0, it starts empty and
    records only its own clearing (``audit.cleared``): the runtime's audit logger has no other caller."""
    return runtime.area("audit", list)


def _audit_entry(call: Call, action: str, resource_type: str, resource_id: str, message: str) -> dict[str, Any]:
    """One entry, with the keys the runtime writes."""
    return {
        "timestamp": iso_now(),
        "request_id": call.request_id,
        "action": action,
        "resource_type": resource_type,
        "resource_id": resource_id,
        "user": "admin",
        "ip": None,
        "result": "success",
        "status_code": 200,
        "message": message,
    }


def audit(call: Call, action: str, resource_type: str, resource_id: str, **details: Any) -> None:
    """Where a mutating admin call would be audited. muxi-runtime 1.20260928.0 records none of them
    (its audit log holds only ``audit.cleared``), so neither does the dev server."""


# --- the formation definition, with development defaults ---------------------------------------------

DEFAULT_SECTIONS: dict[str, dict[str, Any]] = {
    # overlord, llm, logging, async and a2a are echoed as the formation file writes them (the runtime
    # fills no defaults there); GET /v1/overlord adds the runtime's defaults for the sections left out.
    "overlord": {"soul": "You are the overlord of a development formation: route each request to the best agent."},
    "llm": {
        "api_keys": {},
        "models": [{"text": "openai/gpt-4o-mini"}, {"embedding": "openai/text-embedding-3-small"}],
    },
    "memory": {
        "buffer": {"size": 50, "multiplier": 10, "vector_search": True},
        "persistent": {"enabled": True, "connection_string": "sqlite:///memory.db"},
        "working": {"max_memory_mb": 512, "fifo_interval_min": 5},
    },
    "mcp": {"servers": []},
    "logging": {},
    "async": {},
    "a2a": {},
    "scheduler": {
        "enabled": True,
        "timezone": "UTC",
        "check_interval_minutes": 1,
        "max_concurrent_jobs": 10,
        "max_failures_before_pause": 3,
        "default_time": "09:00",
    },
    "proactive": {"default_channel": "webhook", "channels": []},
}

# Sample content of the development formation (the runtime without a definition): a deployed
# definition gets only the default settings above, and what it declares itself.
DEVELOPMENT_SAMPLES: dict[str, dict[str, Any]] = {
    "llm": {"api_keys": {"openai": "${{ secrets.OPENAI_API_KEY }}"}},
    "mcp": {
        "servers": [
            {
                "id": "echo",
                "description": "Tools of the development echo agent",
                "type": "command",
                "command": "echo-mcp",
                "args": ["--stdio"],
            },
            {
                "id": "github",
                "description": "GitHub issues and pull requests, with each user's own token",
                "type": "http",
                "endpoint": "https://mcp.example.invalid/github",
                "auth": {"type": "bearer", "token": "${{ user.credentials.github }}"},
            },
        ],
    },
    "proactive": {
        "channels": [{"name": "telegram", "transport": "telegram"}, {"name": "slack", "transport": "slack"}],
    },
}

DEFAULT_TRIGGERS = {
    "github-issue": {
        "content": (
            "New issue in {{repository}}: {{issue.title}} (#{{issue.number}}) by {{issue.author}}. "
            "Summarise it and suggest a first response."
        ),
    },
}

DEFAULT_SKILLS = [
    {"name": "summarize", "description": "Summarises a text in a few sentences", "scope": "public"},
    {
        "name": "web-research",
        "description": "Researches a topic on the web",
        "scope": "private",
        "agents": ["researcher"],
    },
]

DEFAULT_SOPS = [
    {
        "name": "incident-response",
        "title": "Incident response",
        "description": "Triage, mitigate and report a production incident",
        "type": "guide",
        "content": "# Incident response\n\n1. Assess the impact.\n2. Mitigate.\n3. Write the report.",
    },
]


def section(runtime: FormationRuntime, name: str) -> dict[str, Any]:
    """One configuration section: the definition's over the default settings (and, for the
    development formation, over its sample content)."""
    defaults = DEFAULT_SECTIONS[name]
    if not runtime.definition:
        defaults = merged(defaults, DEVELOPMENT_SAMPLES.get(name))
    return merged(defaults, runtime.definition.get(name))


def effective_formation(runtime: FormationRuntime) -> dict[str, Any]:
    """The whole formation as the runtime uses it: definition plus defaults."""
    return {
        **copy.deepcopy(runtime.definition),
        "id": runtime.definition.get("id", runtime.formation_id),
        "version": runtime.version,
        "description": runtime.definition.get("description", "MUXI formation served by meshkit's dev server"),
        "agents": list(runtime.agents.values()),
        # Like the runtime, a section the formation has none of is left out.
        **{name: config for name in DEFAULT_SECTIONS if (config := section(runtime, name))},
        "mcp": {**section(runtime, "mcp"), "servers": list(mcp_servers(runtime).values())},
        "schema": str(runtime.definition.get("schema", "1.0.0")),
        "formation_id": runtime.formation_id,
    }


def mcp_servers(runtime: FormationRuntime) -> dict[str, dict[str, Any]]:
    """The formation's MCP servers by id (``source: formation``, as the runtime marks its file's servers)."""
    servers = by_name(section(runtime, "mcp").get("servers"), key="id")
    return {server_id: {**server, "source": server.get("source", "formation")} for server_id, server in servers.items()}


# --- health and configuration reads -------------------------------------------------------------------


@operation("GET", "/v1/health", "public")
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


@logged_operation("GET", "/v1/status", "admin", object="formation_status", type="formation.status.retrieved")
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


@logged_operation("GET", "/v1/config", "admin", object="formation_config", type="formation.config.retrieved")
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


@logged_operation("GET", "/v1/formation", "admin", object="formation", type="formation.get")
async def get_formation_info(call: Call) -> Any:
    """The whole formation with defaults filled (secrets appear as references only)."""
    return effective_formation(call.runtime)


def _config_read(path: str, name: str, operation_id: str) -> None:
    """Register ``GET path`` (admin) answering one configuration section as is."""

    async def read_section(call: Call) -> Any:
        """The configuration section, defaults filled."""
        return section(call.runtime, name)

    read_section.__name__ = read_section.__qualname__ = operation_id
    logged_operation("GET", path, "admin", object="config", type=f"{name}.config")(read_section)


_config_read("/v1/llm/settings", "llm", "get_llm_settings")
_config_read("/v1/logging", "logging", "get_logging_config")
_config_read("/v1/async", "async", "get_async_config")
_config_read("/v1/a2a", "a2a", "get_a2a_config")
_config_read("/v1/memory", "memory", "get_memory_config")
_config_read("/v1/scheduler", "scheduler", "get_scheduler_config")


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


@logged_operation("GET", "/v1/overlord", "admin", object="overlord_config", type="overlord.config.retrieved")
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


@logged_operation("GET", "/v1/overlord/soul", "admin", object="soul", type="soul.retrieved")
async def get_overlord_soul(call: Call) -> Any:
    """``{soul}`` of the overlord configuration (empty when none)."""
    return {"soul": section(call.runtime, "overlord").get("soul", "")}


@logged_operation(
    "GET", "/v1/logging/destinations", "admin", object="logging_destination_list", type="logging.destinations.list"
)
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


@logged_operation("GET", "/v1/mcp", "admin", object="mcp_defaults", type="mcp.defaults.retrieved")
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


@logged_operation("GET", "/v1/mcp/servers", "admin", object="mcp_server_list", type="mcp.server.list")
async def list_mcp_servers(call: Call) -> Any:
    """``{servers, count}``."""
    servers = list(mcp_servers(call.runtime).values())
    return {"servers": servers, "count": len(servers)}


@logged_operation("GET", "/v1/mcp/servers/{server_id}", "admin", object="mcp_server", type="mcp.server.retrieved")
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


@logged_operation("GET", "/v1/mcp/tools", "admin", object="list", type="mcp_tool.list")
async def list_mcp_tools(call: Call) -> Any:
    """``{tools}``: the formation's own MCP tools, each with its access level and parameters."""
    return {"tools": copy.deepcopy(MCP_TOOLS)}


# --- agents, skills, SOPs, knowledge -----------------------------------------------------------------


def agent_of(call: Call) -> dict[str, Any]:
    """The agent named by the ``agent_id`` path parameter (404 AGENT_NOT_FOUND when unknown)."""
    return found(call.runtime.agents, call.path_params["agent_id"], "Agent", "AGENT_NOT_FOUND")


@logged_operation("GET", "/v1/agents", "admin", object="agent_list", type="agent.list")
async def list_agents(call: Call) -> Any:
    """``{agents, count}``."""
    agents = list(call.runtime.agents.values())
    return {"agents": agents, "count": len(agents)}


@logged_operation("GET", "/v1/agents/{agent_id}", "admin", object="agent", type="agent.retrieved")
async def get_agent(call: Call) -> Any:
    """One agent; 404 ``Agent '<id>' not found``."""
    return agent_of(call)


def _remote_knowledge_sources(agent: dict[str, Any]) -> dict[str, str]:
    """The agent's remote knowledge sources (those with a ``url``): source id → url."""
    knowledge = agent.get("knowledge")
    sources = knowledge.get("sources") if isinstance(knowledge, dict) else knowledge
    remote = {}
    for source in sources if isinstance(sources, list) else []:
        if isinstance(source, dict) and isinstance(source.get("url"), str):
            slug = re.sub(r"[^a-z0-9]+", "-", source["url"].split("://", 1)[-1].lower()).strip("-")
            remote[source.get("id") or slug[:40]] = source["url"]
    return remote


@logged_operation(
    "POST", "/v1/agents/{agent_id}/knowledge/sync", "admin", object="agent", type="agent.knowledge.synced"
)
async def sync_agent_knowledge(call: Call) -> Any:
    """Per-source sync results of the agent's remote knowledge (one source with ``source_id``); 400
    when the agent has no remote source, as the runtime answers."""
    agent = agent_of(call)
    source_id = body_field(await call.body(required=False), "source_id", str)
    sources = _remote_knowledge_sources(agent)
    if not sources:
        raise FormationError(400, f"Agent '{agent['id']}' has no remote knowledge sources", "INVALID_REQUEST")
    if source_id is not None and source_id not in sources:
        raise not_found(f"No remote knowledge source '{source_id}' registered for agent '{agent['id']}'")
    results = [
        {
            "source_id": sid,
            "url": sources[sid],
            "status": "success",  # the dev server fetches nothing: every sync finds no change
            "files_added": 0,
            "files_modified": 0,
            "files_deleted": 0,
            "files_failed": 0,
            "bytes_downloaded": 0,
            "duration_ms": 0,
            "error": "",
        }
        for sid in ([source_id] if source_id else sources)
    ]
    return {"agent_id": agent["id"], "results": results}


@logged_operation("POST", "/v1/knowledge/rebuild", "admin", object="knowledge", type="knowledge.trees.rebuilt")
async def rebuild_knowledge(call: Call) -> Any:
    """Agent knowledge trees rebuilt, for every agent or the one named by ``agent_id`` (a JSON body is
    required, ``{}`` for all, as in the runtime)."""
    body = await call.body()
    agent_id = body_field(body, "agent_id", str)
    source_id = body_field(body, "source_id", str)
    runtime_agents = call.runtime.agents
    agents = [found(runtime_agents, agent_id, "Agent", "AGENT_NOT_FOUND")["id"]] if agent_id else list(runtime_agents)
    # The echo agents declare no ``agent_tree:`` sources: each reports an empty result, as the runtime does.
    return {"agents": {agent: {"rebuilt": [], "failed": [], "skipped": []} for agent in agents}, "source_id": source_id}


def skills(runtime: FormationRuntime) -> dict[str, dict[str, Any]]:
    """The formation's skills by name (public ones, and private ones with the agents that may use them)."""
    raw = runtime.definition.get("skills")
    return {
        name: {"scope": "public", "description": "", **item} for name, item in by_name(raw or DEFAULT_SKILLS).items()
    }


@logged_operation("GET", "/v1/skills", "client", object="list", type="skill.list")
async def list_skills(call: Call) -> Any:
    """``{skills}``: each skill's name, description, scope and what resources it has."""
    return {"skills": [_skill_summary(skill) for skill in skills(call.runtime).values()]}


@logged_operation("GET", "/v1/skills/{skill_name}", "client", object="skill", type="skill.get")
async def get_skill(call: Call) -> Any:
    """One skill's front matter and resources; 404 when unknown."""
    skill = found(skills(call.runtime), call.path_params["skill_name"], "Skill")
    return {
        "name": skill["name"],
        "description": skill.get("description", ""),
        "license": skill.get("license"),
        "compatibility": skill.get("compatibility"),
        "allowed_tools": list(skill.get("allowed_tools") or []),
        "resources": list(skill.get("resources") or []),
    }


@logged_operation("GET", "/v1/agents/{agent_id}/skills", "client", object="list", type="agent.skills")
async def list_agent_skills(call: Call) -> Any:
    """``{skills, agent_id}``: the public skills plus the private ones granted to the agent."""
    agent = agent_of(call)
    usable = [
        {"name": skill["name"], "description": skill.get("description", ""), "scope": skill["scope"]}
        for skill in skills(call.runtime).values()
        if skill["scope"] == "public" or agent["id"] in (skill.get("agents") or [])
    ]
    return {"skills": usable, "agent_id": agent["id"]}


def _skill_summary(skill: dict[str, Any]) -> dict[str, Any]:
    resources = list(skill.get("resources") or [])
    return {
        "name": skill["name"],
        "description": skill.get("description", ""),
        "scope": skill["scope"],
        "has_scripts": any(str(r).startswith("scripts/") for r in resources),
        "resource_count": len(resources),
        "has_execution_context": bool(skill.get("execution_context")),
    }


def sops(runtime: FormationRuntime) -> dict[str, dict[str, Any]]:
    """The formation's standard operating procedures by name."""
    return by_name(runtime.definition.get("sops") or DEFAULT_SOPS)


SOP_FILE_REFERENCE = re.compile(r"\[file:([^\]]+)\]")


def _sop_view(sop: dict[str, Any]) -> dict[str, Any]:
    """An SOP as the runtime describes it: its front matter (every key but name and content),
    title and type from it, numbered lines counted as steps."""
    metadata = {key: value for key, value in sop.items() if key not in ("name", "content")}
    content = str(sop.get("content") or "")
    steps = sum(1 for line in content.split("\n") if line.strip()[:1].isdigit())
    references = metadata.get("references") or [f"file:{m}" for m in SOP_FILE_REFERENCE.findall(content)]
    return {
        "name": sop["name"],
        "title": metadata.get("title", sop["name"]),
        "type": metadata.get("type", "template"),
        "content": content,
        "metadata": metadata,
        "references": references or None,
        "agents_used": metadata.get("agents") or None,
        "steps": steps or None,
    }


@logged_operation("GET", "/v1/sops", "client", object="sop_list", type="sops.list")
async def list_sops(call: Call) -> Any:
    """``{sops: [{name, title, type, steps, agents_used}], count}``."""
    keys = ("name", "title", "type", "steps", "agents_used")
    items = [{key: _sop_view(sop)[key] for key in keys} for sop in sops(call.runtime).values()]
    return {"sops": items, "count": len(items)}


@logged_operation("GET", "/v1/sops/{sop_name}", "client", object="sop", type="sop.retrieved")
async def get_sop(call: Call) -> Any:
    """One SOP with its content and front matter; 404 SOP_NOT_FOUND when unknown."""
    return _sop_view(found(sops(call.runtime), call.path_params["sop_name"], "SOP", "SOP_NOT_FOUND"))


# --- secrets --------------------------------------------------------------------------------------------

SECRET_REFERENCE = re.compile(r"\$\{\{\s*secrets\.([A-Za-z0-9_]+)\s*\}\}")


@dataclass
class SecretStore:
    """The runtime's secrets cache and the encrypted file it reloads from (both in memory here)."""

    cache: dict[str, str]
    disk: dict[str, str]


def secrets_in_use(runtime: FormationRuntime) -> set[str]:
    """Secrets the formation needs: declared under ``secrets`` or referenced as ``${{ secrets.NAME }}``."""
    declared = set(by_name(runtime.definition.get("secrets")))
    return declared | set(SECRET_REFERENCE.findall(dumps(effective_formation(runtime))))


def secret_store(runtime: FormationRuntime) -> SecretStore:
    """The secrets; the formation's own start with development placeholder values."""

    def placeholders() -> SecretStore:
        disk = {name: f"dev-{name.lower()}-not-a-secret" for name in sorted(secrets_in_use(runtime))}
        return SecretStore(cache=dict(disk), disk=disk)

    return runtime.area("secrets", placeholders)


def _secret_message(key: str, verb: str) -> dict[str, Any]:
    return {"message": f"Secret '{key}' {verb} successfully"}


def _existing_secret(call: Call) -> str:
    key: str = call.path_params["key"]
    found(secret_store(call.runtime).cache, key, "Secret", "SECRET_NOT_FOUND")
    return key


@logged_operation("GET", "/v1/secrets", "admin", object="secret_list", type="secret.list")
async def list_secrets(call: Call) -> Any:
    """``{secrets: {name: masked value}, count}``."""
    cache = secret_store(call.runtime).cache
    return {"secrets": {name: masked(value) for name, value in sorted(cache.items())}, "count": len(cache)}


@logged_operation("POST", "/v1/secrets", "admin", object="secret", type="secret.created")
async def create_secret(call: Call) -> Any:
    """201 ``{message}``; 409 SECRET_EXISTS."""
    body = await call.body()
    key, value = required_field(body, "key", str), required_field(body, "value", str)
    store = secret_store(call.runtime)
    if key in store.cache:
        raise FormationError(409, f"Secret '{key}' already exists", "SECRET_EXISTS")
    store.cache[key] = store.disk[key] = value
    audit(call, "secret.created", "secret", key)
    return Reply(_secret_message(key, "created"), status=201)


@logged_operation("PUT", "/v1/secrets/{key}", "admin", object="secret", type="secret.updated")
async def update_secret(call: Call) -> Any:
    """Updates only: 404 SECRET_NOT_FOUND, never creates."""
    value = required_field(await call.body(), "value", str)
    key = _existing_secret(call)
    store = secret_store(call.runtime)
    store.cache[key] = store.disk[key] = value
    audit(call, "secret.updated", "secret", key)
    return _secret_message(key, "updated")


@logged_operation("DELETE", "/v1/secrets/{key}", "admin", object="secret", type="secret.deleted")
async def delete_secret(call: Call) -> Any:
    """404 SECRET_NOT_FOUND; 409 SECRET_IN_USE for a secret the formation uses."""
    key = _existing_secret(call)
    if key in secrets_in_use(call.runtime):
        raise FormationError(409, f"Secret '{key}' is in use by the formation", "SECRET_IN_USE")
    store = secret_store(call.runtime)
    del store.cache[key]
    store.disk.pop(key, None)
    audit(call, "secret.deleted", "secret", key)
    return _secret_message(key, "deleted")


@logged_operation("POST", "/v1/secrets/reload", "admin", object="secret", type="secret.reloaded")
async def reload_secrets(call: Call) -> Any:
    """Merge the secrets file into the cache: ``{added, overwritten, preserved, count}``."""
    store = secret_store(call.runtime)
    # Non-destructive merge: the file's secrets are added or overwrite the cache; secrets only in the
    # cache are preserved, since the running formation may still use them.
    added = sorted(set(store.disk) - set(store.cache))
    overwritten = sorted(set(store.disk) & set(store.cache))
    preserved = sorted(set(store.cache) - set(store.disk))
    store.cache.update(store.disk)
    audit(call, "secret.reloaded", "secret", "*", added=len(added), overwritten=len(overwritten))
    return {
        "message": "Secrets reloaded",
        "added": added,
        "overwritten": overwritten,
        "preserved": preserved,
        "count": len(store.cache),
    }


# --- memories -------------------------------------------------------------------------------------------

MEMORY_SCOPES = ("user", "group", "formation")
MAX_BATCH_ITEMS = 100
# The runtime's projections, which rebuild, backfill and forget report on.
PROJECTIONS = ("artifact_metadata", "captains_log", "flat_facts", "knowledge_graph")
DISTILLERY_EVENT_TYPES = ("fact.extracted", "log.entry", "interaction.turn")
DISTILLERY_TRUST_LEVELS = ("provisional", "verified")
FORGET_GRACE_PERIOD_DAYS = 30


@dataclass
class MemoryState:
    """Memories, ingestion jobs, memory admin jobs, distilleries and buffer clear marks of one runtime."""

    memories: dict[str, dict[str, Any]] = field(default_factory=dict)
    ingestions: dict[str, dict[str, Any]] = field(default_factory=dict)
    jobs: dict[str, dict[str, Any]] = field(default_factory=dict)
    distilleries: dict[str, dict[str, Any]] = field(default_factory=dict)
    distilled: dict[str, dict[str, Any]] = field(default_factory=dict)
    distilled_sources: set[tuple[str, str]] = field(default_factory=set)
    # Clearing a buffer hides a session's messages up to this count; the chat history itself stays.
    buffer_marks: dict[tuple[str, str], int] = field(default_factory=dict)


def memory_state(runtime: FormationRuntime) -> MemoryState:
    """The runtime's memory state."""
    return runtime.area("memory", MemoryState)


def naive_iso_now() -> str:
    """Now as the runtime's database timestamps read: ISO 8601 in UTC, without a zone."""
    return datetime.now(UTC).replace(tzinfo=None).isoformat()


def _memory_item(body: dict[str, Any], user: str) -> dict[str, Any]:
    """A memory from a ``POST /memories`` body (or one batch item), validated (422 INVALID_PARAMS)."""
    detail = body_field(body, "detail", str)
    content = body.get("content")
    source = body_field(body, "source", str)
    if content is not None and not isinstance(content, str) and source is None:
        raise invalid_params("content", "Structured 'content' requires the ingestion contract (a source)", "type")
    if not content and not detail:
        raise invalid_params("content", "Either 'content' or 'detail' must be provided", "missing")
    scope = (body_field(body, "scope", str) or "user").strip().lower()
    if scope not in MEMORY_SCOPES:
        raise invalid_params("scope", f"Invalid scope; expected one of {list(MEMORY_SCOPES)}", "enum")
    scope_id = body_field(body, "scope_id", str)
    if scope == "group" and not scope_id:
        raise invalid_params("scope_id", "scope_id (the group id) is required when scope is 'group'", "missing")
    optional = {name: body_field(body, name, str) for name in ("type", "source_id", "timestamp", "subject")}
    metadata = dict(body_field(body, "metadata", dict) or {})
    if optional["type"] and "type" not in metadata:
        metadata["type"] = optional["type"]
    return {
        "id": new_id("mem"),
        "event_id": new_id("evt"),
        "content": content or detail,
        "created_at": naive_iso_now(),
        "stored_at": time.time(),
        "metadata": metadata,
        "user_id": user,
        "scope": scope,
        # A user memory's scope id is the runtime's own user id; the dev server uses the user's.
        "scope_id": user if scope == "user" else scope_id,
        "source": source,
        **optional,
    }


def _memory_view(memory: dict[str, Any]) -> dict[str, Any]:
    """A memory as ``GET /memories`` lists it."""
    return {
        "id": memory["id"],
        "content": memory["content"] if isinstance(memory["content"], str) else dumps(memory["content"]),
        "created_at": memory["created_at"],
        "metadata": {**memory["metadata"], "timestamp": memory["stored_at"]},
        "scope": memory["scope"],
        "scope_id": memory["scope_id"],
    }


def _answer_scope_id(memory: dict[str, Any], runtime: FormationRuntime) -> str | None:
    """The scope id a write answers: none for the user scope, the formation's id for the formation scope."""
    if memory["scope"] == "user":
        return None
    return runtime.formation_id if memory["scope"] == "formation" else memory["scope_id"]


def _duplicate_of(state: MemoryState, memory: dict[str, Any]) -> dict[str, Any] | None:
    """The memory already ingested from the same user, source and source id, if any."""
    if not memory.get("source_id"):
        return None
    identity = ("user_id", "source", "source_id")
    return next((m for m in state.memories.values() if all(m.get(k) == memory[k] for k in identity)), None)


def _store(state: MemoryState, memory: dict[str, Any]) -> dict[str, Any]:
    """Keep a new memory unless its user already has one from the same source id; the item's outcome."""
    existing = _duplicate_of(state, memory)
    if existing is None:
        state.memories[memory["id"]] = memory
        return {"status": "accepted", "event_id": memory["event_id"], "memory": memory}
    return {"status": "duplicate", "event_id": existing["event_id"], "derived_events": [], "memory": existing}


def _batch_outcome(state: MemoryState, user: str, index: int, item: Any) -> dict[str, Any]:
    """One batch item ingested, or reported invalid: an invalid item never blocks the rest."""
    try:
        if not isinstance(item, dict):
            raise invalid_params(f"items.{index}", "Input should be a valid dictionary", "dict_type")
        memory = _memory_item(item, user)
        if not memory["source"]:
            raise invalid_params(f"items.{index}.source", "'source' is required", "missing")
    except FormationError as exc:
        errors = (exc.data or {}).get("validation_errors") or [{"msg": exc.message}]
        return {"index": index, "status": "invalid", "error": str(errors[0]["msg"])}
    return {"index": index, **_store(state, memory)}


def _ingestion_job(state: MemoryState, user: str, outcomes: list[dict[str, Any]]) -> str | None:
    """The processing job of the accepted items (None when none was), with a report per item. The
    dev server ingests at once, so the job is already completed when anyone polls it."""
    accepted = [o for o in outcomes if o["status"] == "accepted"]
    if not accepted:
        return None
    reports = [
        {
            "source": o["memory"]["source"],
            "source_id": o["memory"]["source_id"],
            "classification": {"category": "fact", "margin": 1.0},
            "filter_level": "default",
            "disposition": "stored",
            "index": o["index"],
            "event_id": o["event_id"],
        }
        for o in accepted
    ]
    processing_id = new_id("ing")
    state.ingestions[processing_id] = {
        "processing_id": processing_id,
        "user_id": user,
        "status": "completed",
        "created_at": time.time(),
        "completed_at": iso_now(),
        "items": reports,
        "counts": {"stored": len(reports), "filtered": 0, "failed": 0},
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }
    return processing_id


def _visible(memory: dict[str, Any], user: str, scopes: set[str]) -> bool:
    # The dev server has no group membership: a group memory is readable by its author only.
    return memory["scope"] in scopes and (memory["scope"] == "formation" or memory["user_id"] == user)


def _requested_scopes(call: Call) -> set[str]:
    raw = call.query.get("scopes")
    scopes = {part.strip().lower() for part in raw.split(",") if part.strip()} if raw else set(MEMORY_SCOPES)
    if not scopes or not scopes <= set(MEMORY_SCOPES):
        raise invalid_params("query.scopes", "Scopes are a comma-separated subset of user,group,formation", "enum")
    return scopes


@logged_operation("GET", "/v1/memories", "dual", object="memory_list", type="memory.list")
async def list_memories(call: Call) -> Any:
    """The user's readable memories, newest first (``limit``, ``offset``, ``scopes``); content is text."""
    user = user_of(call, "required")
    limit = call.query_int("limit", 10, 1, 100)
    offset = call.query_int("offset", 0, 0, 1_000_000_000)
    scopes = _requested_scopes(call)
    visible = [m for m in memory_state(call.runtime).memories.values() if _visible(m, user, scopes)]
    page = [_memory_view(m) for m in list(reversed(visible))[offset : offset + limit]]  # newest first
    return {"memories": page, "count": len(page)}


@logged_operation("POST", "/v1/memories", "dual", object="memory", type="memory.created")
async def create_memory(call: Call) -> Any:
    """The created memory, its content echoed as ``{type, detail}``; or, with a ``source``, the
    ingestion receipt: 202 with a ``processing_id``, 200 ``duplicate`` for a known source id."""
    user = user_of(call, "required")
    body = await call.body()
    state = memory_state(call.runtime)
    memory = _memory_item(body, user)
    scope_id = _answer_scope_id(memory, call.runtime)
    if not memory["source"]:
        state.memories[memory["id"]] = memory
        return {
            "id": memory["id"],
            "content": {"type": memory["type"] or "general", "detail": memory["content"]},
            "created_at": iso_now(),
            "metadata": memory["metadata"],
            "scope": memory["scope"],
            "scope_id": scope_id,
        }
    # With a source, the runtime queues the item for the ingestion pipeline and answers fast.
    outcome = {"index": 0, **_store(state, memory)}
    receipt: dict[str, Any] = {
        "status": outcome["status"],
        "duplicate": outcome["status"] == "duplicate",
        "event_id": outcome["event_id"],
        "source": memory["source"],
        "source_id": memory["source_id"],
        "scope": memory["scope"],
        "scope_id": scope_id,
    }
    if receipt["duplicate"]:
        return {**receipt, "derived_events": outcome["derived_events"]}
    processing_id = _ingestion_job(state, user, [outcome])
    status_url = f"/v1/memories/ingestion/{processing_id}"
    return Reply({**receipt, "processing_id": processing_id, "status_url": status_url}, status=202)


@logged_operation("POST", "/v1/memories/batch", "dual", object="memory_ingestion", type="memory.ingestion.accepted")
async def ingest_memories_batch(call: Call) -> Any:
    """Per-item outcomes (accepted, duplicate, invalid) in order; the accepted ones share one job."""
    user = user_of(call, "required")
    items = required_field(await call.body(), "items", list)
    if not items:
        raise invalid_params("items", "'items' must contain at least one item", "too_short")
    if len(items) > MAX_BATCH_ITEMS:
        raise invalid_params("items", f"At most {MAX_BATCH_ITEMS} items per batch", "too_long")
    state = memory_state(call.runtime)
    outcomes = [_batch_outcome(state, user, i, item) for i, item in enumerate(items)]
    processing_id = _ingestion_job(state, user, outcomes)
    answer: dict[str, Any] = {
        "processing_id": processing_id,
        "items": [{k: v for k, v in o.items() if k != "memory"} for o in outcomes],
        "counts": {s: sum(o["status"] == s for o in outcomes) for s in ("accepted", "duplicate", "invalid")},
    }
    if processing_id:
        answer["status_url"] = f"/v1/memories/ingestion/{processing_id}"
    return answer


@logged_operation(
    "GET", "/v1/memories/ingestion/{processing_id}", "dual", object="memory_ingestion", type="memory.ingestion.status"
)
async def get_ingestion_status(call: Call) -> Any:
    """An ingestion job: 403 for another user's job with the client key; the admin key sees all."""
    user = user_of(call, "required")
    processing_id = call.path_params["processing_id"]
    job = memory_state(call.runtime).ingestions.get(processing_id)
    if job is None:
        raise not_found(
            f"Unknown or expired processing_id '{processing_id}' (completed results are retained for 5 minutes)",
            "NOT_FOUND",
        )
    if call.key == "client" and job["user_id"] != user:  # the admin key sees every job
        raise FormationError(403, "Ingestion job does not belong to this user", "FORBIDDEN")
    return {k: v for k, v in job.items() if k != "user_id"}


def _memory_event(memory: dict[str, Any]) -> dict[str, Any]:
    """A memory's event as provenance shows it."""
    return {
        "event_id": memory["event_id"],
        "event_type": "memory.ingested" if memory.get("source") else "fact.extracted",
        "source": memory.get("source") or "user_edit",
        "source_id": memory.get("source_id"),
        "source_confidence": 1.0,
        "effective_confidence": 1.0,
        "decay_rate": "static",
        "occurred_at": memory["created_at"],
        "agent_id": None,
        "conversation_id": None,
        "request_id": None,
        "payload": {"memory": memory["content"]},
        "deleted_at": None,
    }


@logged_operation("GET", "/v1/memories/provenance", "dual", object="memory", type="memory.retrieved")
async def get_memory_provenance(call: Call) -> Any:
    """Why the formation believes something: an ``entity`` (named in the user's memories) with the
    events it comes from, or one ``event_id``'s chain; 404 when unknown."""
    user = user_of(call, "required")
    entity, event_id = call.query.get("entity"), call.query.get("event_id")
    if not entity and not event_id:
        raise FormationError(422, "Provide 'entity' (a knowledge graph entity name) or 'event_id'", "INVALID_PARAMS")
    own = [m for m in memory_state(call.runtime).memories.values() if m["user_id"] == user]
    if entity:
        # The dev server has no knowledge graph: an entity is a word of the user's memories, or
        # "User" (the person), whom the runtime's graph knows once the user has chatted or remembered.
        mentions = [m for m in own if entity.lower() in str(m["content"]).lower()]
        chatted = any(key[0] == user for key in chat_state(call.runtime).sessions)
        person = entity.lower() == "user" and bool(own or chatted)
        if not (mentions or person):
            raise not_found(f"Unknown entity '{entity}'", "NOT_FOUND")
        described: dict[str, Any] = {
            "name": "User" if person else entity,
            "type": "person" if person else "concept",
            "status": "active",
            "confidence": 1.0,
            "attributes": {},
            "events": [[_memory_event(m)] for m in (own if person else mentions)],
        }
        return {"entity": described, "facts": [], "count": 0}
    memory = next((m for m in own if m["event_id"] == event_id), None)
    if memory is None:
        raise not_found(f"Unknown event '{event_id}'", "NOT_FOUND")
    return {"event": _memory_event(memory), "chain": [_memory_event(memory)]}


@logged_operation("DELETE", "/v1/memories/{memory_id}", "dual", object="memory", type="memory.deleted")
async def delete_memory(call: Call) -> Any:
    """``{deleted, user_id}``; 404 unless the memory is the user's."""
    user = user_of(call, "required")
    memory_id = call.path_params["memory_id"]
    memories = memory_state(call.runtime).memories
    if memories.get(memory_id, {}).get("user_id") != user:
        raise not_found(f"Memory {memory_id} not found", "NOT_FOUND")
    del memories[memory_id]
    return {"deleted": memory_id, "user_id": user}


@logged_operation("GET", "/v1/history", "dual", object="memory", type="memory.retrieved")
async def get_history(call: Call) -> Any:
    """The user's captain's log, newest first (``limit``, ``date_from``, ``date_to``, ``include_sources``)."""
    user = user_of(call, "required")
    limit = call.query_int("limit", 10, 1, 100)
    since, until = query_datetime(call, "date_from"), query_datetime(call, "date_to")
    with_sources = call.query_bool("include_sources", False)
    # The captain's log of the dev server: one entry per memory of the user, newest first.
    memories = [
        memory
        for memory in reversed(memory_state(call.runtime).memories.values())
        if memory["user_id"] == user and _between(memory["created_at"], since, until)
    ][:limit]
    entries = [
        {
            "id": memory["id"],
            "date": memory["created_at"][:10],
            "summary": memory["content"] if isinstance(memory["content"], str) else dumps(memory["content"]),
            "decisions": [],
            "projects": [],
            "context": None,
            "created_at": memory["created_at"],
            "updated_at": memory["created_at"],
            **({"sources": [{"source_type": "memory", "source_id": memory["id"]}]} if with_sources else {}),
        }
        for memory in memories
    ]
    return {"entries": entries, "count": len(entries)}


def _between(timestamp: str, since: datetime | None, until: datetime | None) -> bool:
    moment = parse_datetime(timestamp)
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment is None or ((since is None or moment >= since) and (until is None or moment <= until))


# --- buffer memory: the recent chat messages of each session -----------------------------------------


def buffered_messages(
    runtime: FormationRuntime, user: str | None = None, session_id: str | None = None
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Messages still in the buffer per (user, session), optionally for one user and one session."""
    marks = memory_state(runtime).buffer_marks
    return {
        key: session.messages[marks.get(key, 0) :]
        for key, session in chat_state(runtime).sessions.items()
        if (user is None or key[0] == user) and (session_id is None or key[1] == session_id)
    }


def _size_kb(groups: Any) -> float:
    return round(sum(len(dumps(messages)) for messages in groups) / 1024, 2)


def _buffer_capacity(runtime: FormationRuntime) -> int:
    buffer = section(runtime, "memory")["buffer"]
    return int(buffer.get("size", 50)) * int(buffer.get("multiplier", 1))


def clear_buffers(call: Call, user: str | None = None, session_id: str | None = None) -> tuple[int, int]:
    """Clear the buffer of every session, of one user's sessions, or of one session:
    (messages cleared, sessions that had any)."""
    buffered = buffered_messages(call.runtime, user, session_id)
    marks = memory_state(call.runtime).buffer_marks
    for key, session in chat_state(call.runtime).sessions.items():
        if key in buffered:
            marks[key] = len(session.messages)
    cleared = sum(len(messages) for messages in buffered.values())
    audit(call, "memory.buffer.cleared", "memory", session_id or user or "*", messages=cleared)
    return cleared, sum(1 for messages in buffered.values() if messages)


@logged_operation("GET", "/v1/memory/buffer", "dual", object="memory", type="memory.buffer.status")
async def get_user_buffer(call: Call) -> Any:
    """The user's buffered messages (``sessions`` is empty, as the runtime's is)."""
    user = user_of(call, "required")
    buffered = buffered_messages(call.runtime, user)
    return {
        "user_id": user,
        "total_messages": sum(len(messages) for messages in buffered.values()),
        "sessions": [],
        "buffer_size_kb": _size_kb(buffered.values()),
    }


@logged_operation("DELETE", "/v1/memory/buffer", "dual", object="message", type="memory.buffer.user.cleared")
async def clear_user_buffer(call: Call) -> Any:
    """Clear the user's buffer; the admin key without a user clears every buffer."""
    user = call.user("filter")
    messages, sessions = clear_buffers(call, user)
    return {
        "message": "Buffer cleared successfully",
        "user_id": user,
        "messages_cleared": messages,
        "sessions_cleared": sessions,
    }


@logged_operation(
    "DELETE", "/v1/memory/buffer/{session_id}", "dual", object="message", type="memory.buffer.session.cleared"
)
async def clear_session_buffer(call: Call) -> Any:
    """Clear one session's buffer (0 messages for a session the user does not have, as in the runtime)."""
    user = user_of(call, "required")
    session_id = call.path_params["session_id"]
    messages, _ = clear_buffers(call, user, session_id)
    return {
        "message": "Session buffer cleared successfully",
        "user_id": user,
        "session_id": session_id,
        "messages_cleared": messages,
    }


@logged_operation("GET", "/v1/memory/stats", "admin", object="memory", type="memory.retrieved")
async def get_buffer_stats(call: Call) -> Any:
    """Aggregate buffer statistics across users."""
    buffered = {key: messages for key, messages in buffered_messages(call.runtime).items() if messages}
    total = sum(len(messages) for messages in buffered.values())
    if not total:  # the runtime's empty buffer is falsy: it answers its "no buffer" zeros
        return {
            "total_entries": 0,
            "total_users": 0,
            "total_sessions": 0,
            "buffer_size_kb": 0,
            "max_size": 0,
            "utilization": 0.0,
        }
    capacity = _buffer_capacity(call.runtime)
    return {
        "total_entries": total,
        "total_users": len({user for user, _ in buffered}),
        "total_sessions": len(buffered),
        "buffer_size_kb": _size_kb(buffered.values()),
        "max_size": capacity,
        "utilization": round(total / capacity, 2) if capacity > 0 else 0.0,
    }


@logged_operation("GET", "/v1/memory/buffers", "admin", object="list", type="memory.list")
async def list_memory_buffers(call: Call) -> Any:
    """The buffer's occupancy (deprecated route, admin key)."""
    total = sum(len(messages) for messages in buffered_messages(call.runtime).values())
    if not total:  # the runtime's empty buffer is falsy: it answers its "no buffer" listing
        return {"buffers": [], "total_entries": 0}
    capacity = _buffer_capacity(call.runtime)
    summary: dict[str, Any] = {
        "total_entries": total,
        "max_size": capacity,
        "utilization": round(total / capacity, 2) if capacity > 0 else 0,
        "kv_namespaces": {},
    }
    return {"buffers": [summary]}


@logged_operation("DELETE", "/v1/memory/buffers", "admin", object="message", type="memory.buffer.cleared")
async def clear_memory_buffers(call: Call) -> Any:
    """Clear every buffer (deprecated route, admin key). The runtime 1.20260928.0 answers 500 after
    clearing (a missing event type), and 503 when the buffers are empty; the dev server answers what
    its code means to send, which never is a 5xx."""
    messages, _ = clear_buffers(call)
    return {"message": "All buffers cleared successfully", "entries_cleared": messages, "kv_entries_cleared": 0}


# --- memory administration: rebuild, lint, backfill, forget, distilleries ----------------------------


def _memory_job(call: Call, kind: str, user: str, result: dict[str, Any]) -> dict[str, Any]:
    """Start a memory admin job; the dev server runs it inline, so polling finds it completed."""
    job_id = new_id(kind)
    memory_state(call.runtime).jobs[job_id] = {"kind": kind, "user_id": user, "result": result}
    return {
        "user_id": user,
        "job_id": job_id,
        "status": "processing",
        "status_url": f"/memory/{kind}/{job_id}",
    }


def _memory_job_status(call: Call, kind: str) -> dict[str, Any]:
    job_id = call.path_params["job_id"]
    job = memory_state(call.runtime).jobs.get(job_id)
    if job is None or job["kind"] != kind:
        raise not_found(f"Unknown or expired {kind} job '{job_id}'", "NOT_FOUND")
    return {"job_id": job_id, "status": "completed", **job["result"]}


def _replay_report(runtime: FormationRuntime, user: str, projections: list[str], dry_run: bool) -> dict[str, Any]:
    """Each projection's replay of the user's memory events (one event per memory in the dev server)."""
    events = sum(m["user_id"] == user for m in memory_state(runtime).memories.values())
    if dry_run:
        return {name: {"events": events, "applied": 0, "failed": 0, "dry_run": True} for name in projections}
    return {name: {"events": events, "applied": events, "failed": 0} for name in projections}


def _backfill_report() -> dict[str, Any]:
    # Every dev-server memory is born with provenance: nothing to synthesize, every projection complete.
    return {name: {"synthesized": 0, "complete": True} for name in PROJECTIONS}


@logged_operation("POST", "/v1/memory/rebuild", "admin", object="memory", type="memory.retrieved")
async def rebuild_memory(call: Call) -> Any:
    """Replay a user's memory events into the projections: 202 with a job by default, 200 with the
    report on a ``dry_run`` or with ``background: false``."""
    body = await call.body()
    user = required_field(body, "user_id", str)
    projection = body_field(body, "projection", str)
    if projection is not None and projection not in PROJECTIONS:
        raise FormationError(
            422, f"Unknown projection {projection!r}; registered: {sorted(PROJECTIONS)}", "INVALID_PARAMS"
        )
    dry_run = body_field(body, "dry_run", bool) or False
    background = body_field(body, "background", bool)
    backfill = bool(body_field(body, "backfill", bool)) and not dry_run
    report: dict[str, Any] = {"user_id": user, "dry_run": dry_run}
    if backfill:
        report["backfill"] = _backfill_report()
    names = [projection] if projection else list(PROJECTIONS)
    report["projections"] = _replay_report(call.runtime, user, names, dry_run)
    if (background is None or background) and not dry_run:
        return Reply(_memory_job(call, "rebuild", user, report), status=202)
    return report


@logged_operation("GET", "/v1/memory/rebuild/{job_id}", "admin", object="memory", type="memory.retrieved")
async def get_memory_rebuild_status(call: Call) -> Any:
    """A rebuild job with its report; 404 when unknown."""
    return _memory_job_status(call, "rebuild")


@logged_operation("POST", "/v1/memory/lint", "admin", object="memory", type="memory.retrieved")
async def lint_memory(call: Call) -> Any:
    """The memory health report of one user, or of every user."""
    user = body_field(await call.body(required=False) or {}, "user_id", str)
    users = {m["user_id"] for m in memory_state(call.runtime).memories.values()}
    checks = ("unresolved_conflicts", "superseded_deleted", "orphans_removed", "log_gaps", "stale_artifacts")
    report: dict[str, Any] = {
        "users": 1 if user else len(users),
        **dict.fromkeys(checks, 0),
        "index_regenerated": 1 if user else len(users),
        "findings": {},
    }
    return {"user_id": user, "report": report}


@logged_operation("POST", "/v1/memory/backfill", "admin", object="memory", type="memory.retrieved")
async def backfill_memory(call: Call) -> Any:
    """Legacy provenance backfill per projection for one user."""
    user = required_field(await call.body(), "user_id", str)
    return {"user_id": user, "synthesized": _backfill_report()}


@logged_operation("POST", "/v1/memory/forget", "admin", object="memory", type="memory.deleted")
async def forget_memory_source(call: Call) -> Any:
    """Delete a user's memories from one source, then rebuild: 202 with a job by default, 200 with
    the report with ``background: false`` or ``?sync=true``, 200 without a rebuild with ``rebuild: false``."""
    body = await call.body()
    user, source = required_field(body, "user_id", str), required_field(body, "source", str)
    memories = memory_state(call.runtime).memories
    forgotten = [mid for mid, m in memories.items() if m["user_id"] == user and m.get("source") == source]
    for memory_id in forgotten:
        del memories[memory_id]
    audit(call, "memory.forgotten", "memory", user, source=source, deleted_events=len(forgotten))
    answer: dict[str, Any] = {
        "user_id": user,
        "source": source,
        "deleted_events": len(forgotten),
        "grace_period_days": FORGET_GRACE_PERIOD_DAYS,
    }
    if body_field(body, "rebuild", bool) is False:
        return {**answer, "rebuild_required": sorted(PROJECTIONS)}
    projections = _replay_report(call.runtime, user, list(PROJECTIONS), False)
    background = body_field(body, "background", bool)
    if (background is None or background) and not call.query_bool("sync", False):
        job = _memory_job(call, "forget", user, {"projections": projections})
        return Reply({**answer, **{k: v for k, v in job.items() if k != "user_id"}}, status=202)
    return {**answer, "projections": projections}


@logged_operation("GET", "/v1/memory/forget/{job_id}", "admin", object="memory", type="memory.retrieved")
async def get_memory_forget_status(call: Call) -> Any:
    """A forget job with its rebuild report; 404 when unknown."""
    return _memory_job_status(call, "forget")


@logged_operation(
    "GET", "/v1/memory/distilleries", "admin", object="memory_distillery_list", type="memory.distillery.list"
)
async def list_distilleries(call: Call) -> Any:
    """Registered distilleries, newest first, revoked ones included."""
    items = list(reversed(memory_state(call.runtime).distilleries.values()))  # newest first
    return {"distilleries": items, "count": len(items)}


@logged_operation(
    "POST", "/v1/memory/distilleries", "admin", object="memory_distillery", type="memory.distillery.registered"
)
async def register_distillery(call: Call) -> Any:
    """201: a new distillery (trust level ``provisional`` unless given), its scope filled with defaults."""
    body = await call.body()
    trust_level = body_field(body, "trust_level", str) or "provisional"
    if trust_level not in DISTILLERY_TRUST_LEVELS:
        raise FormationError(
            422,
            f"Invalid trust_level {trust_level!r}; expected one of {sorted(DISTILLERY_TRUST_LEVELS)}",
            "INVALID_PARAMS",
        )
    name = required_field(body, "name", str).strip()
    if not name:
        raise FormationError(422, "'name' is required and must be a non-empty string", "INVALID_PARAMS")
    distilleries = memory_state(call.runtime).distilleries
    scope = {
        "user_ids": "all",
        "event_types": list(DISTILLERY_EVENT_TYPES),
        "max_events_per_day": 1_000_000,
        "max_batch_size": 10_000,
        **(body_field(body, "scope", dict) or {}),
    }
    distillery: dict[str, Any] = {
        "id": len(distilleries) + 1,
        "distillery_id": uuid.uuid4().hex[:21],
        "formation_id": call.runtime.formation_id,
        "name": name,
        "description": body_field(body, "description", str),
        "public_key": required_field(body, "public_key", str).strip(),
        "scope": scope,
        "trust_level": trust_level,
        "status": "active",
        "created_at": naive_iso_now(),
        "revoked_at": None,
    }
    distilleries[distillery["distillery_id"]] = distillery
    audit(call, "memory.distillery.registered", "memory", distillery["distillery_id"])
    return Reply(distillery, status=201)


@logged_operation(
    "DELETE",
    "/v1/memory/distilleries/{distillery_id}",
    "admin",
    object="memory_distillery",
    type="memory.distillery.revoked",
)
async def revoke_distillery(call: Call) -> Any:
    """The revoked distillery (idempotent): its later batches are refused with 410."""
    distillery_id = call.path_params["distillery_id"]
    distillery = memory_state(call.runtime).distilleries.get(distillery_id)
    if distillery is None:
        raise not_found(f"Unknown distillery '{distillery_id}'", "NOT_FOUND")
    if distillery["status"] != "revoked":
        distillery["status"], distillery["revoked_at"] = "revoked", naive_iso_now()
        audit(call, "memory.distillery.revoked", "memory", distillery_id)
    return distillery


def _signed_distillery(call: Call) -> dict[str, Any]:
    """The active distillery a signed batch comes from. The dev server checks that the signature
    headers are present but does not verify the Ed25519 signature itself."""
    headers = call.request.headers
    if not (headers.get("X-Distillery-ID") or "").strip():
        raise FormationError(401, "X-Distillery-ID header is required", "UNAUTHORIZED")
    missing = [h for h in ("X-Distillery-Signature", "X-Distillery-Timestamp") if not headers.get(h)]
    if missing:
        raise FormationError(401, f"{missing[0]} header is required", "UNAUTHORIZED")
    distillery = memory_state(call.runtime).distilleries.get(headers["X-Distillery-ID"])
    if distillery is None:
        raise FormationError(401, "Unknown distillery", "UNAUTHORIZED")
    if distillery["status"] != "active":
        raise FormationError(410, "Distillery has been revoked", "GONE")
    return distillery


def _distilled_rejection(event: Any, distillery: dict[str, Any]) -> str | None:
    """Why one distilled event is refused, if it is."""
    if not isinstance(event, dict):
        return "event must be an object"
    if not isinstance(event.get("source_id"), str) or not event["source_id"]:
        return "'source_id' is required"
    if event.get("event_type") not in distillery["scope"].get("event_types", DISTILLERY_EVENT_TYPES):
        return f"event_type {event.get('event_type')!r} is outside this distillery's scope"
    return None


@logged_operation(
    "POST", "/v1/memories/distilled", "dual", object="memory_distillation", type="memory.distilled.accepted"
)
async def ingest_distilled_memories(call: Call) -> Any:
    """A signed batch of distilled events, idempotent on each event's ``source_id``: 202 with a
    projection job when an event was new, 200 otherwise."""
    distillery = _signed_distillery(call)
    body = await call.body()
    events = required_field(body, "events", list)
    batch_id = required_field(body, "batch_id", str)
    state = memory_state(call.runtime)
    rejections: list[dict[str, Any]] = []
    duplicates = 0
    reports: list[dict[str, Any]] = []
    for index, event in enumerate(events):
        reason = _distilled_rejection(event, distillery)
        if reason is not None:
            rejections.append({"index": index, "reason": reason})
            continue
        key = (distillery["distillery_id"], event["source_id"])
        if key in state.distilled_sources:  # a retried batch never duplicates an event
            duplicates += 1
            continue
        state.distilled_sources.add(key)
        recorded = event["event_type"] == "interaction.turn"
        reports.append(
            {
                "index": index,
                "event_id": new_id("evt"),
                "event_type": event["event_type"],
                "user_id": str(event.get("user_id") or "0"),
                "disposition": "recorded" if recorded else "projected",
            }
        )
    processing_id = new_id("dst") if reports else None
    if processing_id:
        state.distilled[processing_id] = {
            "processing_id": processing_id,
            "distillery_id": distillery["distillery_id"],
            "status": "completed",
            "created_at": time.time(),
            "completed_at": iso_now(),
            "batch_id": batch_id,
            "items": reports,
            "counts": {d: sum(r["disposition"] == d for r in reports) for d in ("projected", "recorded", "failed")},
            "pre_computed_vectors_used": False,
        }
    answer: dict[str, Any] = {
        "batch_id": batch_id,
        "accepted": len(reports),
        "duplicates": duplicates,
        "rejected": len(rejections),
        "rejections": rejections,
        "processing_id": processing_id,
    }
    if processing_id:
        answer["status_url"] = f"/v1/memories/distilled/{processing_id}"
    return Reply(answer, status=202) if reports else answer


@logged_operation(
    "GET",
    "/v1/memories/distilled/{processing_id}",
    "dual",
    object="memory_distillation",
    type="memory.distilled.status",
)
async def get_distilled_status(call: Call) -> Any:
    """A distilled batch's job: the admin key sees all, the client key its distillery's (else 403)."""
    processing_id = call.path_params["processing_id"]
    job = memory_state(call.runtime).distilled.get(processing_id)
    if job is None:
        raise not_found(
            f"Unknown or expired processing_id '{processing_id}' (completed results are retained for 5 minutes)",
            "NOT_FOUND",
        )
    owner = (call.request.headers.get("X-Distillery-ID") or "").strip()
    if call.key != "admin" and job["distillery_id"] != owner:
        raise FormationError(403, "Processing job does not belong to this distillery", "FORBIDDEN")
    return {k: v for k, v in job.items() if k != "distillery_id"}


# --- scheduler ------------------------------------------------------------------------------------------

JOB_TYPES = ("one_time", "recurring")
CRON_FIELDS = (  # name, lowest, highest, names
    ("minute", 0, 59, ()),
    ("hour", 0, 23, ()),
    ("day of month", 1, 31, ()),
    ("month", 1, 12, ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
    ("day of week", 0, 7, ("sun", "mon", "tue", "wed", "thu", "fri", "sat")),
)
CRON_HORIZON = timedelta(days=5 * 366)


@dataclass
class ScheduledJob:
    """One scheduled job, with the fields the runtime's scheduler stores and answers
    (services/scheduler/models.py: a cron expression, or the moment of a one-time job)."""

    id: str
    user_id: str
    title: str
    original_prompt: str
    execution_prompt: str
    is_recurring: bool
    cron_expression: str | None
    scheduled_for: str | None
    exclusion_rules: list[dict[str, Any]] = field(default_factory=list)
    status: str = "ACTIVE"
    created_at: str = field(default_factory=iso_now)
    updated_at: str = field(default_factory=iso_now)
    last_run_at: str | None = None
    last_run_status: str | None = None
    last_run_failure_message: str | None = None
    total_runs: int = 0
    total_failures: int = 0
    consecutive_failures: int = 0
    job_metadata: dict[str, Any] = field(default_factory=dict)

    def view(self) -> dict[str, Any]:
        return copy.deepcopy(vars(self))


def scheduler_jobs(runtime: FormationRuntime) -> dict[str, ScheduledJob]:
    """The runtime's scheduled jobs by id."""
    return runtime.area("scheduler", dict)


def _schedule_error(status: int, name: str, value: Any, expected: Any, error: str) -> FormationError:
    """The runtime's handler-level validation error: VALIDATION_ERROR with ``{field, value, expected, error}``."""
    return FormationError(
        status, error, "VALIDATION_ERROR", {"field": name, "value": value, "expected": expected, "error": error}
    )


def _cron_values(text: str, name: str, low: int, high: int, names: tuple[str, ...]) -> set[int]:
    """The values one cron field allows (``*``, ``n``, ``a-b``, ``*/s``, ``a-b/s``, lists, month/day names)."""
    values: set[int] = set()
    for part in text.lower().split(","):
        base, _, step_text = part.partition("/")
        for index, alias in enumerate(names):
            base = base.replace(alias, str(index + (1 if name == "month" else 0)))
        first, _, last = base.partition("-")
        try:
            start, stop = (low, high) if base == "*" else (int(first), int(last or first))
            if step_text and not last and base != "*":
                stop = high  # "a/s" means from a to the end, every s
            step = int(step_text) if step_text else 1
        except ValueError:
            raise ValueError(f"invalid {name} field '{text}'") from None
        if not low <= start <= stop <= high or step < 1:
            raise ValueError(f"{name} field '{text}' is outside {low}-{high}")
        values.update(range(start, stop + 1, step))
    return values


def parse_cron(expression: str) -> list[set[int]]:
    """The allowed values of the five fields of a cron expression (ValueError when it is not one)."""
    parts = expression.split()
    if len(parts) != len(CRON_FIELDS):
        raise ValueError("a cron expression has 5 fields: minute hour day-of-month month day-of-week")
    fields = [_cron_values(text, *spec) for text, spec in zip(parts, CRON_FIELDS, strict=True)]
    if 7 in fields[4]:
        fields[4].add(0)  # 0 and 7 are both Sunday
    return fields


def _cron_day_matches(fields: list[set[int]], expression: str, moment: datetime) -> bool:
    day_of_month, weekday = moment.day in fields[2], (moment.weekday() + 1) % 7 in fields[4]
    parts = expression.split()
    if not parts[2].startswith("*") and not parts[4].startswith("*"):
        return day_of_month or weekday  # cron's rule: with both restricted, either one suffices
    return day_of_month and weekday


def next_cron_run(expression: str, after: datetime) -> datetime | None:
    """The first minute after ``after`` that the cron expression names (None when it never fires)."""
    minutes, hours, _, months, _ = fields = parse_cron(expression)
    moment = after.replace(second=0, microsecond=0) + timedelta(minutes=1)
    while moment - after < CRON_HORIZON:
        if moment.month not in months:
            moment = (moment.replace(day=1, hour=0, minute=0) + timedelta(days=32)).replace(day=1)
        elif not _cron_day_matches(fields, expression, moment):
            moment = moment.replace(hour=0, minute=0) + timedelta(days=1)
        elif moment.hour not in hours:
            moment = moment.replace(minute=0) + timedelta(hours=1)
        elif moment.minute not in minutes:
            moment += timedelta(minutes=1)
        else:
            return moment
    return None


def checked_schedule(kind: str, schedule: str) -> str:
    """The next run of a job, after validating its type and schedule (400 bad type, 422 bad schedule)."""
    if kind not in JOB_TYPES:
        raise _schedule_error(400, "type", kind, list(JOB_TYPES), "type must be 'one_time' or 'recurring'")
    now = datetime.now(UTC)
    if kind == "one_time":
        run_at = parse_datetime(schedule)
        if run_at is None or run_at <= now:
            error = "schedule must be a future ISO 8601 datetime for a one_time job"
            raise _schedule_error(422, "schedule", schedule, "future ISO 8601 datetime", error)
        return iso(run_at)
    try:
        next_run = next_cron_run(schedule, now)
    except ValueError as exc:
        raise _schedule_error(422, "schedule", schedule, "5-field cron expression", f"invalid cron: {exc}") from None
    if next_run is None:
        raise _schedule_error(422, "schedule", schedule, "5-field cron expression", "the cron expression never fires")
    return iso(next_run)


def job_of(call: Call) -> ScheduledJob:
    """The job named by the path; a user header, when given, must name its owner (404 otherwise)."""
    job_id = call.path_params["job_id"]
    job = scheduler_jobs(call.runtime).get(job_id)
    user = call.user("filter")
    if job is None or (user is not None and job.user_id != user):
        raise not_found(f"Job '{job_id}' not found")
    return job


@logged_operation("GET", "/v1/scheduler/jobs", "dual", object="scheduled_job_list", type="scheduler.jobs.list")
async def list_scheduler_jobs(call: Call) -> Any:
    """``{jobs, count}`` filtered by the user header (required with the client key), newest first."""
    user = call.user("filter")
    jobs = [job.view() for job in scheduler_jobs(call.runtime).values() if user is None or job.user_id == user]
    return {"jobs": jobs[::-1], "count": len(jobs)}


@logged_operation(
    "POST", "/v1/scheduler/jobs", "admin", idempotent=True, object="scheduled_job", type="scheduler.job.created"
)
async def create_scheduler_job(call: Call) -> Any:
    """201 Job owned by the header's user; 400/422 VALIDATION_ERROR for a bad type or schedule."""
    body = await call.body()
    kind, schedule = required_field(body, "type", str), required_field(body, "schedule", str)
    message = required_field(body, "message", str)
    moment = checked_schedule(kind, schedule)
    job = ScheduledJob(
        id=new_id("job"),
        user_id=user_of(call, "optional"),  # the owner is the header's user ("0" without one)
        title=message[:500],
        original_prompt=message,
        execution_prompt=message,
        is_recurring=kind == "recurring",
        cron_expression=schedule if kind == "recurring" else None,
        scheduled_for=moment if kind == "one_time" else None,
    )
    scheduler_jobs(call.runtime)[job.id] = job
    audit(call, "scheduler.job.created", "scheduler_job", job.id, type=kind, user_id=job.user_id)
    return Reply(job.view(), status=201)


@logged_operation("GET", "/v1/scheduler/jobs/{job_id}", "admin", object="scheduled_job", type="scheduler.job.retrieved")
async def get_scheduler_job(call: Call) -> Any:
    """One Job; 404 when unknown (or not the header user's)."""
    return job_of(call).view()


@logged_operation("PUT", "/v1/scheduler/jobs/{job_id}", "admin", object="scheduled_job", type="scheduler.job.updated")
async def update_scheduler_job(call: Call) -> Any:
    """Change ``message`` (the prompt), ``schedule`` and/or ``title``; the schedule is validated again."""
    body = await call.body()
    job = job_of(call)
    changes = {name: body_field(body, name, str) for name in ("message", "schedule", "title")}
    if changes["schedule"]:
        moment = checked_schedule("recurring" if job.is_recurring else "one_time", changes["schedule"])
        if job.is_recurring:
            job.cron_expression = changes["schedule"]
        else:
            job.scheduled_for = moment
    if changes["message"]:
        job.original_prompt = job.execution_prompt = changes["message"]
    if changes["title"]:
        job.title = changes["title"]
    job.updated_at = iso_now()
    audit(call, "scheduler.job.updated", "scheduler_job", job.id, fields=[k for k, v in changes.items() if v])
    return job.view()


def _job_status_change(call: Call, before: str, after: str, action: str) -> dict[str, Any]:
    """``{id, status}``, as the runtime answers a pause or resume; 404 unless the job was ``before``."""
    job = job_of(call)
    if job.status != before:
        raise not_found(f"Scheduled job '{job.id}' not found or not in {before} state")
    job.status, job.updated_at = after, iso_now()
    audit(call, f"scheduler.job.{action}", "scheduler_job", job.id)
    return {"id": job.id, "status": after}


@logged_operation(
    "POST", "/v1/scheduler/jobs/{job_id}/pause", "admin", object="scheduled_job", type="scheduler.job.paused"
)
async def pause_scheduler_job(call: Call) -> Any:
    """``{id, status: "PAUSED"}``; 404 unless the job is active."""
    return _job_status_change(call, "ACTIVE", "PAUSED", "paused")


@logged_operation(
    "POST", "/v1/scheduler/jobs/{job_id}/resume", "admin", object="scheduled_job", type="scheduler.job.resumed"
)
async def resume_scheduler_job(call: Call) -> Any:
    """``{id, status: "ACTIVE"}``; 404 unless the job is paused."""
    return _job_status_change(call, "PAUSED", "ACTIVE", "resumed")


@logged_operation("DELETE", "/v1/scheduler/jobs/{job_id}", "admin", object="message", type="scheduler.job.deleted")
async def delete_scheduler_job(call: Call) -> Any:
    """``{message}``; 404 when unknown."""
    job = job_of(call)
    del scheduler_jobs(call.runtime)[job.id]
    audit(call, "scheduler.job.deleted", "scheduler_job", job.id)
    return {"message": f"Scheduled job '{job.id}' removed successfully"}


# --- credentials ----------------------------------------------------------------------------------------

USER_CREDENTIAL_REFERENCE = re.compile(r"user\.credentials\.([A-Za-z0-9_-]+)")


def credentials(runtime: FormationRuntime) -> dict[str, dict[str, Any]]:
    """Every user's credentials by id (each record keeps its owner in ``user_id``)."""
    return runtime.area("credentials", dict)


def credential_preview(credential: dict[str, Any]) -> str:
    """The runtime's redacted preview: the first 7 and last 3 characters of the main value (token,
    access_token, api_key, password, key, secret, else the first string longer than 5), or
    ``***redacted***`` when that value is shorter than 15 characters or there is none."""
    keys = ("token", "access_token", "api_key", "password", "key", "secret")
    value = next((credential[k] for k in keys if isinstance(credential.get(k), str)), None)
    if value is None:
        value = next((v for v in credential.values() if isinstance(v, str) and len(v) > 5), None)
    return f"{value[:7]}*****{value[-3:]}" if value is not None and len(value) >= 15 else "***redacted***"


def credential_view(record: dict[str, Any]) -> dict[str, Any]:
    """A credential as the API shows it: metadata and a masked preview, never the values."""
    keys = ("credential_id", "service", "name", "created_at", "updated_at")
    return {**{k: record[k] for k in keys}, "credential_preview": credential_preview(record["credential"])}


def credential_of(call: Call) -> dict[str, Any]:
    """The credential named by the path, if it belongs to the user (any user's with the admin key
    and no header)."""
    user = call.user("filter")
    credential_id = call.path_params["credential_id"]
    record = credentials(call.runtime).get(credential_id)
    if record is None or (user is not None and record["user_id"] != user):
        raise not_found(f"Credential '{credential_id}' not found")
    return record


@logged_operation("GET", "/v1/credentials/services", "dual", object="credential_list", type="credentials.listed")
async def list_credential_services(call: Call) -> Any:
    """Services whose user credentials the MCP servers reference."""
    users_of: dict[str, list[str]] = {}
    for server_id, server in mcp_servers(call.runtime).items():
        for service in USER_CREDENTIAL_REFERENCE.findall(dumps(server)):
            users_of.setdefault(service, []).append(server_id)
    services = [
        {"service": name, "server_id": server_id, "description": "MCP server requiring user authentication"}
        for name, servers in sorted(users_of.items())
        for server_id in servers
    ]
    return {"services": services, "count": len(services)}


@logged_operation("GET", "/v1/credentials", "dual", object="credential_list", type="credentials.listed")
async def list_credentials(call: Call) -> Any:
    """The user's credentials (every user's with the admin key and no header), values masked."""
    user = call.user("filter")
    items = [credential_view(r) for r in credentials(call.runtime).values() if user is None or r["user_id"] == user]
    return {"credentials": items, "count": len(items)}


@logged_operation("GET", "/v1/credentials/{credential_id}", "dual", object="credential", type="credentials.retrieved")
async def get_credential(call: Call) -> Any:
    """One credential, values masked; 404 unless it is the user's."""
    return credential_view(credential_of(call))


@logged_operation("POST", "/v1/credentials", "dual", object="credential", type="credentials.created")
async def create_credential(call: Call) -> Any:
    """201 ``{credential_id, service, name, credential_preview, created_at}``; 400 for a service name
    with spaces."""
    owner = call.user("filter") or "0"  # the admin key without a user stores a formation-level credential
    body = await call.body()
    service = required_field(body, "service", str).lower().strip()
    if " " in service:
        raise FormationError(400, "Service name cannot contain spaces", "VALIDATION_ERROR")
    secret = required_field(body, "credential", dict)
    record: dict[str, Any] = {
        "credential_id": new_id("cred"),
        "user_id": owner,
        "service": service,
        "name": body_field(body, "name", str) or service,  # the runtime answers the service name too
        "credential": dict(secret),
        "created_at": iso_now(),
        "updated_at": iso_now(),
    }
    credentials(call.runtime)[record["credential_id"]] = record
    return Reply({k: v for k, v in credential_view(record).items() if k != "updated_at"}, status=201)


@logged_operation("DELETE", "/v1/credentials/{credential_id}", "dual", object="credential", type="credentials.deleted")
async def delete_credential(call: Call) -> Any:
    """Delete one of the user's credentials; 404 otherwise."""
    record = credential_of(call)
    del credentials(call.runtime)[record["credential_id"]]
    return {"credential_id": record["credential_id"], "deleted": True}


# --- users: identities and notification channels -------------------------------------------------------

RESERVED_CHANNELS = ("last", "preferred", "webhook")


@dataclass
class UserDirectory:
    """MUXI users, the identifiers that resolve to them, and their notification channel state."""

    users: dict[str, int] = field(default_factory=dict)  # muxi_user_id → internal id
    identifiers: dict[str, dict[str, Any]] = field(default_factory=dict)  # identifier → link
    channels: dict[str, dict[str, Any]] = field(default_factory=dict)
    next_internal_id: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def create_user(self) -> str:
        muxi_user_id = new_id("usr")
        self.users[muxi_user_id] = next(self.next_internal_id)
        return muxi_user_id

    def link(self, identifier: str, kind: str, muxi_user_id: str) -> dict[str, Any]:
        link = {"identifier": identifier, "type": kind, "muxi_user_id": muxi_user_id, "created_at": iso_now()}
        self.identifiers[identifier] = link
        return link

    def identifiers_of(self, muxi_user_id: str) -> list[dict[str, Any]]:
        return [
            {"identifier": link["identifier"], "type": link["type"], "created_at": link["created_at"]}
            for link in self.identifiers.values()
            if link["muxi_user_id"] == muxi_user_id
        ]


def user_directory(runtime: FormationRuntime) -> UserDirectory:
    """The runtime's users."""
    return runtime.area("users", UserDirectory)


def normalized_identifier(identifier: str) -> str:
    """Identifiers as the runtime stores them: email-shaped ones in lower case."""
    return identifier.lower() if "@" in identifier else identifier


def _resolved(directory: UserDirectory, identifier: str) -> dict[str, Any]:
    muxi_user_id = directory.identifiers[identifier]["muxi_user_id"]
    return {"identifier": identifier, "muxi_user_id": muxi_user_id, "internal_user_id": directory.users[muxi_user_id]}


def _known_user(directory: UserDirectory, muxi_user_id: str) -> str:
    found(directory.users, muxi_user_id, "User")
    return muxi_user_id


@logged_operation("POST", "/v1/users/resolve", "client", object="user", type="user.resolved")
async def resolve_user(call: Call) -> Any:
    """The user of an identifier, created when unknown."""
    body = await call.body()
    identifier = normalized_identifier(required_field(body, "identifier", str))
    if not identifier:
        raise invalid_params("identifier", "String should have at least 1 character", "string_too_short")
    directory = user_directory(call.runtime)
    if identifier not in directory.identifiers:  # resolve always creates the user of an unknown identifier
        directory.link(identifier, body_field(body, "identifier_type", str) or "unknown", directory.create_user())
    return {**_resolved(directory, identifier), "identifier": body["identifier"]}  # as sent, not lower-cased


@logged_operation("GET", "/v1/users/{identifier}", "client", object="user", type="user.resolved")
async def lookup_user(call: Call) -> Any:
    """The user of an identifier; 404 when unknown (never creates)."""
    identifier = normalized_identifier(call.path_params["identifier"])
    directory = user_directory(call.runtime)
    if identifier not in directory.identifiers:
        raise not_found(f"No user with identifier '{identifier}'")
    return _resolved(directory, identifier)


@logged_operation(
    "GET", "/v1/users/identifiers/{muxi_user_id}", "client", object="user_identifier_list", type="user.identifiers.list"
)
async def get_user_identifiers(call: Call) -> Any:
    """Every identifier of a MUXI user; 404 when unknown."""
    directory = user_directory(call.runtime)
    muxi_user_id = _known_user(directory, call.path_params["muxi_user_id"])
    identifiers = directory.identifiers_of(muxi_user_id)
    return {
        "muxi_user_id": muxi_user_id,
        "internal_user_id": directory.users[muxi_user_id],
        "identifiers": identifiers,
        "count": len(identifiers),
    }


def _identifier_pair(item: Any, index: int) -> tuple[str, str]:
    """One identifier of a link request: ``"id"``, ``["id", "type"]`` or ``{"identifier", "type"}``."""
    if isinstance(item, str):
        identifier, kind = item, "unknown"
    elif isinstance(item, list) and len(item) == 2 and all(isinstance(part, str) for part in item):
        identifier, kind = item
    elif isinstance(item, dict) and isinstance(item.get("identifier"), str):
        identifier, kind = item["identifier"], str(item.get("type") or "unknown")
    else:
        raise invalid_params(f"identifiers.{index}", "Expected a string, [identifier, type] or {identifier, type}")
    return normalized_identifier(identifier), kind


@logged_operation(
    "POST", "/v1/users/identifiers", "client", object="user_identifier_list", type="user.identifiers.associated"
)
async def link_user_identifiers(call: Call) -> Any:
    """Link identifiers to a user (a new one without ``muxi_user_id``); 404 unknown user."""
    body = await call.body()
    pairs = [_identifier_pair(item, i) for i, item in enumerate(required_field(body, "identifiers", list))]
    directory = user_directory(call.runtime)
    wanted = body_field(body, "muxi_user_id", str)
    muxi_user_id = _known_user(directory, wanted) if wanted else directory.create_user()
    for identifier, _ in pairs:
        owner = directory.identifiers.get(identifier, {}).get("muxi_user_id", muxi_user_id)
        if owner != muxi_user_id:
            raise FormationError(409, f"Identifier '{identifier}' already belongs to another user")
    for identifier, kind in pairs:
        directory.link(identifier, kind, muxi_user_id)
    identifiers = [{"identifier": i["identifier"], "type": i["type"]} for i in directory.identifiers_of(muxi_user_id)]
    return {"muxi_user_id": muxi_user_id, "identifiers": identifiers, "count": len(identifiers)}


@logged_operation(
    "DELETE", "/v1/users/identifiers/{identifier}", "client", object="message", type="user.identifier.deleted"
)
async def unlink_user_identifier(call: Call) -> Any:
    """Remove an identifier's link; 404 when it has none."""
    identifier = normalized_identifier(call.path_params["identifier"])
    link = user_directory(call.runtime).identifiers.pop(identifier, None)
    if link is None:
        raise not_found(f"Identifier '{identifier}' not found")
    return {"message": f"Identifier '{identifier}' removed", "muxi_user_id": link["muxi_user_id"]}


def proactive(runtime: FormationRuntime) -> dict[str, Any]:
    """The formation's ``proactive`` block (503 when a deployed definition has none)."""
    if runtime.definition and not runtime.definition.get("proactive"):
        raise FormationError(503, "The formation has no 'proactive' block", "SERVICE_UNAVAILABLE")
    return section(runtime, "proactive")


def channel_state(call: Call) -> dict[str, Any]:
    """The notification channel state of the user named by the path (empty for unknown users)."""
    proactive(call.runtime)
    user_id = call.path_params["user_id"]
    empty = {"user_id": user_id, "preferred_channel": None, "channels": {}, "last_channel": None, "timezone": None}
    return user_directory(call.runtime).channels.setdefault(user_id, empty)


def _declared_channel(call: Call, name: str) -> str:
    declared = list(by_name(proactive(call.runtime).get("channels")))
    if name not in declared and name != "webhook":
        raise FormationError(400, f"Unknown channel '{name}'; declared channels: {', '.join(declared)}")
    return name


def _timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise FormationError(400, f"Unknown timezone '{name}'") from None
    return name


@logged_operation(
    "GET", "/v1/users/{user_id}/channels", "client", object="user_channels", type="user.channels.retrieved"
)
async def get_user_channels(call: Call) -> Any:
    """The user's notification channel state (empty for an unknown user)."""
    return channel_state(call)


@logged_operation("PUT", "/v1/users/{user_id}/channels", "client", object="user_channels", type="user.channels.updated")
async def update_user_channels(call: Call) -> Any:
    """Merge channel contexts, set preferred channel and timezone; 400 for unknown ones."""
    body = await call.body()
    state = channel_state(call)
    preferred, timezone = body_field(body, "preferred_channel", str), body_field(body, "timezone", str)
    contexts = body_field(body, "channels", dict) or {}
    # Validate everything before changing anything: a 400 leaves the state as it was.
    for name, context in contexts.items():
        _declared_channel(call, name)
        if not isinstance(context, dict):
            raise invalid_params(f"channels.{name}", "Input should be a valid dictionary", "dict_type")
    if preferred:
        _declared_channel(call, preferred)
    if timezone:
        _timezone(timezone)
    for name, context in contexts.items():
        if context:
            state["channels"][name] = {**state["channels"].get(name, {}), **context}
        else:  # an empty mapping removes the channel
            state["channels"].pop(name, None)
    if preferred is not None:
        state["preferred_channel"] = preferred or None  # an empty string clears
    if timezone is not None:
        state["timezone"] = timezone or None
    return state


@logged_operation("POST", "/v1/notifications", "client", object="notification", type="notification.sent")
async def send_notification(call: Call) -> Any:
    """Route a notification: explicit channels, else the preferred one, else the default."""
    body = await call.body()
    user_id, message = required_field(body, "user_id", str), required_field(body, "message", str)
    if not message.strip():
        raise FormationError(400, "The notification message is empty")
    config = proactive(call.runtime)
    explicit = body_field(body, "channels", list)
    for name in explicit or []:
        if name not in RESERVED_CHANNELS:
            _declared_channel(call, str(name))
    preferred = user_directory(call.runtime).channels.get(user_id, {}).get("preferred_channel")
    # Routing precedence: explicit channels > the user's preference > the formation default > webhook.
    channels = explicit or [preferred or config.get("default_channel") or "webhook"]
    return {"request_id": call.request_id, "channels": channels, "delivered": channels, "failed": []}


# --- triggers -------------------------------------------------------------------------------------------

TRIGGER_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
PLACEHOLDER = re.compile(r"\$?\{\{\s*(?:data\.)?([A-Za-z0-9_.]+)\s*\}\}")  # {{a.b}} and ${{ data.a.b }}


def triggers(runtime: FormationRuntime) -> dict[str, dict[str, Any]]:
    """The formation's trigger templates by name: ``{name, content, data_fields}``."""
    raw = runtime.definition.get("triggers") or DEFAULT_TRIGGERS
    result = {}
    for name, item in by_name(raw).items():
        content = str(item.get("content") or item.get("template") or "")
        fields = item.get("data_fields") or list(dict.fromkeys(PLACEHOLDER.findall(content))) or None
        result[name] = {"name": name, "content": content, "data_fields": fields}
    return result


def trigger_of(call: Call) -> dict[str, Any]:
    """The trigger named by the path (400 for a malformed name, 404 TRIGGER_NOT_FOUND)."""
    name = call.path_params["trigger_name"]
    if not TRIGGER_NAME.match(name):
        raise FormationError(400, f"Invalid trigger name '{name}': letters, digits, '-' and '_' only")
    return found(triggers(call.runtime), name, "Trigger", "TRIGGER_NOT_FOUND")


def render(template: str, data: dict[str, Any]) -> str:
    """The template with each placeholder replaced by its (dotted) path in ``data``; a placeholder whose
    value is missing stays as written, so the rendered message shows what the data lacked."""

    def value(match: re.Match[str]) -> str:
        node: Any = data
        for part in match.group(1).split("."):
            if not isinstance(node, dict) or part not in node:
                return match.group(0)
            node = node[part]
        return node if isinstance(node, str) else dumps(node)

    return PLACEHOLDER.sub(value, template)


@dataclass
class TriggerRun:
    """One trigger fire played by the echo agent as a chat turn of its session."""

    runtime: FormationRuntime
    record: RequestRecord
    session: Session
    message: str

    @property
    def answer(self) -> str:
        return f"You said: {self.message}"

    def publish(self, kind: str, message: str) -> None:
        chat_state(self.runtime).bus.publish(
            {
                "type": kind,
                "timestamp": time.time(),
                "message": message,
                "session_id": self.session.session_id,
                "request_id": self.record.request_id,
                "user_id": self.record.user_id,
            }
        )

    def start(self) -> None:
        self.session.add(self.message, "user", request_id=self.record.request_id)
        chat_state(self.runtime).requests[self.record.request_id] = self.record
        self.publish("chat.started", f"Request received: {self.message[:50]}")

    def finish(self) -> None:
        agent_id = next(iter(self.runtime.agents))
        self.session.add(self.answer, "assistant", agent_id=agent_id, request_id=self.record.request_id)
        record = self.record
        record.status, record.completed_at, record.result = "completed", time.time(), self.answer
        self.publish("chat.completed", self.answer)

    async def finish_later(self) -> None:
        """Complete after the echo agent's time for the answer, unless the request was cancelled meanwhile."""
        await asyncio.sleep(max(self.runtime.config.token_delay * len(tokens_of(self.answer)), 0.01))
        if self.record.status == "processing" and not self.record.cancelled:
            self.finish()


def _running(runtime: FormationRuntime) -> set[asyncio.Task[None]]:
    # Background completions are referenced here until done (the event loop keeps only weak references).
    return runtime.area("trigger_tasks", set)


@logged_operation("GET", "/v1/triggers", "client", object="list", type="list.retrieved")
async def list_triggers(call: Call) -> Any:
    """``{formation_id, triggers: [name], count}``."""
    names = sorted(triggers(call.runtime))
    return {"formation_id": call.runtime.formation_id, "triggers": names, "count": len(names)}


@logged_operation("GET", "/v1/triggers/{trigger_name}", "client", object="trigger", type="trigger.retrieved")
async def get_trigger(call: Call) -> Any:
    """``{name, content, data_fields}``; 400 malformed name; 404 TRIGGER_NOT_FOUND."""
    return trigger_of(call)


@logged_operation(
    "POST", "/v1/triggers/{trigger_name}", "client", idempotent=True, object="request", type="request.processing"
)
async def fire_trigger(call: Call) -> Any:
    """Render the template with ``data`` and play it as a chat turn: ``processing``, or ``completed``
    with its content when ``use_async`` is false."""
    trigger = trigger_of(call)
    body = await call.body()
    data = required_field(body, "data", dict)
    use_async = body_field(body, "use_async", bool)
    user = user_of(call, "optional")
    session_id = body_field(body, "session_id", str) or new_id("sess")
    sessions = chat_state(call.runtime).sessions
    session = sessions.setdefault((user, session_id), Session(session_id, user))
    record = RequestRecord(call.request_id, user, session_id, streaming=False)
    run = TriggerRun(call.runtime, record, session, render(trigger["content"], data))
    run.start()
    if call.idempotency_key:
        call.runtime.book.record("trigger_fires", call.idempotency_key)
    if use_async is False:
        run.finish()
        return Reply({"status": "completed", "content": run.answer}, type="request.completed")
    task = asyncio.get_running_loop().create_task(run.finish_later())
    running = _running(call.runtime)
    running.add(task)
    task.add_done_callback(running.discard)
    return {"status": "processing"}


# --- audit ----------------------------------------------------------------------------------------------


@logged_operation("GET", "/v1/audit", "admin", object="audit_log", type="audit.retrieved")
async def get_audit_log(call: Call) -> Any:
    """Audit entries, newest first (``limit``, exact ``action``, ``resource_type``, ``since``)."""
    limit = call.query_int("limit", 100, 1, 1000)
    action, resource_type = call.query.get("action"), call.query.get("resource_type")
    if resource_type and resource_type not in AUDIT_RESOURCE_TYPES:
        raise invalid_params("query.resource_type", f"Input should be one of {', '.join(AUDIT_RESOURCE_TYPES)}", "enum")
    since = call.query.get("since")
    since_moment = parse_datetime(since) if since else None
    if since and since_moment is None:
        raise FormationError(400, f"Invalid timestamp format: {since}. Use ISO 8601 format.", "INVALID_PARAMETER")
    entries = [
        entry
        for entry in reversed(audit_log(call.runtime))  # newest first
        if (not action or entry["action"] == action)
        and (not resource_type or entry["resource_type"] == resource_type)
        and _between(entry["timestamp"], since_moment, None)
    ][:limit]
    return {"entries": entries, "total_entries": len(entries), "limit": limit}


@logged_operation("DELETE", "/v1/audit", "admin", object="audit_log", type="audit.cleared")
async def clear_audit_log(call: Call) -> Any:
    """Clear the audit log, leaving one ``audit.cleared`` entry; 400 without ``confirm=clear-audit-log``."""
    if call.query.get("confirm") != CLEAR_AUDIT_CONFIRMATION:
        message = f"Confirmation required: add ?confirm={CLEAR_AUDIT_CONFIRMATION} to delete"
        raise FormationError(400, message, "INVALID_REQUEST")
    entries = audit_log(call.runtime)
    cleared = len(entries)
    message = f"Audit log cleared by admin ({cleared} entries removed)"
    entry = _audit_entry(call, "audit.cleared", "audit_log", call.runtime.formation_id, message)
    entries[:] = [{**entry, "data": {"previous_entries_count": cleared}}]
    return {
        "previous_entries_count": cleared,
        "cleared_by": "admin",
        "message": f"Audit log cleared ({cleared} entries removed)",
    }


# --- tuning (the formation's MUXI.md and the tuning loop's suggestions) --------------------------------

TUNING_SUGGESTION = "- Prefer short answers that quote the user's words."
TUNING_LIVE_PATH = "/formation/MUXI.md"  # where a deployed formation keeps its MUXI.md
TUNING_PENDING_PATH = "/formation/PENDING-MUXI.md"


@dataclass
class Tuning:
    """The live MUXI.md (None: no file) and the tuning loop's pending suggestion."""

    live: str | None = None
    pending: str | None = None


def tuning(runtime: FormationRuntime) -> Tuning:
    """The runtime's tuning state."""
    return runtime.area("tuning", Tuning)


def _pending(call: Call, verb: str) -> Tuning:
    state = tuning(call.runtime)
    if state.pending is None:
        raise not_found(f"No pending MUXI.md suggestion to {verb}", "TUNING_NO_PENDING")
    return state


@logged_operation("GET", "/v1/tuning", "admin", object="tuning", type="tuning.retrieved")
async def get_tuning(call: Call) -> Any:
    """``{content, path}`` of the live MUXI.md (both null when there is none)."""
    live = tuning(call.runtime).live
    return {"content": live, "path": TUNING_LIVE_PATH if live is not None else None}


@logged_operation("POST", "/v1/tuning", "admin", object="tuning", type="tuning.updated")
async def replace_tuning(call: Call) -> Any:
    """Replace the live MUXI.md: ``{path, bytes}``."""
    state = tuning(call.runtime)
    state.live = required_field(await call.body(), "content", str)
    return {"path": TUNING_LIVE_PATH, "bytes": len(state.live.encode("utf-8"))}


@logged_operation("GET", "/v1/tuning/pending", "admin", object="tuning", type="tuning.pending.retrieved")
async def get_tuning_pending(call: Call) -> Any:
    """``{content, path}`` of the pending suggestion (content null when there is none)."""
    return {"content": tuning(call.runtime).pending, "path": TUNING_PENDING_PATH}


@logged_operation("PATCH", "/v1/tuning/pending", "admin", object="tuning", type="tuning.pending.applied")
async def apply_tuning_pending(call: Call) -> Any:
    """Promote the pending suggestion to the live MUXI.md; 404 TUNING_NO_PENDING when there is none."""
    state = _pending(call, "apply")
    state.live, state.pending = state.pending, None
    return {"path": TUNING_LIVE_PATH, "learnings_activated": 1}


@logged_operation("DELETE", "/v1/tuning/pending", "admin", object="tuning", type="tuning.pending.dismissed")
async def dismiss_tuning_pending(call: Call) -> Any:
    """Drop the pending suggestion; 404 TUNING_NO_PENDING when there is none."""
    _pending(call, "dismiss").pending = None
    return {"learnings_dismissed": 1}


@logged_operation("POST", "/v1/tuning/run", "admin", object="tuning_run", type="tuning.run.completed")
async def run_tuning(call: Call) -> Any:
    """One tuning pass, which leaves a pending suggestion (the runtime's report shape)."""
    started = time.monotonic()
    state = tuning(call.runtime)
    # The dev server's tuning loop always has the same idea, appended to the live file.
    state.pending = f"{state.live.rstrip()}\n{TUNING_SUGGESTION}\n" if state.live else f"{TUNING_SUGGESTION}\n"
    return {
        "trigger": "manual",
        "events_read": 0,
        "segments_read": 0,
        "entries_written": 0,
        "dropped_sentences": 0,
        "spool_committed": True,
        "spool_segments_kept": False,
        "benchmark_suites_run": [],
        "benchmark_skipped": "the dev server runs no benchmarks",
        "learnings_recorded": 1,
        "learnings_retired": 0,
        "muxi_md_applied": False,
        "muxi_md_suggested": True,
        "muxi_md_rejected_oversize": False,
        "recommendations": 1,
        "report_delivered": False,
        "duration_ms": round((time.monotonic() - started) * 1000, 1),
    }


# --- artifacts (the echo agent produces none) ----------------------------------------------------------


def _no_artifact(call: Call) -> FormationError:
    call.user("filter")
    return not_found(f"Artifact '{call.path_params['artifact_id']}' not found", "NOT_FOUND")


@logged_operation("GET", "/v1/artifacts", "dual", object="artifact_list", type="artifact.list")
async def list_artifacts(call: Call) -> Any:
    """Always empty: the echo agent makes no artifacts."""
    call.user("filter")
    call.query_int("limit", 20, 1, 100)
    return {"artifacts": [], "count": 0, "total": 0}


@logged_operation("GET", "/v1/artifacts/{artifact_id}", "dual", object="artifact", type="artifact.retrieved")
async def get_artifact(call: Call) -> Any:
    """404: there are no artifacts."""
    raise _no_artifact(call)


@logged_operation("GET", "/v1/artifacts/{artifact_id}/content", "dual", object="artifact", type="artifact.content")
async def download_artifact_content(call: Call) -> Any:
    """404: there are no artifacts."""
    raise _no_artifact(call)


@logged_operation(
    "GET", "/v1/artifacts/{artifact_id}/versions", "dual", object="artifact", type="artifact.versions.retrieved"
)
async def list_artifact_versions(call: Call) -> Any:
    """404: there are no artifacts."""
    raise _no_artifact(call)


# --- GET /v1/logs: the log buffer, then live records, as server-sent events ---------------------------


def _log_filter(call: Call) -> Callable[[dict[str, Any]], bool]:
    """The record predicate of the query: exact user/session/request/agent, a minimum level, and an
    ``event_type`` pattern with wildcards (``chat.*``)."""
    exact = {name: call.query[name] for name in LOG_FILTERS if call.query.get(name)}
    level = (call.query.get("level") or "DEBUG").upper()
    if level not in LOG_LEVELS:
        raise invalid_params("query.level", f"Input should be one of {', '.join(LOG_LEVELS)}", "enum")
    pattern = call.query.get("event_type") or "*"

    def wanted(record: dict[str, Any]) -> bool:
        return (
            all(record.get(name) == value for name, value in exact.items())
            and LOG_LEVELS.index(record["level"]) >= LOG_LEVELS.index(level)
            and fnmatch.fnmatchcase(record["event_type"], pattern)
        )

    return wanted


@logged_operation("GET", "/v1/logs", "admin")
async def stream_logs(call: Call) -> Response:
    """Buffered, then live, log records matching the query filters, as ``event: log`` frames."""
    wanted = _log_filter(call)
    book = log_book(call.runtime)
    interval = call.runtime.config.keepalive_interval

    async def frames() -> AsyncIterator[bytes]:
        live: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        book.followers.add(live)
        backlog = list(book.records)  # taken with the subscription, before any await: no gap, no repeat
        try:
            yield KEEPALIVE
            for record in backlog:
                if wanted(record):
                    yield sse_frame(record, event="log")
            while True:
                try:
                    record = await asyncio.wait_for(live.get(), interval)
                except TimeoutError:
                    yield KEEPALIVE
                    continue
                if wanted(record):
                    yield sse_frame(record, event="log")
        finally:
            book.followers.discard(live)

    return StreamingResponse(frames(), media_type="text/event-stream", headers=SSE_HEADERS)
