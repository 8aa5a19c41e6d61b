"""Agents, skills, SOPs and knowledge: read from the definition (or the development defaults)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ._core import Call, FormationError, not_found
from ._definition import DEFAULT_SKILLS, DEFAULT_SOPS
from ._logs import logged_operation
from ._shared import body_field, by_name, found

if TYPE_CHECKING:
    from . import FormationRuntime


def agent_of(call: Call) -> dict[str, Any]:
    """The agent named by the ``agent_id`` path parameter (404 AGENT_NOT_FOUND when unknown)."""
    return found(call.runtime.agents, call.path_params["agent_id"], "Agent", "AGENT_NOT_FOUND")


@logged_operation("list_agents", object="agent_list", type="agent.list")
async def list_agents(call: Call) -> Any:
    """``{agents, count}``."""
    agents = list(call.runtime.agents.values())
    return {"agents": agents, "count": len(agents)}


@logged_operation("get_agent", object="agent", type="agent.retrieved")
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


@logged_operation("sync_agent_knowledge", object="agent", type="agent.knowledge.synced")
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


@logged_operation("rebuild_knowledge", object="knowledge", type="knowledge.trees.rebuilt")
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


@logged_operation("list_skills", object="list", type="skill.list")
async def list_skills(call: Call) -> Any:
    """``{skills}``: each skill's name, description, scope and what resources it has."""
    return {"skills": [_skill_summary(skill) for skill in skills(call.runtime).values()]}


@logged_operation("get_skill", object="skill", type="skill.get")
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


@logged_operation("list_agent_skills", object="list", type="agent.skills")
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


@logged_operation("list_sops", object="sop_list", type="sops.list")
async def list_sops(call: Call) -> Any:
    """``{sops: [{name, title, type, steps, agents_used}], count}``."""
    keys = ("name", "title", "type", "steps", "agents_used")
    items = [{key: _sop_view(sop)[key] for key in keys} for sop in sops(call.runtime).values()]
    return {"sops": items, "count": len(items)}


@logged_operation("get_sop", object="sop", type="sop.retrieved")
async def get_sop(call: Call) -> Any:
    """One SOP with its content and front matter; 404 SOP_NOT_FOUND when unknown."""
    return _sop_view(found(sops(call.runtime), call.path_params["sop_name"], "SOP", "SOP_NOT_FOUND"))
