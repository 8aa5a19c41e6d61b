"""The dev server's formation API, call by call as contract/formation.md describes it: a request on the
wire with the formation's keys, and the exact envelope or error that comes back."""

from __future__ import annotations

import base64
import functools
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import httpx
import jsonschema
import pytest
import yaml
from meshkit._generated.operations import OPERATIONS
from meshkit.devserver import DevServer, DevServerConfig
from meshkit.devserver.formation import FormationRuntime

ROOT = Path(__file__).resolve().parents[2]
FORMATION_OPERATIONS = {op_id: op for op_id, op in OPERATIONS.items() if "formation" in op["tags"]}

Key = Literal["admin", "client"] | None


@dataclass
class Formation:
    """A formation spoken to over HTTP with exactly one key per call."""

    config: DevServerConfig
    http: httpx.Client
    dev: DevServer | None = None

    def accepted(self) -> dict[str, dict[str, int]]:
        assert self.dev is not None
        return self.dev.accepted()

    def call(
        self,
        method: str,
        path: str,
        key: Key = None,
        *,
        user: str | None = None,
        idempotency_key: str | None = None,
        headers: dict[str, str] | None = None,
        **options: Any,
    ) -> httpx.Response:
        return self.http.request(
            method, path.lstrip("/"), headers=self.headers(key, user, idempotency_key, headers), **options
        )

    def headers(
        self, key: Key, user: str | None = None, idempotency_key: str | None = None, extra: dict[str, str] | None = None
    ) -> dict[str, str]:
        headers = dict(extra or {})
        if key == "admin":
            headers["X-MUXI-ADMIN-KEY"] = self.config.admin_key
        elif key == "client":
            headers["X-MUXI-CLIENT-KEY"] = self.config.client_key
        if user:
            headers["X-Muxi-User-ID"] = user
        if idempotency_key:
            headers["X-Muxi-Idempotency-Key"] = idempotency_key
        return headers

    def admin(self, method: str, path: str, **options: Any) -> httpx.Response:
        return self.call(method, path, "admin", **options)

    def client(self, method: str, path: str, **options: Any) -> httpx.Response:
        return self.call(method, path, "client", **options)

    def stream(self, method: str, path: str, key: Key, *, user: str | None = None, **options: Any) -> Any:
        return self.http.stream(method, path.lstrip("/"), headers=self.headers(key, user), **options)


@pytest.fixture
def formation(meshkit_fresh_dev_server: DevServer) -> Iterator[Formation]:
    with httpx.Client(base_url=meshkit_fresh_dev_server.formation_url + "/v1/", timeout=10) as http:
        yield Formation(meshkit_fresh_dev_server.config, http, meshkit_fresh_dev_server)


# --- what an answer must look like --------------------------------------------------------------------


@functools.cache
def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load((ROOT / "openapi" / "mesh.yaml").read_text())
    return spec


def assert_matches_spec(operation_id: str, body: Any) -> None:
    """The body is valid against the operation's documented response schema in openapi/mesh.yaml."""
    name = FORMATION_OPERATIONS[operation_id]["response_schema"]
    jsonschema.Draft202012Validator({**_spec(), "$ref": f"#/components/schemas/{name}"}).validate(body)


def ok(response: httpx.Response, operation_id: str) -> dict[str, Any]:
    """The success envelope of ``operation_id`` at its documented status, valid against the spec: its data."""
    expected = FORMATION_OPERATIONS[operation_id]["status"]
    assert response.status_code == expected, response.text
    body = response.json()
    assert body["success"] is True and body["error"] is None
    assert body["request"]["id"].startswith("req_")
    assert isinstance(body["timestamp"], int)
    assert_matches_spec(operation_id, body)
    data: dict[str, Any] = body["data"]
    return data


def error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The error envelope (formation.md §4) with this status and code: its ``error`` object."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["object"] == "error" and body["success"] is False and body["data"] == {}
    assert body["error"]["code"] == code, body
    failure: dict[str, Any] = body["error"]
    return failure


def sse_frames(response: httpx.Response, stop: Callable[[dict[str, Any]], bool] | None = None) -> list[dict[str, Any]]:
    """Frames of an event stream as ``{"comment"}`` or ``{"event", "data"}`` (data decoded when JSON),
    until the body ends or ``stop`` accepts a frame."""
    frames: list[dict[str, Any]] = []
    event, data = None, []
    for line in response.iter_lines():
        if line.startswith(":"):
            frames.append({"comment": line[1:].strip()})
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            data.append(line[5:].strip())
        elif not line and (event or data):
            text = "\n".join(data)
            try:
                decoded = json.loads(text)
            except ValueError:
                decoded = text
            frames.append({"event": event or "message", "data": decoded})
            event, data = None, []
        else:
            continue
        if stop and stop(frames[-1]):
            break
    return frames


def in_background(delay: float, action: Callable[[], Any]) -> threading.Thread:
    """Run ``action`` after ``delay`` seconds in a thread (while the test reads a stream)."""
    thread = threading.Thread(target=lambda: (time.sleep(delay), action()), daemon=True)
    thread.start()
    return thread


# --- every operation is served ------------------------------------------------------------------------


KEY_REFUSALS = ("Valid API key required", "Invalid or missing admin API key", "Invalid or missing client API key")


def _placeholder_path(path: str) -> str:
    """The operation's path relative to the formation base, path parameters filled with placeholders."""
    return path.removeprefix("/v1").replace("{", "").replace("}", "").replace("_id", "-placeholder")


SCHEME_KEYS: dict[str, Key] = {"adminKey": "admin", "clientKey": "client"}
OPERATION_KEYS = [
    (operation_id, SCHEME_KEYS[alternative[0]] if alternative else None)
    for operation_id, operation in sorted(FORMATION_OPERATIONS.items())
    for alternative in operation["security"] or ((),)
]


@pytest.mark.parametrize(("operation_id", "key"), OPERATION_KEYS)
def test_every_formation_operation_is_served_with_each_key_it_accepts(
    formation: Formation, operation_id: str, key: Key
) -> None:
    operation = FORMATION_OPERATIONS[operation_id]
    method, path = operation["method"], _placeholder_path(operation["path"])
    body = {"json": {}} if method in ("POST", "PUT", "PATCH") else {}
    if operation["stream"] == "always":
        with formation.stream(method, path, key, user="u-every") as response:
            status = response.status_code
            assert response.headers["content-type"].startswith("text/event-stream")
        assert status == 200
        return
    response = formation.call(method, path, key, user="u-every", **body)
    assert response.status_code != 405, response.text
    if response.status_code == 401:  # the key was accepted; the handler refused something else
        assert response.json()["error"]["message"] not in KEY_REFUSALS
    if response.status_code == 404:
        assert not response.json()["error"]["message"].startswith("Not found:"), "no route"
    if response.is_success:
        assert_matches_spec(operation_id, response.json())


def test_the_spec_has_103_formation_operations() -> None:
    assert len(FORMATION_OPERATIONS) == 103


# --- §1 authentication ----------------------------------------------------------------------------------


def test_an_admin_route_refuses_the_client_key_with_the_admin_challenge(formation: Formation) -> None:
    response = formation.client("GET", "/agents")

    failure = error(response, 401, "UNAUTHORIZED")
    assert response.headers["WWW-Authenticate"] == 'ApiKey realm="admin", header="X-Muxi-Admin-Key"'
    assert response.json()["type"] == "error.authentication"
    assert failure["message"] == "Invalid or missing admin API key"


def test_a_client_route_refuses_the_admin_key_with_the_client_challenge(formation: Formation) -> None:
    response = formation.admin("GET", "/triggers")

    error(response, 401, "UNAUTHORIZED")
    assert response.headers["WWW-Authenticate"] == 'ApiKey realm="client", header="X-Muxi-Client-Key"'


def test_a_dual_route_without_a_key_answers_valid_api_key_required(formation: Formation) -> None:
    response = formation.call("GET", "/credentials/services")

    assert error(response, 401, "UNAUTHORIZED")["message"] == "Valid API key required"
    assert "WWW-Authenticate" not in response.headers


def test_a_wrong_key_is_401(formation: Formation) -> None:
    response = formation.call("GET", "/agents", headers={"X-MUXI-ADMIN-KEY": "fma_wrong"})

    error(response, 401, "UNAUTHORIZED")


def test_scheduler_creation_insists_on_the_admin_key_but_the_listing_takes_either(formation: Formation) -> None:
    job = {"type": "recurring", "schedule": "0 9 * * 1", "message": "Weekly report"}

    error(formation.client("POST", "/scheduler/jobs", user="alice", json=job), 401, "UNAUTHORIZED")
    assert ok(formation.client("GET", "/scheduler/jobs", user="alice"), "list_scheduler_jobs")["count"] == 0


def test_health_is_public_and_not_enveloped(formation: Formation) -> None:
    response = formation.call("GET", "/health")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "healthy" and body["version"] == "1.0.0" and body["uptime_seconds"] >= 0
    assert "success" not in body


