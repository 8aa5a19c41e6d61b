"""An in-memory MUXI formation runtime (contract/formation.md): every operation of the spec,
real state for the stateful ones, an echo agent that answers deterministically."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .._config import DevServerConfig
from .._faults import FaultBook

# Each functional area's module registers its operations when imported (._core.operation); the
# stateful ones keep their state per runtime in FormationRuntime.area. Routes are tried in
# registration order, which matters only where two paths can match one request; the one such pair
# across modules, /v1/memories/{memory_id} before /v1/memories/distilled, holds because
# _memory_admin imports _memories.
from . import (  # noqa: F401
    _agents,
    _artifacts,
    _audit,
    _buffers,
    _chat,
    _configuration,
    _credentials,
    _logs,
    _memories,
    _memory_admin,
    _scheduler,
    _secrets,
    _triggers,
    _tuning,
    _users,
)
from ._core import OPERATIONS, IdempotencyStore, endpoint, error_response

T = TypeVar("T")

DEFAULT_AGENTS: list[dict[str, Any]] = [
    {
        "id": "assistant",
        "name": "Assistant",
        "description": "Answers by echoing the message.",
        "system_message": "You are a helpful assistant.",
    },
    {
        "id": "researcher",
        "name": "Researcher",
        "description": "Echoes too, under another name.",
        "system_message": "You research topics carefully.",
        # A remote knowledge source (never fetched): POST /v1/agents/researcher/knowledge/sync has one to sync.
        "knowledge": {
            "enabled": True,
            "sources": [{"url": "https://knowledge.example.invalid/research-notes", "description": "Research notes"}],
        },
    },
]


class FormationRuntime:
    """One formation: its state and its ASGI app (paths start with /v1).

    ``definition`` is the parsed formation file of a deployed bundle (id, version, agents,
    triggers…); None gives the default development formation.
    """

    def __init__(
        self,
        config: DevServerConfig,
        book: FaultBook,
        formation_id: str,
        definition: dict[str, Any] | None = None,
    ) -> None:
        self.config = config
        self.book = book
        self.formation_id = formation_id
        self.definition = definition or {}
        self.version = str(self.definition.get("version", "1.0.0"))
        self.agents: dict[str, dict[str, Any]] = {
            # The runtime marks the agents its formation file declares with ``source: formation``.
            agent["id"]: {**agent, "source": agent.get("source", "formation")}
            for agent in _declared_agents(self.definition.get("agents")) or copy.deepcopy(DEFAULT_AGENTS)
        }
        self.idempotency = IdempotencyStore()
        self.started_at = time.time()
        self._areas: dict[str, Any] = {}
        _logs.log_book(self)  # from the start, so the first chat turns are logged too
        routes = [Route(op.path, endpoint(self, op), methods=[op.method]) for op in OPERATIONS]
        self.app = Starlette(
            routes=routes,
            exception_handlers={404: _not_found, 405: _method_not_allowed},
        )

    def __repr__(self) -> str:
        return f"FormationRuntime({self.formation_id!r})"

    def area(self, name: str, factory: Callable[[], T]) -> T:
        """The state of one functional area (sessions, secrets, scheduler…), created on first use."""
        if name not in self._areas:
            self._areas[name] = factory()
        state: T = self._areas[name]
        return state


def _declared_agents(raw: Any) -> list[dict[str, Any]]:
    agents = []
    for item in raw or []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            agents.append({"name": item["id"].replace("-", " ").title(), "description": "", **item})
        elif isinstance(item, str):
            agents.append({"id": item, "name": item.replace("-", " ").title(), "description": ""})
    return agents


async def _not_found(request: Request, exc: Exception) -> Response:
    return error_response(404, f"Not found: {request.scope.get('route_path', request.url.path)}", "RESOURCE_NOT_FOUND")


async def _method_not_allowed(request: Request, exc: Exception) -> Response:
    headers = getattr(exc, "headers", None)
    return error_response(405, f"Method {request.method} not allowed", "METHOD_NOT_ALLOWED", headers=headers)


__all__ = ["FormationRuntime"]
