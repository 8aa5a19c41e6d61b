"""The formation definition as the runtime uses it: the deployed formation file over development
defaults (and, for the development formation without a definition, over sample content), and the
default triggers, skills and SOPs of a formation that declares none."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from ._shared import by_name, merged

if TYPE_CHECKING:
    from . import FormationRuntime

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