# --- §2 the user header ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "method", "path"),
    [
        ("client", "GET", "/sessions"),
        ("client", "GET", "/memories"),
        ("admin", "GET", "/memories"),
        ("admin", "GET", "/memory/buffer"),
        ("client", "GET", "/requests"),
        ("client", "GET", "/scheduler/jobs"),
        ("client", "DELETE", "/memory/buffer"),
        ("client", "GET", "/credentials"),
    ],
)
def test_a_required_user_header_is_400_when_absent(formation: Formation, key: Key, method: str, path: str) -> None:
    failure = error(formation.call(method, path, key), 400, "INVALID_REQUEST")

    assert failure["message"] == "X-Muxi-User-ID header is required"


def test_the_admin_key_lists_every_user_without_a_header_and_one_user_with_it(formation: Formation) -> None:
    job = {"type": "recurring", "schedule": "*/5 * * * *", "message": "Ping"}
    for user in ("alice", "bob"):
        ok(formation.admin("POST", "/scheduler/jobs", user=user, json=job), "create_scheduler_job")

    everyone = ok(formation.admin("GET", "/scheduler/jobs"), "list_scheduler_jobs")
    alice = ok(formation.admin("GET", "/scheduler/jobs", user="alice"), "list_scheduler_jobs")
    bob = ok(formation.client("GET", "/scheduler/jobs", user="bob"), "list_scheduler_jobs")

    assert sorted(j["user_id"] for j in everyone["jobs"]) == ["alice", "bob"]
    assert [j["user_id"] for j in alice["jobs"]] == ["alice"]
    assert [j["user_id"] for j in bob["jobs"]] == ["bob"]


# --- configuration reads, agents, skills, SOPs ------------------------------------------------------------


@pytest.mark.parametrize(
    ("operation_id", "path", "expected_field"),
    [
        ("get_status", "/status", "stats"),
        ("get_config", "/config", "schema_version"),
        ("get_formation_info", "/formation", "agents"),
        ("get_overlord_config", "/overlord", "workflow"),
        ("get_overlord_soul", "/overlord/soul", "soul"),
        ("get_mcp_config", "/mcp", "max_tool_iterations"),
        ("list_mcp_servers", "/mcp/servers", "servers"),
        ("list_mcp_tools", "/mcp/tools", "tools"),
        ("get_llm_settings", "/llm/settings", "models"),
        ("list_logging_destinations", "/logging/destinations", "conversation"),
        ("get_memory_config", "/memory", "buffer"),
        ("get_buffer_stats", "/memory/stats", "total_entries"),
        ("get_scheduler_config", "/scheduler", "max_failures_before_pause"),
    ],
)
def test_configuration_reads_answer_an_object(
    formation: Formation, operation_id: str, path: str, expected_field: str
) -> None:
    assert expected_field in ok(formation.admin("GET", path), operation_id)


def test_formation_info_names_the_formation_and_its_agents(formation: Formation) -> None:
    info = ok(formation.admin("GET", "/formation"), "get_formation_info")
    status = ok(formation.admin("GET", "/status"), "get_status")

    assert info["id"] == info["formation_id"] == "dev-formation" and info["version"] == "1.0.0"
    assert [(a["id"], a["source"]) for a in info["agents"]] == [("assistant", "formation"), ("researcher", "formation")]
    assert status["formation"] == {
        "id": "dev-formation",
        "name": "dev-formation",
        "description": "MUXI formation served by meshkit's dev server",
        "version": "1.0.0",
    }
    assert status["agents"] == {"count": 2, "active": 2} and status["mcp_servers"] == {"count": 2, "active": 2}
    assert isinstance(status["stats"]["running"]["since"], int)


def test_config_links_each_section_to_its_route(formation: Formation) -> None:
    config = ok(formation.admin("GET", "/config"), "get_config")

    assert config["agents"] == {"total": 2, "resource": "/v1/agents"}
    assert config["mcp"]["servers"] == {"total": 2, "resource": "/v1/mcp/servers"}
    assert config["llm"] == {"resource": "/v1/llm/settings"}


def test_configuration_sections_are_echoed_without_invented_defaults(formation: Formation) -> None:
    # The runtime echoes the formation file's logging, async and a2a sections: empty when it has none.
    assert ok(formation.admin("GET", "/logging"), "get_logging_config") == {}
    assert ok(formation.admin("GET", "/async"), "get_async_config") == {}
    assert ok(formation.admin("GET", "/a2a"), "get_a2a_config") == {}
    overlord = ok(formation.admin("GET", "/overlord"), "get_overlord_config")
    destinations = ok(formation.admin("GET", "/logging/destinations"), "list_logging_destinations")

    assert overlord["caching"] == {"enabled": True, "ttl": 3600}  # the runtime's default, not ttl_seconds
    assert overlord["clarification"] == {"max_questions": 5, "style": "conversational", "persist_learned_info": False}
    assert destinations == {
        "system": {"level": "debug", "destination": "stdout"},
        "conversation": {"destinations": [], "count": 0},
    }


def test_agents_list_and_get(formation: Formation) -> None:
    agents = ok(formation.admin("GET", "/agents"), "list_agents")
    agent = ok(formation.admin("GET", "/agents/assistant"), "get_agent")

    assert agents["count"] == 2 and agents["agents"][0]["id"] == "assistant"
    assert agent["name"] == "Assistant"


def test_an_unknown_agent_is_404(formation: Formation) -> None:
    failure = error(formation.admin("GET", "/agents/nobody"), 404, "AGENT_NOT_FOUND")

    assert failure["message"] == "Agent 'nobody' not found"


def test_mcp_servers_and_tools(formation: Formation) -> None:
    server = ok(formation.admin("GET", "/mcp/servers/github"), "get_mcp_server")
    tools = ok(formation.admin("GET", "/mcp/tools"), "list_mcp_tools")

    assert (server["id"], server["source"]) == ("github", "formation")
    # The formation's own MCP tools, the same fixed set the runtime lists.
    assert [(t["name"], t["access"]) for t in tools["tools"]][:2] == [
        ("formation_list_agents", "admin"),
        ("formation_update_agent", "admin"),
    ]
    assert tools["tools"][4]["parameters"]["limit"] == {"type": "integer", "required": False, "default": 10}
    error(formation.admin("GET", "/mcp/servers/nope"), 404, "MCP_SERVER_NOT_FOUND")


def test_knowledge_sync_and_rebuild(formation: Formation) -> None:
    synced = ok(formation.admin("POST", "/agents/researcher/knowledge/sync"), "sync_agent_knowledge")
    rebuilt = ok(formation.admin("POST", "/knowledge/rebuild", json={"agent_id": "assistant"}), "rebuild_knowledge")

    assert synced["agent_id"] == "researcher"
    (result,) = synced["results"]
    assert (result["url"], result["status"], result["files_added"]) == (
        "https://knowledge.example.invalid/research-notes",
        "success",
        0,
    )
    assert rebuilt == {"agents": {"assistant": {"rebuilt": [], "failed": [], "skipped": []}}, "source_id": None}
    error(formation.admin("POST", "/agents/assistant/knowledge/sync"), 400, "INVALID_REQUEST")  # no remote source
    error(formation.admin("POST", "/agents/nobody/knowledge/sync", json={}), 404, "AGENT_NOT_FOUND")


def test_skills_public_and_private_per_agent(formation: Formation) -> None:
    listed = ok(formation.client("GET", "/skills"), "list_skills")
    assistant = ok(formation.client("GET", "/agents/assistant/skills"), "list_agent_skills")
    researcher = ok(formation.client("GET", "/agents/researcher/skills"), "list_agent_skills")

    assert [(s["name"], s["scope"]) for s in listed["skills"]] == [("summarize", "public"), ("web-research", "private")]
    assert listed["skills"][0]["resource_count"] == 0 and listed["skills"][0]["has_scripts"] is False
    assert [s["name"] for s in assistant["skills"]] == ["summarize"] and assistant["agent_id"] == "assistant"
    assert [s["name"] for s in researcher["skills"]] == ["summarize", "web-research"]
    skill = ok(formation.client("GET", "/skills/summarize"), "get_skill")
    assert skill == {
        "name": "summarize",
        "description": "Summarises a text in a few sentences",
        "license": None,
        "compatibility": None,
        "allowed_tools": [],
        "resources": [],
    }
    error(formation.client("GET", "/skills/nope"), 404, "RESOURCE_NOT_FOUND")


def test_sops_list_and_get(formation: Formation) -> None:
    listed = ok(formation.client("GET", "/sops"), "list_sops")
    sop = ok(formation.client("GET", "/sops/incident-response"), "get_sop")

    assert listed == {
        "sops": [
            {
                "name": "incident-response",
                "title": "Incident response",
                "type": "guide",
                "steps": 3,
                "agents_used": None,
            }
        ],
        "count": 1,
    }
    assert sop["content"].startswith("# Incident response") and sop["metadata"]["type"] == "guide"
    assert (sop["steps"], sop["references"], sop["agents_used"]) == (3, None, None)
    error(formation.client("GET", "/sops/nope"), 404, "SOP_NOT_FOUND")


# --- secrets --------------------------------------------------------------------------------------------


def test_secrets_are_listed_masked(formation: Formation) -> None:
    formation.admin("POST", "/secrets", json={"key": "STRIPE_KEY", "value": "sk_live_0123456789abcdef"})

    listed = ok(formation.admin("GET", "/secrets"), "list_secrets")

    assert listed["secrets"] == {"OPENAI_API_KEY": "dev-****", "STRIPE_KEY": "sk_l****"}
    assert listed["count"] == 2


def test_creating_a_secret_is_201_and_a_second_time_409(formation: Formation) -> None:
    secret = {"key": "SLACK_TOKEN", "value": "xoxb-1"}

    created = ok(formation.admin("POST", "/secrets", json=secret), "create_secret")
    again = error(formation.admin("POST", "/secrets", json=secret), 409, "SECRET_EXISTS")

    assert created == {"message": "Secret 'SLACK_TOKEN' created successfully"}
    assert again["message"] == "Secret 'SLACK_TOKEN' already exists"


def test_updating_an_unknown_secret_is_404_and_creates_nothing(formation: Formation) -> None:
    error(formation.admin("PUT", "/secrets/NOPE", json={"value": "x"}), 404, "SECRET_NOT_FOUND")

    assert "NOPE" not in ok(formation.admin("GET", "/secrets"), "list_secrets")["secrets"]


def test_updating_and_deleting_a_secret(formation: Formation) -> None:
    formation.admin("POST", "/secrets", json={"key": "TEMP", "value": "one"})

    updated = ok(formation.admin("PUT", "/secrets/TEMP", json={"value": "two"}), "update_secret")
    deleted = ok(formation.admin("DELETE", "/secrets/TEMP"), "delete_secret")

    assert updated == {"message": "Secret 'TEMP' updated successfully"}
    assert deleted == {"message": "Secret 'TEMP' deleted successfully"}
    error(formation.admin("DELETE", "/secrets/TEMP"), 404, "SECRET_NOT_FOUND")


def test_a_secret_the_formation_uses_cannot_be_deleted(formation: Formation) -> None:
    failure = error(formation.admin("DELETE", "/secrets/OPENAI_API_KEY"), 409, "SECRET_IN_USE")

    assert failure["message"] == "Secret 'OPENAI_API_KEY' is in use by the formation"


def test_reloading_secrets_merges_the_file_into_the_cache(formation: Formation) -> None:
    formation.admin("POST", "/secrets", json={"key": "EXTRA", "value": "x"})

    reloaded = ok(formation.admin("POST", "/secrets/reload"), "reload_secrets")

    assert reloaded == {
        "message": "Secrets reloaded",
        "added": [],
        "overwritten": ["EXTRA", "OPENAI_API_KEY"],
        "preserved": [],
        "count": 2,
    }


def test_get_on_one_secret_is_405(formation: Formation) -> None:
    failure = error(formation.admin("GET", "/secrets/OPENAI_API_KEY"), 405, "METHOD_NOT_ALLOWED")

    assert failure["message"] == "Method GET not allowed"


def test_a_secret_body_without_value_is_422(formation: Formation) -> None:
    failure = error(formation.admin("POST", "/secrets", json={"key": "K"}), 422, "INVALID_PARAMS")

    assert failure["data"]["validation_errors"][0]["field"] == "value"


# --- memories -------------------------------------------------------------------------------------------


def test_a_created_memory_echoes_type_and_detail_and_is_listed_as_text(formation: Formation) -> None:
    memory = ok(
        formation.client("POST", "/memories", user="alice", json={"type": "preference", "detail": "Likes tea"}),
        "create_memory",
    )
    listed = ok(formation.client("GET", "/memories", user="alice"), "list_memories")

    # Like the runtime: the create answer echoes {type, detail}, the listing has the text.
    assert memory["id"].startswith("mem_") and memory["content"] == {"type": "preference", "detail": "Likes tea"}
    assert memory["metadata"] == {"type": "preference"} and (memory["scope"], memory["scope_id"]) == ("user", None)
    assert memory["created_at"].endswith("Z") and not listed["memories"][0]["created_at"].endswith("Z")
    assert [(m["id"], m["content"], m["metadata"]["type"]) for m in listed["memories"]] == [
        (memory["id"], "Likes tea", "preference")
    ]


def test_content_wins_over_detail(formation: Formation) -> None:
    body = {"type": "fact", "detail": "short", "content": "the full content"}

    assert ok(formation.admin("POST", "/memories", user="alice", json=body), "create_memory")["content"] == {
        "type": "fact",
        "detail": "the full content",
    }


def test_a_memory_needs_detail_or_content(formation: Formation) -> None:
    failure = error(formation.client("POST", "/memories", user="alice", json={"type": "fact"}), 422, "INVALID_PARAMS")

    assert failure["data"]["validation_errors"][0]["field"] == "content"


def test_memories_are_per_user_newest_first_with_limit_and_offset(formation: Formation) -> None:
    for text in ("one", "two", "three"):
        formation.client("POST", "/memories", user="alice", json={"type": "fact", "detail": text})
    formation.client("POST", "/memories", user="bob", json={"type": "fact", "detail": "bob's"})

    page = ok(formation.client("GET", "/memories", user="alice", params={"limit": 2, "offset": 1}), "list_memories")

    assert [m["content"] for m in page["memories"]] == ["two", "one"] and page["count"] == 2


def test_formation_scope_memories_are_shared_and_scopes_narrow(formation: Formation) -> None:
    formation.client("POST", "/memories", user="alice", json={"detail": "mine"})
    formation.admin("POST", "/memories", user="alice", json={"detail": "for all", "scope": "formation"})

    bob_all = ok(formation.client("GET", "/memories", user="bob"), "list_memories")
    alice_own = ok(formation.client("GET", "/memories", user="alice", params={"scopes": "user"}), "list_memories")

    assert [m["content"] for m in bob_all["memories"]] == ["for all"]
    assert [m["content"] for m in alice_own["memories"]] == ["mine"]
    error(formation.client("GET", "/memories", user="bob", params={"scopes": "planet"}), 422, "INVALID_PARAMS")


def test_deleting_a_memory_only_for_its_owner(formation: Formation) -> None:
    memory = formation.client("POST", "/memories", user="alice", json={"detail": "x"}).json()["data"]

    error(formation.client("DELETE", f"/memories/{memory['id']}", user="bob"), 404, "NOT_FOUND")
    deleted = ok(formation.client("DELETE", f"/memories/{memory['id']}", user="alice"), "delete_memory")

    assert deleted == {"deleted": memory["id"], "user_id": "alice"}


def answered(response: httpx.Response, operation_id: str, status: int) -> dict[str, Any]:
    """Like :func:`ok`, at another success status the spec documents (202 queued, 200 inline)."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["success"] is True and body["error"] is None
    assert_matches_spec(operation_id, body)
    data: dict[str, Any] = body["data"]
    return data


def test_a_memory_with_a_source_is_queued_for_ingestion(formation: Formation) -> None:
    body = {"content": "Met Carol at the fair", "source": "calendar", "source_id": "evt-1"}

    queued = answered(formation.client("POST", "/memories", user="alice", json=body), "create_memory", 202)
    again = ok(formation.client("POST", "/memories", user="alice", json=body), "create_memory")
    job = ok(
        formation.client("GET", f"/memories/ingestion/{queued['processing_id']}", user="alice"), "get_ingestion_status"
    )

    assert (queued["status"], queued["duplicate"]) == ("accepted", False) and queued["processing_id"].startswith("ing_")
    assert queued["status_url"] == f"/v1/memories/ingestion/{queued['processing_id']}"
    assert (again["status"], again["duplicate"], again["event_id"]) == ("duplicate", True, queued["event_id"])
    assert "processing_id" not in again and again["derived_events"] == []
    assert job["status"] == "completed" and job["items"][0]["disposition"] == "stored" and job["counts"]["stored"] == 1
    assert isinstance(job["created_at"], float)  # epoch seconds, as the runtime's tracker keeps it
    error(formation.client("GET", f"/memories/ingestion/{queued['processing_id']}", user="bob"), 403, "FORBIDDEN")


def test_a_batch_reports_each_item(formation: Formation) -> None:
    items = [
        {"content": "a", "source": "mail", "source_id": "m1"},
        {"content": "a again", "source": "mail", "source_id": "m1"},
        {"content": "no source"},
    ]

    batch = ok(
        formation.client("POST", "/memories/batch", user="alice", json={"items": items}), "ingest_memories_batch"
    )

    assert [(r["index"], r["status"]) for r in batch["items"]] == [(0, "accepted"), (1, "duplicate"), (2, "invalid")]
    assert batch["counts"] == {"accepted": 1, "duplicate": 1, "invalid": 1}
    assert batch["status_url"] == f"/v1/memories/ingestion/{batch['processing_id']}"
    assert isinstance(batch["items"][2]["error"], str)


def test_history_and_provenance_of_a_users_memories(formation: Formation) -> None:
    formation.client("POST", "/memories", user="alice", json={"detail": "Carol likes chess"})

    history = ok(formation.client("GET", "/history", user="alice", params={"include_sources": "true"}), "get_history")
    why = ok(
        formation.client("GET", "/memories/provenance", user="alice", params={"entity": "carol"}),
        "get_memory_provenance",
    )
    ((event,),) = why["entity"]["events"]
    traced = ok(
        formation.client("GET", "/memories/provenance", user="alice", params={"event_id": event["event_id"]}),
        "get_memory_provenance",
    )

    assert history["count"] == 1 and history["entries"][0]["summary"] == "Carol likes chess"
    assert history["entries"][0]["sources"]
    assert why["entity"]["name"] == "carol" and event["payload"] == {"memory": "Carol likes chess"}
    assert traced["event"] == event and traced["chain"] == [event]
    error(formation.client("GET", "/memories/provenance", user="alice"), 422, "INVALID_PARAMS")
    error(formation.client("GET", "/memories/provenance", user="alice", params={"entity": "dave"}), 404, "NOT_FOUND")


def _chat(formation: Formation, message: str, user: str = "alice", **extra: Any) -> dict[str, Any]:
    response = formation.client("POST", "/chat", user=user, json={"message": message, "stream": False, **extra})
    return ok(response, "chat")


def test_the_buffer_holds_recent_chat_messages_until_cleared(formation: Formation) -> None:
    session = _chat(formation, "hello", session_id="s1")["session_id"]
    _chat(formation, "again", session_id="s1")

    before = ok(formation.client("GET", "/memory/buffer", user="alice"), "get_user_buffer")
    cleared = ok(formation.client("DELETE", "/memory/buffer", user="alice"), "clear_user_buffer")
    after = ok(formation.admin("GET", "/memory/buffer", user="alice"), "get_user_buffer")
    history = formation.client("GET", f"/sessions/{session}/messages", user="alice").json()["data"]

    assert before["total_messages"] == 4 and before["sessions"] == []  # the runtime's sessions list is empty
    assert (cleared["messages_cleared"], cleared["sessions_cleared"]) == (4, 1) and after["total_messages"] == 0
    assert history["count"] == 4  # the conversation itself is kept


def test_the_admin_key_clears_every_buffer_and_lists_them(formation: Formation) -> None:
    empty = ok(formation.admin("GET", "/memory/stats"), "get_buffer_stats")
    _chat(formation, "one", user="alice")
    _chat(formation, "two", user="bob")

    buffers = ok(formation.admin("GET", "/memory/buffers"), "list_memory_buffers")
    stats = ok(formation.admin("GET", "/memory/stats"), "get_buffer_stats")
    cleared = ok(formation.admin("DELETE", "/memory/buffer"), "clear_user_buffer")

    assert empty == dict.fromkeys(
        ("total_entries", "total_users", "total_sessions", "buffer_size_kb", "max_size"), 0
    ) | {"utilization": 0.0}
    assert buffers["buffers"][0]["total_entries"] == 4
    assert (stats["total_entries"], stats["total_users"], stats["total_sessions"]) == (4, 2, 2)
    assert stats["utilization"] == round(4 / stats["max_size"], 2)
    assert cleared["sessions_cleared"] == 2 and cleared["user_id"] is None
    assert ok(formation.admin("GET", "/memory/buffers"), "list_memory_buffers") == {"buffers": [], "total_entries": 0}
    assert ok(formation.admin("DELETE", "/memory/buffers"), "clear_memory_buffers")["entries_cleared"] == 0
    _chat(formation, "three", user="carol")
    assert ok(formation.admin("DELETE", "/memory/buffers"), "clear_memory_buffers")["entries_cleared"] == 2


def test_clearing_one_session_buffer(formation: Formation) -> None:
    _chat(formation, "one", session_id="s1")
    _chat(formation, "two", session_id="s2")

    cleared = ok(formation.client("DELETE", "/memory/buffer/s1", user="alice"), "clear_session_buffer")
    other = ok(formation.client("DELETE", "/memory/buffer/s1", user="bob"), "clear_session_buffer")

    assert (cleared["messages_cleared"], cleared["session_id"]) == (2, "s1")
    assert formation.client("GET", "/memory/buffer", user="alice").json()["data"]["total_messages"] == 2
    assert other["messages_cleared"] == 0  # like the runtime: nothing of bob's to clear, not a 404


def test_memory_rebuild_runs_as_a_job_with_a_status_route(formation: Formation) -> None:
    started = ok(formation.admin("POST", "/memory/rebuild", json={"user_id": "alice"}), "rebuild_memory")  # 202
    job = ok(formation.admin("GET", f"/memory/rebuild/{started['job_id']}"), "get_memory_rebuild_status")
    dry = answered(
        formation.admin("POST", "/memory/rebuild", json={"user_id": "alice", "dry_run": True}), "rebuild_memory", 200
    )

    assert started["status"] == "processing" and started["status_url"] == f"/memory/rebuild/{started['job_id']}"
    assert job["status"] == "completed" and job["user_id"] == "alice"
    assert set(job["projections"]) == {"artifact_metadata", "captains_log", "flat_facts", "knowledge_graph"}
    assert dry["dry_run"] is True and dry["projections"]["flat_facts"]["dry_run"] is True
    error(formation.admin("GET", f"/memory/forget/{started['job_id']}"), 404, "NOT_FOUND")
    error(formation.admin("POST", "/memory/rebuild", json={}), 422, "INVALID_PARAMS")
    error(formation.admin("POST", "/memory/rebuild", json={"user_id": "a", "projection": "x"}), 422, "INVALID_PARAMS")


def test_forgetting_a_source_deletes_its_memories(formation: Formation) -> None:
    formation.client("POST", "/memories", user="alice", json={"content": "x", "source": "crm", "source_id": "1"})
    formation.client("POST", "/memories", user="alice", json={"detail": "kept"})

    forgot = ok(
        formation.admin("POST", "/memory/forget", json={"user_id": "alice", "source": "crm"}), "forget_memory_source"
    )
    job = ok(formation.admin("GET", f"/memory/forget/{forgot['job_id']}"), "get_memory_forget_status")
    left = formation.client("GET", "/memories", user="alice").json()["data"]["memories"]
    kept = answered(
        formation.admin("POST", "/memory/forget", json={"user_id": "alice", "source": "crm", "rebuild": False}),
        "forget_memory_source",
        200,
    )

    assert (forgot["deleted_events"], forgot["grace_period_days"], forgot["status"]) == (1, 30, "processing")
    assert job["status"] == "completed" and "flat_facts" in job["projections"]
    assert [m["content"] for m in left] == ["kept"]
    assert kept["deleted_events"] == 0 and "flat_facts" in kept["rebuild_required"]


def test_lint_and_backfill(formation: Formation) -> None:
    linted = ok(formation.admin("POST", "/memory/lint", json={}), "lint_memory")
    backfilled = ok(formation.admin("POST", "/memory/backfill", json={"user_id": "alice"}), "backfill_memory")

    assert linted["user_id"] is None and linted["report"]["unresolved_conflicts"] == 0
    assert linted["report"]["findings"] == {}
    assert backfilled["user_id"] == "alice" and all(p["complete"] for p in backfilled["synthesized"].values())


def test_distilleries_register_sign_and_revoke(formation: Formation) -> None:
    registered = ok(
        formation.admin("POST", "/memory/distilleries", json={"name": "crm", "public_key": "ed25519:AAAA"}),
        "register_distillery",
    )  # 201
    signed = {
        "X-Distillery-ID": registered["distillery_id"],
        "X-Distillery-Signature": "c2ln",
        "X-Distillery-Timestamp": str(int(time.time())),
    }
    fact = {"source_id": "e1", "event_type": "fact.extracted", "user_id": "alice", "payload": {"memory": "x"}}
    batch = {"batch_id": "b1", "embedding_mode": "none", "events": [fact, fact, {"event_type": "fact.extracted"}]}

    ingested = ok(
        formation.client("POST", "/memories/distilled", headers=signed, json=batch), "ingest_distilled_memories"
    )  # 202
    status = ok(
        formation.client("GET", f"/memories/distilled/{ingested['processing_id']}", headers=signed),
        "get_distilled_status",
    )
    retried = answered(
        formation.client("POST", "/memories/distilled", headers=signed, json=batch), "ingest_distilled_memories", 200
    )
    revoked = ok(formation.admin("DELETE", f"/memory/distilleries/{registered['distillery_id']}"), "revoke_distillery")
    listed = ok(formation.admin("GET", "/memory/distilleries"), "list_distilleries")

    assert (registered["trust_level"], registered["scope"]["user_ids"], registered["revoked_at"]) == (
        "provisional",
        "all",
        None,
    )
    assert (ingested["accepted"], ingested["duplicates"], ingested["rejected"]) == (1, 1, 1)
    assert ingested["rejections"][0]["index"] == 2
    assert status["batch_id"] == "b1" and [i["disposition"] for i in status["items"]] == ["projected"]
    assert retried["processing_id"] is None and retried["duplicates"] == 2
    assert revoked["status"] == "revoked" and revoked["revoked_at"] and listed["distilleries"][0] == revoked
    error(formation.client("POST", "/memories/distilled", headers=signed, json=batch), 410, "GONE")
    error(formation.client("POST", "/memories/distilled", json=batch), 401, "UNAUTHORIZED")
    stranger = {**signed, "X-Distillery-ID": "someone-else"}
    error(
        formation.client("GET", f"/memories/distilled/{ingested['processing_id']}", headers=stranger), 403, "FORBIDDEN"
    )


# --- scheduler ------------------------------------------------------------------------------------------


def _future(hours: int = 2) -> str:
    return (datetime.now(UTC) + timedelta(hours=hours)).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def test_a_recurring_job_is_created_with_its_cron_expression(formation: Formation) -> None:
    body = {"type": "recurring", "schedule": "0 9 * * 1", "message": "Weekly report", "user_id": "ignored"}

    job = ok(formation.admin("POST", "/scheduler/jobs", user="alice", json=body), "create_scheduler_job")

    assert job["id"].startswith("job_") and job["user_id"] == "alice" and job["status"] == "ACTIVE"
    assert (job["is_recurring"], job["cron_expression"], job["scheduled_for"]) == (True, "0 9 * * 1", None)
    assert (job["title"], job["original_prompt"], job["execution_prompt"]) == ("Weekly report",) * 3
    assert (job["total_runs"], job["total_failures"], job["consecutive_failures"]) == (0, 0, 0)
    assert job["last_run_at"] is None and job["exclusion_rules"] == [] and job["job_metadata"] == {}
    assert datetime.fromisoformat(job["created_at"]) <= datetime.now(UTC)


def test_a_one_time_job_runs_at_its_moment_and_belongs_to_user_0_by_default(formation: Formation) -> None:
    moment = _future()

    job = ok(
        formation.admin("POST", "/scheduler/jobs", json={"type": "one_time", "schedule": moment, "message": "Hi"}),
        "create_scheduler_job",
    )

    assert job["user_id"] == "0" and job["is_recurring"] is False and job["cron_expression"] is None
    assert datetime.fromisoformat(job["scheduled_for"]) == datetime.fromisoformat(moment)


def test_a_job_type_other_than_one_time_or_recurring_is_400(formation: Formation) -> None:
    body = {"type": "weekly", "schedule": "0 9 * * 1", "message": "x"}

    failure = error(formation.admin("POST", "/scheduler/jobs", json=body), 400, "VALIDATION_ERROR")

    assert failure["data"]["field"] == "type"


@pytest.mark.parametrize(
    ("kind", "schedule"),
    [
        ("recurring", "every monday"),
        ("recurring", "61 * * * *"),
        ("recurring", "0 9 * *"),
        ("recurring", "0 0 30 2 *"),
        ("one_time", "2020-01-01T00:00:00Z"),
        ("one_time", "tomorrow"),
    ],
)
def test_a_bad_schedule_is_422_validation_error(formation: Formation, kind: str, schedule: str) -> None:
    body = {"type": kind, "schedule": schedule, "message": "x"}

    failure = error(formation.admin("POST", "/scheduler/jobs", json=body), 422, "VALIDATION_ERROR")

    assert failure["data"]["field"] == "schedule" and failure["data"]["value"] == schedule


def test_job_update_pause_resume_and_delete(formation: Formation) -> None:
    body = {"type": "recurring", "schedule": "0 9 * * *", "message": "Daily"}
    job_id = formation.admin("POST", "/scheduler/jobs", user="alice", json=body).json()["data"]["id"]
    path = f"/scheduler/jobs/{job_id}"

    updated = ok(
        formation.admin("PUT", path, user="alice", json={"schedule": "30 18 * * *", "title": "Evening"}),
        "update_scheduler_job",
    )
    paused = ok(formation.admin("POST", f"{path}/pause", user="alice"), "pause_scheduler_job")
    resumed = ok(formation.admin("POST", f"{path}/resume"), "resume_scheduler_job")
    fetched = ok(formation.admin("GET", path), "get_scheduler_job")
    deleted = ok(formation.admin("DELETE", path, user="alice"), "delete_scheduler_job")

    assert (updated["cron_expression"], updated["title"], updated["original_prompt"]) == (
        "30 18 * * *",
        "Evening",
        "Daily",
    )
    assert paused == {"id": job_id, "status": "PAUSED"} and resumed == {"id": job_id, "status": "ACTIVE"}
    assert fetched["status"] == "ACTIVE" and fetched["cron_expression"] == "30 18 * * *"
    assert deleted == {"message": f"Scheduled job '{job_id}' removed successfully"}
    error(formation.admin("GET", path), 404, "RESOURCE_NOT_FOUND")


def test_only_an_active_job_pauses_and_only_a_paused_one_resumes(formation: Formation) -> None:
    body = {"type": "recurring", "schedule": "0 9 * * *", "message": "Daily"}
    job_id = formation.admin("POST", "/scheduler/jobs", json=body).json()["data"]["id"]

    error(formation.admin("POST", f"/scheduler/jobs/{job_id}/resume"), 404, "RESOURCE_NOT_FOUND")
    ok(formation.admin("POST", f"/scheduler/jobs/{job_id}/pause"), "pause_scheduler_job")
    error(formation.admin("POST", f"/scheduler/jobs/{job_id}/pause"), 404, "RESOURCE_NOT_FOUND")


def test_a_job_is_404_for_another_users_header(formation: Formation) -> None:
    body = {"type": "recurring", "schedule": "0 9 * * *", "message": "x"}
    job_id = formation.admin("POST", "/scheduler/jobs", user="alice", json=body).json()["data"]["id"]

    error(formation.admin("GET", f"/scheduler/jobs/{job_id}", user="bob"), 404, "RESOURCE_NOT_FOUND")
    error(formation.admin("POST", "/scheduler/jobs/job_nope/pause"), 404, "RESOURCE_NOT_FOUND")


def test_scheduler_creation_replays_on_the_same_idempotency_key(formation: Formation) -> None:
    body = {"type": "recurring", "schedule": "0 9 * * 1", "message": "Once"}

    first = formation.admin("POST", "/scheduler/jobs", user="alice", idempotency_key="k-job", json=body)
    second = formation.admin("POST", "/scheduler/jobs", user="alice", idempotency_key="k-job", json=body)

    assert first.status_code == second.status_code == 201
    assert first.content == second.content
    assert first.json()["request"]["idempotency_key"] == "k-job"
    assert ok(formation.admin("GET", "/scheduler/jobs"), "list_scheduler_jobs")["count"] == 1


# --- credentials ----------------------------------------------------------------------------------------


def test_credential_services_come_from_the_mcp_servers(formation: Formation) -> None:
    services = ok(formation.client("GET", "/credentials/services"), "list_credential_services")

    assert services["services"] == [
        {"service": "github", "server_id": "github", "description": "MCP server requiring user authentication"}
    ]


def test_a_credential_never_shows_its_values(formation: Formation) -> None:
    body = {"service": "github", "credential": {"token": "ghp_0123456789abcdefXYZ"}}

    created = formation.client("POST", "/credentials", user="alice", json=body)
    data = ok(created, "create_credential")
    listed = formation.client("GET", "/credentials", user="alice")
    fetched = ok(formation.client("GET", f"/credentials/{data['credential_id']}", user="alice"), "get_credential")

    assert created.status_code == 201 and data["credential_id"].startswith("cred_") and data["service"] == "github"
    assert data["credential_preview"] == "ghp_012*****XYZ" and data["name"] == "github"
    assert "ghp_0123456789abcdefXYZ" not in created.text + listed.text
    assert fetched["credential_preview"] == "ghp_012*****XYZ" and fetched["updated_at"]


def test_credentials_are_per_user_and_the_admin_sees_all(formation: Formation) -> None:
    body = {"service": "github", "name": "work", "credential": {"token": "t"}}
    credential_id = formation.client("POST", "/credentials", user="alice", json=body).json()["data"]["credential_id"]

    error(formation.client("GET", f"/credentials/{credential_id}", user="bob"), 404, "RESOURCE_NOT_FOUND")
    assert ok(formation.client("GET", "/credentials", user="bob"), "list_credentials")["count"] == 0
    assert ok(formation.admin("GET", "/credentials"), "list_credentials")["count"] == 1
    deleted = ok(formation.client("DELETE", f"/credentials/{credential_id}", user="alice"), "delete_credential")
    assert deleted["deleted"] is True
    error(formation.client("DELETE", f"/credentials/{credential_id}", user="alice"), 404, "RESOURCE_NOT_FOUND")


# --- users ----------------------------------------------------------------------------------------------


def test_resolve_creates_a_user_once_and_lookup_finds_it(formation: Formation) -> None:
    first = ok(
        formation.client(
            "POST", "/users/resolve", json={"identifier": "Alice@Example.com", "identifier_type": "email"}
        ),
        "resolve_user",
    )
    second = ok(formation.client("POST", "/users/resolve", json={"identifier": "alice@example.com"}), "resolve_user")
    found = ok(formation.client("GET", "/users/alice@example.com"), "lookup_user")

    assert first["muxi_user_id"].startswith("usr_") and first["identifier"] == "Alice@Example.com"
    assert second["muxi_user_id"] == found["muxi_user_id"] == first["muxi_user_id"]
    assert isinstance(found["internal_user_id"], int)


def test_looking_up_an_unknown_identifier_is_404_and_creates_nothing(formation: Formation) -> None:
    error(formation.client("GET", "/users/nobody"), 404, "RESOURCE_NOT_FOUND")
    error(formation.client("GET", "/users/nobody"), 404, "RESOURCE_NOT_FOUND")


def test_identifiers_link_list_and_unlink(formation: Formation) -> None:
    linked = ok(
        formation.client(
            "POST",
            "/users/identifiers",
            json={"identifiers": ["U123", ["@al", "telegram"], {"identifier": "a@x.io", "type": "email"}]},
        ),
        "link_user_identifiers",
    )
    user = linked["muxi_user_id"]
    more = ok(
        formation.client("POST", "/users/identifiers", json={"muxi_user_id": user, "identifiers": ["+155501"]}),
        "link_user_identifiers",
    )
    listed = ok(formation.client("GET", f"/users/identifiers/{user}"), "get_user_identifiers")
    unlinked = ok(formation.client("DELETE", "/users/identifiers/U123"), "unlink_user_identifier")

    assert linked["identifiers"] == [
        {"identifier": "U123", "type": "unknown"},
        {"identifier": "@al", "type": "telegram"},
        {"identifier": "a@x.io", "type": "email"},
    ]
    assert more["count"] == 4 and listed["count"] == 4
    assert unlinked == {"message": "Identifier 'U123' removed", "muxi_user_id": user}
    error(formation.client("GET", "/users/U123"), 404, "RESOURCE_NOT_FOUND")


def test_identifiers_of_an_unknown_user_are_404(formation: Formation) -> None:
    error(formation.client("GET", "/users/identifiers/usr_nope"), 404, "RESOURCE_NOT_FOUND")
    body = {"muxi_user_id": "usr_nope", "identifiers": ["x"]}
    error(formation.client("POST", "/users/identifiers", json=body), 404, "RESOURCE_NOT_FOUND")
    error(formation.client("DELETE", "/users/identifiers/never-linked"), 404, "RESOURCE_NOT_FOUND")


def test_channels_start_empty_and_merge_updates(formation: Formation) -> None:
    empty = ok(formation.client("GET", "/users/alice/channels"), "get_user_channels")
    updated = ok(
        formation.client(
            "PUT",
            "/users/alice/channels",
            json={
                "preferred_channel": "telegram",
                "channels": {"telegram": {"chat_id": "123"}},
                "timezone": "Europe/Paris",
            },
        ),
        "update_user_channels",
    )
    cleared = ok(
        formation.client(
            "PUT", "/users/alice/channels", json={"preferred_channel": "", "channels": {"telegram": {}}, "timezone": ""}
        ),
        "update_user_channels",
    )

    assert empty["preferred_channel"] is None and empty["channels"] == {}
    assert updated["channels"] == {"telegram": {"chat_id": "123"}} and updated["timezone"] == "Europe/Paris"
    assert (cleared["preferred_channel"], cleared["channels"], cleared["timezone"]) == (None, {}, None)


@pytest.mark.parametrize(
    "body", [{"preferred_channel": "pigeon"}, {"channels": {"pigeon": {"id": 1}}}, {"timezone": "Mars/Olympus"}]
)
def test_an_unknown_channel_or_timezone_is_400(formation: Formation, body: dict[str, Any]) -> None:
    error(formation.client("PUT", "/users/alice/channels", json=body), 400, "INVALID_REQUEST")

    assert formation.client("GET", "/users/alice/channels").json()["data"]["preferred_channel"] is None


def test_a_notification_goes_to_the_users_preferred_channel(formation: Formation) -> None:
    formation.client("PUT", "/users/alice/channels", json={"preferred_channel": "slack"})

    sent = ok(
        formation.client("POST", "/notifications", json={"user_id": "alice", "message": "Build done"}),
        "send_notification",
    )

    assert sent["channels"] == sent["delivered"] == ["slack"] and sent["failed"] == []
    assert sent["request_id"].startswith("req_")
    error(formation.client("POST", "/notifications", json={"user_id": "alice", "message": " "}), 400, "INVALID_REQUEST")


# --- triggers -------------------------------------------------------------------------------------------

ISSUE = {"repository": "acme/app", "issue": {"number": 123, "title": "Bug in login", "author": "ana"}}
RENDERED_ISSUE = "New issue in acme/app: Bug in login (#123) by ana. Summarise it and suggest a first response."


def test_triggers_are_listed_by_name(formation: Formation) -> None:
    listed = ok(formation.client("GET", "/triggers"), "list_triggers")

    assert listed == {"formation_id": "dev-formation", "triggers": ["github-issue"], "count": 1}


def test_a_trigger_shows_its_template_and_data_fields(formation: Formation) -> None:
    trigger = ok(formation.client("GET", "/triggers/github-issue"), "get_trigger")

    assert trigger["name"] == "github-issue" and "{{issue.title}}" in trigger["content"]
    assert trigger["data_fields"] == ["repository", "issue.title", "issue.number", "issue.author"]


def test_a_malformed_trigger_name_is_400_and_an_unknown_one_404(formation: Formation) -> None:
    error(formation.client("GET", "/triggers/bad.name"), 400, "INVALID_REQUEST")
    failure = error(formation.client("GET", "/triggers/nope"), 404, "TRIGGER_NOT_FOUND")

    assert failure["message"] == "Trigger 'nope' not found"
    error(formation.client("POST", "/triggers/nope", json={"data": {}}), 404, "TRIGGER_NOT_FOUND")


def test_firing_a_trigger_synchronously_answers_the_rendered_message(formation: Formation) -> None:
    body = {"data": ISSUE, "use_async": False, "session_id": "issues"}

    response = formation.client("POST", "/triggers/github-issue", user="hook", json=body)
    fired = ok(response, "fire_trigger")
    history = formation.client("GET", "/sessions/issues/messages", user="hook").json()["data"]

    assert (response.json()["object"], response.json()["type"]) == ("request", "request.completed")  # the runtime's
    assert fired == {"status": "completed", "content": f"You said: {RENDERED_ISSUE}"}
    assert [m["text"] for m in history["messages"]] == [RENDERED_ISSUE, f"You said: {RENDERED_ISSUE}"]


def test_a_missing_placeholder_value_stays_visible_in_the_message(formation: Formation) -> None:
    body = {"data": {"repository": "acme/app"}, "use_async": False}

    fired = ok(formation.client("POST", "/triggers/github-issue", json=body), "fire_trigger")

    assert fired["content"].startswith("You said: New issue in acme/app: {{issue.title}} (#{{issue.number}})")


def test_firing_a_trigger_asynchronously_completes_its_request(formation: Formation) -> None:
    response = formation.client("POST", "/triggers/github-issue", user="hook", json={"data": ISSUE})
    assert ok(response, "fire_trigger") == {"status": "processing"}
    request_id = response.json()["request"]["id"]

    status: dict[str, Any] = {}
    for _ in range(100):
        status = formation.client("GET", f"/requests/{request_id}", user="hook").json()["data"]
        if status["status"] != "processing":
            break
        time.sleep(0.02)

    assert status["status"] == "completed" and status["result"] == f"You said: {RENDERED_ISSUE}"
    assert status["user_id"] == "hook"


def test_a_trigger_needs_its_data_object(formation: Formation) -> None:
    failure = error(
        formation.client("POST", "/triggers/github-issue", json={"use_async": False}), 422, "INVALID_PARAMS"
    )

    assert failure["data"]["validation_errors"][0] == {
        "field": "data",
        "msg": "Field required",
        "type": "missing",
        "error": "Field required",
    }


def test_a_trigger_fire_replays_on_the_same_idempotency_key(formation: Formation) -> None:
    body = {"data": ISSUE, "use_async": False}

    first = formation.client("POST", "/triggers/github-issue", user="hook", idempotency_key="k-fire", json=body)
    second = formation.client("POST", "/triggers/github-issue", user="hook", idempotency_key="k-fire", json=body)

    assert first.status_code == second.status_code == 200 and first.content == second.content
    assert second.json()["request"]["idempotency_key"] == "k-fire"
    assert formation.accepted()["trigger_fires"] == {"k-fire": 1}


def test_a_pending_trigger_request_can_be_cancelled() -> None:
    with DevServer(token_delay=0.05) as slow, httpx.Client(base_url=slow.formation_url + "/v1/", timeout=10) as http:
        formation = Formation(slow.config, http, slow)
        request_id = formation.client("POST", "/triggers/github-issue", json={"data": ISSUE}).json()["request"]["id"]

        cancelled = ok(formation.client("DELETE", f"/requests/{request_id}", user="0"), "cancel_request")
        time.sleep(1.5)  # longer than the echo agent takes for the answer's 20 tokens

        assert cancelled == {
            "request_id": request_id,
            "status": "cancelled",
            "cancellation": "immediate",
            "message": "Request cancelled",
        }
        assert formation.client("GET", f"/requests/{request_id}", user="0").json()["data"]["status"] == "cancelled"


# --- audit ----------------------------------------------------------------------------------------------


def test_the_audit_log_records_only_its_own_clearing(formation: Formation) -> None:
    # Like muxi-runtime 1.20260928.0: no entry for mutating calls, one audit.cleared entry per clearing.
    formation.admin("POST", "/secrets", json={"key": "A", "value": "1"})
    assert ok(formation.admin("GET", "/audit"), "get_audit_log") == {"entries": [], "total_entries": 0, "limit": 100}

    ok(formation.admin("DELETE", "/audit", params={"confirm": "clear-audit-log"}), "clear_audit_log")
    everything = ok(formation.admin("GET", "/audit", params={"limit": 5}), "get_audit_log")
    cleared = ok(formation.admin("GET", "/audit", params={"action": "audit.cleared"}), "get_audit_log")
    future = ok(formation.admin("GET", "/audit", params={"since": _future()}), "get_audit_log")

    (entry,) = everything["entries"]
    assert (everything["total_entries"], everything["limit"]) == (1, 5)
    assert (entry["action"], entry["resource_type"], entry["resource_id"]) == (
        "audit.cleared",
        "audit_log",
        "dev-formation",
    )
    assert (entry["user"], entry["result"], entry["status_code"], entry["data"]) == (
        "admin",
        "success",
        200,
        {"previous_entries_count": 0},
    )
    assert cleared["entries"] == [entry] and future["entries"] == []
    error(formation.admin("GET", "/audit", params={"resource_type": "planet"}), 422, "INVALID_PARAMS")
    error(formation.admin("GET", "/audit", params={"since": "yesterday"}), 400, "INVALID_PARAMETER")


def test_clearing_the_audit_log_needs_its_confirmation(formation: Formation) -> None:
    failure = error(formation.admin("DELETE", "/audit", params={"confirm": "yes"}), 400, "INVALID_REQUEST")
    first = ok(formation.admin("DELETE", "/audit", params={"confirm": "clear-audit-log"}), "clear_audit_log")
    second = ok(formation.admin("DELETE", "/audit", params={"confirm": "clear-audit-log"}), "clear_audit_log")

    assert failure["message"] == "Confirmation required: add ?confirm=clear-audit-log to delete"
    assert first == {
        "previous_entries_count": 0,
        "cleared_by": "admin",
        "message": "Audit log cleared (0 entries removed)",
    }
    assert second["previous_entries_count"] == 1  # the audit.cleared entry of the first


# --- tuning, artifacts ------------------------------------------------------------------------------------


def test_tuning_suggestions_are_applied_or_dismissed(formation: Formation) -> None:
    assert ok(formation.admin("GET", "/tuning"), "get_tuning") == {"content": None, "path": None}
    replaced = ok(formation.admin("POST", "/tuning", json={"content": "# Tone\n- Friendly"}), "replace_tuning")
    run = ok(formation.admin("POST", "/tuning/run"), "run_tuning")

    pending = ok(formation.admin("GET", "/tuning/pending"), "get_tuning_pending")
    applied = ok(formation.admin("PATCH", "/tuning/pending"), "apply_tuning_pending")
    live = ok(formation.admin("GET", "/tuning"), "get_tuning")

    assert replaced == {"path": "/formation/MUXI.md", "bytes": 17}
    assert (run["trigger"], run["muxi_md_suggested"], run["benchmark_suites_run"]) == ("manual", True, [])
    assert pending["content"].startswith("# Tone\n- Friendly\n- Prefer")
    assert pending["path"] == "/formation/PENDING-MUXI.md"
    assert applied == {"path": "/formation/MUXI.md", "learnings_activated": 1}
    assert live == {"content": pending["content"], "path": "/formation/MUXI.md"}
    assert ok(formation.admin("GET", "/tuning/pending"), "get_tuning_pending")["content"] is None
    failure = error(formation.admin("DELETE", "/tuning/pending"), 404, "TUNING_NO_PENDING")
    assert failure["message"] == "No pending MUXI.md suggestion to dismiss"
    ok(formation.admin("POST", "/tuning/run"), "run_tuning")
    assert ok(formation.admin("DELETE", "/tuning/pending"), "dismiss_tuning_pending") == {"learnings_dismissed": 1}


def test_artifacts_are_empty(formation: Formation) -> None:
    listed = ok(formation.client("GET", "/artifacts", user="alice"), "list_artifacts")
    assert listed == {"artifacts": [], "count": 0, "total": 0}
    failure = error(formation.client("GET", "/artifacts/art_1/versions", user="alice"), 404, "NOT_FOUND")

    assert failure["message"] == "Artifact 'art_1' not found"


# --- GET /v1/logs -----------------------------------------------------------------------------------------


def test_logs_stream_the_records_of_handled_requests(formation: Formation) -> None:
    request_id = formation.admin("GET", "/agents").json()["request"]["id"]

    with formation.stream("GET", "/logs", "admin", params={"request_id": request_id}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        frames = sse_frames(response, stop=lambda frame: frame.get("event") == "log")

    assert frames[0] == {"comment": "keepalive"}
    record = frames[-1]["data"]
    assert record["message"] == "GET /v1/agents 200" and record["event_type"] == "api.request"
    assert record["level"] == "INFO" and record["request_id"] == request_id


def test_logs_follow_live_chat_turns_filtered_by_event_type(formation: Formation) -> None:
    formation.admin("GET", "/agents")  # the log buffer starts with the first request it handles
    chat = in_background(0.3, lambda: _chat(formation, "logged", user="carol"))

    with formation.stream("GET", "/logs", "admin", params={"event_type": "chat.*", "user_id": "carol"}) as response:
        frames = sse_frames(response, stop=lambda frame: frame.get("data", {}).get("event_type") == "chat.completed")
    chat.join()

    records = [frame["data"] for frame in frames if frame.get("event") == "log"]
    assert [r["event_type"] for r in records] == ["chat.started", "chat.completed"]
    assert records[-1]["message"] == "You said: logged"


def test_the_level_filter_keeps_records_at_least_that_severe(formation: Formation) -> None:
    formation.admin("GET", "/agents")
    formation.admin("GET", "/agents/nobody")

    with formation.stream("GET", "/logs", "admin", params={"level": "warning"}) as response:
        frames = sse_frames(response, stop=lambda frame: frame.get("event") == "log")

    assert frames[-1]["data"]["message"] == "GET /v1/agents/{agent_id} 404"
    assert frames[-1]["data"]["level"] == "WARNING"


def test_logs_are_admin_only_and_check_their_level_filter(formation: Formation) -> None:
    error(formation.client("GET", "/logs"), 401, "UNAUTHORIZED")
    error(formation.admin("GET", "/logs", params={"level": "LOUD"}), 422, "INVALID_PARAMS")


# --- chat, sessions, requests, events (_chat.py) ---------------------------------------------------------


def test_a_blocking_chat_answers_the_chat_completed_envelope(formation: Formation) -> None:
    response = formation.client("POST", "/chat", json={"message": "Hello", "stream": False})

    data = ok(response, "chat")
    body = response.json()
    assert (body["object"], body["type"]) == ("message", "chat.completed")
    assert data["message"]["role"] == "assistant" and data["message"]["content"] == "You said: Hello"
    assert data["user_id"] == "0" and data["session_id"].startswith("sess_") and data["request_id"] is None


def _stream_chat(formation: Formation, message: str, **extra: Any) -> list[dict[str, Any]]:
    body = {"message": message, "stream": True, **extra}
    with formation.stream("POST", "/chat", "client", user="alice", json=body) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["cache-control"] == "no-cache"
        return sse_frames(response)


def test_a_streamed_chat_sends_keepalive_tokens_completed_then_done(formation: Formation) -> None:
    frames = _stream_chat(formation, "Hello there")

    tokens = [frame["data"]["token"] for frame in frames if frame.get("event") == "message"]
    assert frames[0] == {"comment": "keepalive"}
    assert [t["type"] for t in tokens][:3] == ["progress", "planning", "thinking"]
    assert "".join(t["content"] for t in tokens if t["type"] == "content") == "You said: Hello there"
    assert tokens[-1]["type"] == "completed" and tokens[-1]["content"] == "You said: Hello there"
    assert tokens[-1]["status"] == "success" and tokens[-1]["user_id"] == "alice"
    assert frames[-1] == {"event": "done", "data": {"finished": True}}


def test_ui_command_adds_a_ui_frame_before_done(formation: Formation) -> None:
    frames = _stream_chat(formation, "/ui Proceed?")
    blocking = _chat(formation, "/ui Proceed?")

    assert [frame.get("event") for frame in frames[-2:]] == ["ui", "done"]
    assert frames[-2]["data"]["ui"][0]["type"] == "options"
    assert blocking["message"]["ui"][0]["options"] == ["Yes", "No"]


def test_fail_command_ends_the_stream_with_an_error_frame_and_blocking_with_500(formation: Formation) -> None:
    frames = _stream_chat(formation, "/fail now")
    blocking = formation.client("POST", "/chat", json={"message": "/fail now", "stream": False})

    assert frames[-1] == {
        "event": "error",
        "data": {"error": "The echo agent was asked to fail", "type": "EchoAgentError"},
    }
    assert not any(frame.get("event") == "done" for frame in frames)
    error(blocking, 500, "INTERNAL_ERROR")


def test_discontinuity_command_revises_the_answer_in_the_completed_token(formation: Formation) -> None:
    frames = _stream_chat(formation, "/discontinuity draft")

    completed = [f["data"]["token"] for f in frames if f.get("event") == "message"][-1]
    assert completed["stream_discontinuity"] is True and completed["content"] == "(revised) You said: draft"


def test_a_chat_without_message_is_422(formation: Formation) -> None:
    failure = error(formation.client("POST", "/chat", json={"stream": False}), 422, "INVALID_PARAMS")

    assert failure["data"]["validation_errors"][0]["field"] == "message"
    assert failure["data"]["validation_errors"][0]["type"] == "missing"


def test_async_chat_mode_is_501(formation: Formation) -> None:
    response = formation.client("POST", "/chat", json={"message": "x", "stream": False, "mode": "async"})

    error(response, 501, "METHOD_NOT_FOUND")


def test_audiochat_refuses_non_audio_files_and_transcribes_audio(formation: Formation) -> None:
    text_file = {"filename": "a.txt", "content": "aGk=", "content_type": "text/plain", "size": 2}
    audio = {
        "filename": "a.wav",
        "content": base64.b64encode(b"hello").decode(),
        "content_type": "audio/wav",
        "size": 5,
    }

    failure = error(
        formation.client("POST", "/audiochat", json={"files": [text_file], "stream": False}), 400, "VALIDATION_ERROR"
    )
    answer = ok(formation.client("POST", "/audiochat", json={"files": [audio], "stream": False}), "audio_chat")

    assert failure["data"]["field"] == "files"
    assert answer["message"]["content"] == "You said: hello"
    # As the runtime: the answer echoes the request's session_id (none here); the message's
    # metadata names the session the turn went to; no artifacts is null.
    assert answer["session_id"] is None and answer["request_id"] is None
    assert answer["message"]["metadata"]["session_id"].startswith("sess_")
    assert answer["message"]["artifacts"] is None


def test_a_restored_session_is_stored_like_the_buffer_stores_chats(formation: Formation) -> None:
    messages = [
        {"role": "assistant", "content": "later", "timestamp": "2026-01-01T00:01:00Z", "agent_id": "researcher"},
        {"role": "user", "content": "earlier", "timestamp": "2026-01-01T00:00:00Z", "metadata": {"channel": "web"}},
    ]
    restored = ok(
        formation.client("POST", "/sessions/old/restore", user="alice", json={"messages": messages}),
        "restore_session",
    )
    history = ok(formation.client("GET", "/sessions/old/messages", user="alice"), "get_session_messages")
    session = ok(formation.client("GET", "/sessions/old", user="alice"), "get_session")

    assert restored == {
        "session_id": "old",
        "messages_loaded": 2,
        "messages_dropped": 0,
        "message": "Session restored successfully",
    }
    earlier, later = history["messages"]  # sorted by time
    assert (earlier["text"], earlier["metadata"]["role"], earlier["metadata"]["channel"]) == ("earlier", "user", "web")
    assert (later["text"], later["metadata"]["agent_id"]) == ("later", "researcher")
    assert earlier["timestamp"] == earlier["metadata"]["timestamp"] == 1767225600.0
    assert (session["created_at"], session["last_activity"]) == (1767225600.0, 1767225660.0)


def test_a_chat_replays_on_the_same_idempotency_key(formation: Formation) -> None:
    body = {"message": "once", "stream": False}

    first = formation.client("POST", "/chat", idempotency_key="k-chat", json=body)
    second = formation.client("POST", "/chat", idempotency_key="k-chat", json=body)

    assert first.content == second.content and first.json()["request"]["idempotency_key"] == "k-chat"
    assert formation.accepted()["chats"] == {"k-chat": 1}


def test_a_session_keeps_the_history_of_two_chats(formation: Formation) -> None:
    _chat(formation, "first", session_id="s1")
    _chat(formation, "second", session_id="s1")

    sessions = ok(formation.client("GET", "/sessions", user="alice"), "list_sessions")
    session = ok(formation.client("GET", "/sessions/s1", user="alice"), "get_session")
    messages = ok(formation.client("GET", "/sessions/s1/messages", user="alice"), "get_session_messages")

    assert [s["session_id"] for s in sessions["sessions"]] == ["s1"]
    assert session["message_count"] == 4 and session["user_id"] == "alice"
    # As the runtime's buffer stores them: the text, and who/when in the metadata (epoch seconds).
    assert [(m["metadata"]["role"], m["text"]) for m in messages["messages"]] == [
        ("user", "first"),
        ("assistant", "You said: first"),
        ("user", "second"),
        ("assistant", "You said: second"),
    ]
    first = messages["messages"][0]
    assert set(first) == {"text", "metadata", "timestamp", "namespace", "embedding"}
    assert first["metadata"]["session_id"] == "s1" and first["metadata"]["user_id"] == "alice"
    assert isinstance(first["timestamp"], float) and isinstance(first["metadata"]["timestamp"], float)
    assert isinstance(session["created_at"], float) and session["created_at"] <= session["last_activity"]
    assert sessions["sessions"][0]["last_activity"] == session["last_activity"]
    error(formation.client("GET", "/sessions/s1", user="bob"), 404, "RESOURCE_NOT_FOUND")


def test_requests_are_listed_fetched_and_finished_ones_cannot_be_cancelled(formation: Formation) -> None:
    body = {"message": "x", "stream": False, "request_id": "req_alice_1"}
    answer = ok(formation.client("POST", "/chat", user="alice", json=body), "chat")

    listed = ok(formation.client("GET", "/requests", user="alice"), "list_requests")
    fetched = ok(formation.admin("GET", "/requests/req_alice_1"), "get_request_status")
    refused = error(formation.client("DELETE", "/requests/req_alice_1", user="alice"), 400, "OPERATION_FAILED")

    # The chat is tracked under the body's request_id, which the answer echoes.
    assert answer["request_id"] == "req_alice_1"
    assert [r["request_id"] for r in listed["requests"]] == ["req_alice_1"]
    assert fetched["status"] == "completed" and fetched["result"] == "You said: x"
    assert isinstance(fetched["created_at"], float) and fetched["created_at"] <= fetched["completed_at"]
    assert refused["message"] == "Request already completed"


def test_a_chat_without_a_request_id_is_tracked_under_an_id_it_does_not_return(formation: Formation) -> None:
    response = formation.client("POST", "/chat", user="alice", json={"message": "x", "stream": False})

    (tracked,) = ok(formation.client("GET", "/requests", user="alice"), "list_requests")["requests"]

    # As the runtime: data.request_id is null, and the envelope's id is the HTTP request's own.
    assert response.json()["data"]["request_id"] is None
    assert tracked["request_id"] != response.json()["request"]["id"]
    assert tracked["progress"] is None and isinstance(tracked["completed_at"], float)


def test_another_users_request_is_403_and_an_unknown_one_404(formation: Formation) -> None:
    body = {"message": "x", "stream": False, "request_id": "req_alice_2"}
    request_id = formation.client("POST", "/chat", user="alice", json=body).json()["data"]["request_id"]

    error(formation.client("GET", f"/requests/{request_id}", user="bob"), 403, "FORBIDDEN")
    error(formation.client("GET", "/requests/req_nope", user="bob"), 404, "REQUEST_NOT_FOUND")


def test_the_events_stream_receives_chat_completed(formation: Formation) -> None:
    chat = in_background(0.3, lambda: _chat(formation, "watched", user="dave"))

    with formation.stream("GET", "/events", "client", user="dave") as response:
        assert response.status_code == 200
        frames = sse_frames(response, stop=lambda frame: frame.get("data", {}).get("type") == "chat.completed")
    chat.join()

    events = [frame["data"] for frame in frames if "data" in frame]
    assert [e["type"] for e in events] == ["chat.started", "chat.completed"]
    assert events[-1]["message"] == "You said: watched" and "user_id" not in events[-1]


# --- a deployed formation definition ----------------------------------------------------------------------

SUPPORT_FORMATION = {
    "id": "support",
    "version": "2.1.0",
    "agents": ["helpdesk"],
    "llm": {"api_keys": {"anthropic": "${{ secrets.ANTHROPIC_KEY }}"}},
    "triggers": {"ticket": "Ticket ${{ data.ticket.id }}: ${{ data.ticket.subject }}"},
}


@pytest.fixture
def support() -> Iterator[Formation]:
    """A runtime of a deployed definition, served alone at the root of a dev server's port."""
    dev = DevServer()
    dev.app = FormationRuntime(dev.config, dev.book, "support", SUPPORT_FORMATION).app
    with dev, httpx.Client(base_url=dev.url + "/v1/", timeout=10) as http:
        yield Formation(dev.config, http, dev)


def test_a_definition_brings_its_own_triggers(support: Formation) -> None:
    listed = ok(support.client("GET", "/triggers"), "list_triggers")
    trigger = ok(support.client("GET", "/triggers/ticket"), "get_trigger")
    body = {"data": {"ticket": {"id": 42, "subject": "Printer on fire"}}, "use_async": False}
    fired = ok(support.client("POST", "/triggers/ticket", json=body), "fire_trigger")

    assert listed == {"formation_id": "support", "triggers": ["ticket"], "count": 1}
    assert trigger["data_fields"] == ["ticket.id", "ticket.subject"]
    assert fired["content"] == "You said: Ticket 42: Printer on fire"


def test_a_secret_the_definition_references_is_in_use(support: Formation) -> None:
    assert ok(support.admin("GET", "/secrets"), "list_secrets")["secrets"] == {"ANTHROPIC_KEY": "dev-****"}
    error(support.admin("DELETE", "/secrets/ANTHROPIC_KEY"), 409, "SECRET_IN_USE")


def test_a_definition_gets_default_settings_but_no_sample_content(support: Formation) -> None:
    info = ok(support.admin("GET", "/formation"), "get_formation_info")

    assert (info["id"], info["version"], [a["id"] for a in info["agents"]]) == ("support", "2.1.0", ["helpdesk"])
    assert info["scheduler"]["timezone"] == "UTC"
    assert ok(support.admin("GET", "/mcp/servers"), "list_mcp_servers") == {"servers": [], "count": 0}
    error(support.client("GET", "/users/alice/channels"), 503, "SERVICE_UNAVAILABLE")
