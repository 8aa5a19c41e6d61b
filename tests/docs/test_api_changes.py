"""docs/api-changes.md, performed for real in scratch copies of the repository.

The spec edits, the expected outputs and the Python calls are read from the doc's marked blocks
(``<!-- api-changes:NAME -->`` before a fenced block), so the doc and this test cannot drift. Each
copy gets the doc's runtime document and additions, runs the copied ``build_spec.py`` and
``generate.py`` in subprocesses, then runs the doc's calls in subprocesses importing the copied
package, against a small formation on 127.0.0.1 that serves the new route. The real tree is only
read, and nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
import uvicorn
import yaml
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "api-changes.md"
DOC_FORMATION_URL = "http://localhost:8001"  # the doc's formation; the test server's URL replaces it
GENERATED = "clients/meshkit/_generated"
AGENT_FILE = "formation/configuration.yaml"  # the area fragment that defines Agent, as the doc says
BLOCK = re.compile(r"<!-- api-changes:(?P<name>[\w-]+) -->\n```(?P<lang>\w+)\n(?P<body>.*?)^```$", re.S | re.M)


def _doc_blocks() -> dict[str, str]:
    blocks: dict[str, str] = {}
    for match in BLOCK.finditer(DOC.read_text(encoding="utf-8")):
        assert match["name"] not in blocks, f"two blocks marked api-changes:{match['name']}"
        blocks[match["name"]] = match["body"]
    return blocks


BLOCKS = _doc_blocks()


def _quoted(block: str, name: str) -> str:
    found = re.search(rf'{name}="([^"]+)"', BLOCKS[block])
    assert found, f"the {block} block passes no {name}"
    return found[1]


CLIENT_KEY = _quoted("call", "client_key")
ADMIN_KEY = _quoted("before", "admin_key")


# --- the walk-through, steps 1 to 3, in a copy ----------------------------------------------------


def _merge(target: dict[str, Any], addition: dict[str, Any]) -> None:
    """Add ``addition`` into ``target``: maps merge key by key, anything else replaces."""
    for key, value in addition.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith(("MUXI_", "MESHKIT_"))}
    return {**env, "PYTHONDONTWRITEBYTECODE": "1", **extra}


def _run_script(root: Path, script: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, str(root / script)], cwd=root, env=_env(), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"{script} failed:\n{done.stdout}{done.stderr}"
    return done


def _files(directory: Path) -> dict[str, str]:
    return {
        path.relative_to(directory).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def _status(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """``git status --short clients/meshkit/_generated`` between two snapshots."""
    tracked = sorted(
        [(path, " M") for path in after if path in before and before[path] != after[path]]
        + [(path, " D") for path in before if path not in after]
    )
    untracked = sorted(path for path in after if path not in before)
    return [f"{flag} {GENERATED}/{path}" for path, flag in tracked] + [f"?? {GENERATED}/{path}" for path in untracked]


def _changed_lines(old: str, new: str) -> set[str]:
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return {line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))}


def _doc_diff_lines(block: str) -> list[str]:
    lines = [line for line in BLOCKS[block].splitlines() if line[:1] in "+-"]
    assert len(lines) >= 5, f"the {block} block shows no diff"
    return lines


@dataclass
class Tree:
    """A regenerated copy, with what the walk-through needs to compare against."""

    root: Path
    mesh_before: str
    operations_before: str
    generated_before: dict[str, str]
    spec_stderr: str = ""
    derived: dict[str, Any] = field(default_factory=dict)

    @property
    def mesh(self) -> str:
        return (self.root / "openapi" / "mesh.yaml").read_text(encoding="utf-8")

    @property
    def operations(self) -> str:
        return (self.root / GENERATED / "operations.py").read_text(encoding="utf-8")

    @property
    def generated(self) -> dict[str, str]:
        return _files(self.root / GENERATED)


def _apply_additions(root: Path, block: str, additions_file: str = "formation.yaml") -> dict[str, Any]:
    path = root / "openapi" / "additions" / additions_file
    additions = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit = yaml.safe_load(BLOCKS[block])
    _merge(additions, edit)
    path.write_text(yaml.safe_dump(additions, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return dict(edit)


def _regenerate(root: Path) -> None:
    _run_script(root, "openapi/build_spec.py")
    _run_script(root, "generator/generate.py")


def _snapshot(root: Path) -> Tree:
    return Tree(
        root,
        (root / "openapi" / "mesh.yaml").read_text(encoding="utf-8"),
        (root / GENERATED / "operations.py").read_text(encoding="utf-8"),
        _files(root / GENERATED),
    )


@pytest.fixture(scope="module")
def derived_defaults(tmp_path_factory: pytest.TempPathFactory) -> Tree:
    """Step 1 alone: the runtime's new document, then `make spec` + `make generate` (no entry yet)."""
    root = tmp_path_factory.mktemp("api-changes-derived") / "repo"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in ("openapi", "generator", "clients/meshkit"):
        shutil.copytree(ROOT / part, root / part, ignore=ignore)
    tree = _snapshot(root)

    # The runtime's new document replaces the old one (exactly one lives in upstream/).
    (old,) = (root / "openapi" / "upstream").glob("*.openapi.json")
    runtime = json.loads(old.read_text(encoding="utf-8"))
    new_part = json.loads(BLOCKS["upstream"])
    assert not set(new_part["paths"]) & set(runtime["paths"]), "the doc's new route is no longer new"
    _merge(runtime, new_part)
    old.unlink()
    new = old.with_name(f"muxi-formation-runtime-{runtime['info']['version']}.openapi.json")
    new.write_text(json.dumps(runtime, indent=2) + "\n", encoding="utf-8")
    tree.spec_stderr = _run_script(root, "openapi/build_spec.py").stderr
    tree.derived = yaml.safe_load(tree.mesh)
    _run_script(root, "generator/generate.py")
    return tree


@pytest.fixture(scope="module")
def new_operation(derived_defaults: Tree, tmp_path_factory: pytest.TempPathFactory) -> Tree:
    """Steps 1-3: step 1's copy, plus the additions entry, `make spec` + `make generate`. Its
    "before" is still the repository's, as `git status` and `git diff` would compare."""
    root = tmp_path_factory.mktemp("api-changes") / "repo"
    shutil.copytree(derived_defaults.root, root)
    tree = replace(derived_defaults, root=root, spec_stderr="", derived={})
    edit = _apply_additions(root, "spec-edit")
    original = yaml.safe_load((ROOT / "openapi" / "additions" / "formation.yaml").read_text(encoding="utf-8"))
    assert not set(edit["operations"]) & set(original["operations"])
    assert not set(edit["components"]["schemas"]) & set(original["components"]["schemas"])
    _regenerate(root)
    return tree


@pytest.fixture(scope="module")
def new_field(new_operation: Tree, tmp_path_factory: pytest.TempPathFactory) -> Tree:
    """The doc's "A changed operation": the copy after steps 1-3, plus the new optional field."""
    root = tmp_path_factory.mktemp("api-changes-field") / "repo"
    shutil.copytree(new_operation.root, root)
    tree = _snapshot(root)
    assert f"`openapi/additions/{AGENT_FILE}`" in DOC.read_text(encoding="utf-8")
    agent = yaml.safe_load((ROOT / "openapi" / "additions" / AGENT_FILE).read_text(encoding="utf-8"))
    assert "model" not in agent["components"]["schemas"]["Agent"]["properties"], "the doc's field is no longer new"
    _apply_additions(root, "field-edit", AGENT_FILE)
    _regenerate(root)
    return tree


# --- a formation that runs the new runtime version ------------------------------------------------


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


def _error(status: int, code: str, message: str, key: str | None, **headers: str) -> JSONResponse:
    body = {
        "object": "error",
        "timestamp": 1793525400000,
        "type": "error",
        "request": {"id": f"req_{uuid.uuid4().hex[:8]}", "idempotency_key": key},
        "success": False,
        "error": {"code": code, "message": message, "data": None},
        "data": {},
    }
    return JSONResponse(body, status, headers=headers or None)


def _success(data: dict[str, Any], key: str | None, object: str, type: str) -> JSONResponse:
    request = {"id": f"req_{uuid.uuid4().hex[:8]}", "idempotency_key": key}
    body = {"object": object, "timestamp": 1793525400000, "type": type, "request": request, "success": True}
    return JSONResponse({**body, "error": None, "data": data})


class Formation:
    """The routes the walk-through calls, with the runtime's envelopes and key checks. Sessions
    ``sess_gone`` (404), ``sess_flaky`` (one 503 per idempotency key) and ``sess_down`` (always 503)."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self._flaked: set[str | None] = set()
        self._stored: dict[str, JSONResponse] = {}
        self._count = 0
        app = Starlette(
            routes=[
                Route("/v1/sessions/{session_id}/feedback", self._feedback, methods=["POST"]),
                Route("/v1/agents/{agent_id}", self._agent, methods=["GET"]),
            ]
        )
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        self._server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            assert self._thread.is_alive() and time.monotonic() < deadline, "the test formation did not start"
            time.sleep(0.01)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)

    def requests(self, path: str) -> list[Seen]:
        return [seen for seen in self.seen if seen.path == path]

    async def _record(self, request: Request) -> Seen:
        raw = await request.body()
        headers = {name.lower(): value for name, value in request.headers.items()}
        seen = Seen(request.method, request.url.path, headers, json.loads(raw) if raw else None)
        self.seen.append(seen)
        return seen

    async def _feedback(self, request: Request) -> JSONResponse:
        seen = await self._record(request)
        key = seen.headers.get("x-muxi-idempotency-key")
        if seen.headers.get("x-muxi-client-key") != CLIENT_KEY:
            return _error(401, "UNAUTHORIZED", "Invalid or missing client API key", key)
        if not seen.headers.get("x-muxi-user-id"):
            return _error(400, "INVALID_REQUEST", "X-Muxi-User-ID header is required", key)
        session_id = request.path_params["session_id"]
        if session_id == "sess_gone":
            return _error(404, "SESSION_NOT_FOUND", f"Session '{session_id}' not found", key)
        if session_id == "sess_down" or (session_id == "sess_flaky" and key not in self._flaked):
            self._flaked.add(key)
            return _error(503, "SERVICE_UNAVAILABLE", "Formation is restarting", key, **{"Retry-After": "0"})
        if key is not None and key in self._stored:
            return self._stored[key]
        self._count += 1
        data = {
            "id": f"fb_{self._count:04d}",
            "session_id": session_id,
            "rating": seen.body["rating"],
            "comment": seen.body.get("comment"),
            "created_at": "2026-11-01T09:30:00Z",
        }
        response = _success(data, key, "feedback", "feedback.created")
        if key is not None:
            self._stored[key] = response
        return response

    async def _agent(self, request: Request) -> JSONResponse:
        seen = await self._record(request)
        if seen.headers.get("x-muxi-admin-key") != ADMIN_KEY:
            return _error(401, "UNAUTHORIZED", "Invalid or missing admin API key", None)
        agent = {"id": request.path_params["agent_id"], "name": "Researcher", "description": None, "model": "gpt-4o"}
        return _success(agent, None, "agent", "agent.get")


@pytest.fixture
def formation() -> Iterator[Formation]:
    server = Formation()
    try:
        yield server
    finally:
        server.stop()


def _run_python(tree: Tree, code: str, server: Formation) -> str:
    """Run ``code`` with the copy's meshkit (never the installed one) against ``server``."""
    assert DOC_FORMATION_URL in code, "a snippet must call the doc's formation"
    package = tree.root / "clients"
    prelude = f"import meshkit\nassert meshkit.__file__.startswith({str(package)!r}), meshkit.__file__\n"
    script = tree.root / f"snippet_{uuid.uuid4().hex[:8]}.py"
    script.write_text(prelude + code.replace(DOC_FORMATION_URL, server.url), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tree.root,
        env=_env(PYTHONPATH=str(package)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


# --- the tests ------------------------------------------------------------------------------------


def test_make_spec_lists_the_new_route_and_gives_it_derived_defaults(derived_defaults: Tree) -> None:
    assert BLOCKS["spec-stderr"].strip() in derived_defaults.spec_stderr.splitlines()
    derived = derived_defaults.derived["paths"]["/v1/sessions/{session_id}/feedback"]["post"]
    assert derived["operationId"] == "submit_session_feedback"
    assert derived["security"] == [{"clientKey": []}]
    assert derived["x-meshkit-retry"] == "never"
    schema = derived["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/FormationObjectEnvelope"}
    assert derived_defaults.derived["info"]["x-meshkit-formation-runtime"]["version"] == "1.20261101.0"


DERIVED = """
import meshkit
from meshkit import Formation

formation = Formation(url="http://localhost:8001", client_key="fmc_your_client_key")
print("listed", "submit_session_feedback" in dir(formation.ops))
feedback = formation.ops.submit_session_feedback("sess_42", body={"rating": 5}, user_id="alice")
print(type(feedback).__name__, feedback["id"], feedback["rating"])
try:
    formation.ops.submit_session_feedback("sess_flaky", body={"rating": 5}, user_id="alice")
except meshkit.ServerError as error:
    print(error.status_code, error.code)
"""


def test_with_derived_defaults_the_route_is_callable_but_untyped_and_never_retried(
    derived_defaults: Tree, formation: Formation
) -> None:
    assert _run_python(derived_defaults, DERIVED, formation).splitlines() == [
        "listed True",
        "FormationObject fb_0001 5",
        "503 SERVICE_UNAVAILABLE",
    ]
    (call,) = formation.requests("/v1/sessions/sess_42/feedback")
    assert call.headers["x-muxi-client-key"] == CLIENT_KEY
    assert call.headers["x-muxi-user-id"] == "alice"
    # meshkit sends a key on every formation call, but the route is not marked idempotent: no retry.
    (flaky,) = formation.requests("/v1/sessions/sess_flaky/feedback")
    assert "x-muxi-idempotency-key" in flaky.headers


def test_make_generate_writes_the_documented_files_and_diffs(new_operation: Tree) -> None:
    assert _status(new_operation.generated_before, new_operation.generated) == BLOCKS["status"].splitlines()
    mesh = _changed_lines(new_operation.mesh_before, new_operation.mesh)
    assert [line for line in _doc_diff_lines("diff-mesh") if line not in mesh] == []
    operations = _changed_lines(new_operation.operations_before, new_operation.operations)
    assert [line for line in _doc_diff_lines("diff-operations") if line not in operations] == []


def test_the_new_operation_is_called_through_ops_with_auth_user_and_idempotency(
    new_operation: Tree, formation: Formation
) -> None:
    assert _run_python(new_operation, BLOCKS["call"], formation) == BLOCKS["call-output"]
    assert _run_python(new_operation, BLOCKS["call-async"], formation) == BLOCKS["call-async-output"]

    calls = formation.requests("/v1/sessions/sess_42/feedback")
    assert [call.body for call in calls] == [{"rating": 5, "comment": "Spot on"}, {"rating": 4}]
    for call in calls:
        assert call.method == "POST"
        assert call.headers["x-muxi-client-key"] == CLIENT_KEY
        assert "x-muxi-admin-key" not in call.headers
        assert call.headers["x-muxi-user-id"] == "alice"
        assert uuid.UUID(call.headers["x-muxi-idempotency-key"]).version == 4
        assert call.headers["content-type"] == "application/json"
    assert calls[0].headers["x-muxi-idempotency-key"] != calls[1].headers["x-muxi-idempotency-key"]
    assert len(formation.requests("/v1/sessions/sess_gone/feedback")) == 1  # a 404 is not retried


RETRIES = """
import asyncio

import meshkit
from meshkit import AsyncFormation, Formation

formation = Formation(url="http://localhost:8001", client_key="fmc_your_client_key")
print("listed", "submit_feedback" in dir(formation.ops), "submit_session_feedback" in dir(formation.ops))
feedback = formation.ops.submit_feedback("sess_flaky", body={"rating": 3}, user_id="bob")
print("flaky", type(feedback).__module__, type(feedback).__name__, feedback.session_id)
try:
    formation.ops.submit_feedback("sess_down", body={"rating": 3}, user_id="bob")
except meshkit.ServerError as error:
    print("down", type(error).__name__, error.status_code, error.code)
try:
    formation.ops.submit_feedback("sess_42", body={"rating": 3})
except meshkit.ConfigurationError as error:
    print("no user", type(error).__name__)


async def main() -> None:
    async with AsyncFormation(url="http://localhost:8001", client_key="fmc_your_client_key") as formation:
        feedback = await formation.ops.submit_feedback("sess_flaky", body={"rating": 2}, user_id="bob")
        print("async flaky", type(feedback).__name__, feedback.rating)
        try:
            await formation.ops.submit_feedback("sess_down", body={"rating": 2}, user_id="bob")
        except meshkit.ServerError as error:
            print("async down", type(error).__name__, error.status_code)


asyncio.run(main())
"""


def test_a_503_is_retried_with_the_same_key_and_failures_are_typed_errors(
    new_operation: Tree, formation: Formation
) -> None:
    assert _run_python(new_operation, RETRIES, formation).splitlines() == [
        "listed True False",
        "flaky meshkit._generated.models.feedback Feedback sess_flaky",
        "down ServerError 503 SERVICE_UNAVAILABLE",
        "no user ConfigurationError",
        "async flaky Feedback 2",
        "async down ServerError 503",
    ]
    flaky = [call.headers["x-muxi-idempotency-key"] for call in formation.requests("/v1/sessions/sess_flaky/feedback")]
    assert len(flaky) == 4 and flaky[0] == flaky[1] and flaky[2] == flaky[3] and flaky[0] != flaky[2]
    down = [call.headers["x-muxi-idempotency-key"] for call in formation.requests("/v1/sessions/sess_down/feedback")]
    assert len(down) == 6 and len(set(down[:3])) == 1 and len(set(down[3:])) == 1  # max_retries=2: 3 attempts
    assert formation.requests("/v1/sessions/sess_42/feedback") == []  # refused before anything was sent


UNTYPED = """
from meshkit import Formation

formation = Formation(url="http://localhost:8001", admin_key="fma_your_admin_key")
agent = formation.get_agent("researcher")
print(agent.additional_properties["model"], hasattr(agent, "model"))
"""


def test_a_new_optional_field_arrives_untyped_before_and_typed_after_regenerating(
    new_operation: Tree, new_field: Tree, formation: Formation
) -> None:
    assert _run_python(new_operation, BLOCKS["before"], formation) == BLOCKS["before-output"]
    assert _run_python(new_operation, UNTYPED, formation) == "gpt-4o False\n"
    assert _status(new_field.generated_before, new_field.generated) == [
        f" M {GENERATED}/models/agent.py",
        f" M {GENERATED}/openapi.json",
    ]
    mesh = _changed_lines(new_field.mesh_before, new_field.mesh)
    assert [line for line in _doc_diff_lines("diff-field") if line not in mesh] == []
    assert _run_python(new_field, BLOCKS["after"], formation) == BLOCKS["after-output"]
    agents = formation.requests("/v1/agents/researcher")
    assert len(agents) == 4 and all(call.headers["x-muxi-admin-key"] == ADMIN_KEY for call in agents)


STALE = "additions/formation.yaml describes operations the runtime no longer has: "


def test_an_entry_for_a_route_the_runtime_dropped_stops_make_spec(new_operation: Tree, tmp_path: Path) -> None:
    assert f"`{STALE}[...]`" in " ".join(DOC.read_text(encoding="utf-8").split())
    openapi = tmp_path / "openapi"
    shutil.copytree(new_operation.root / "openapi", openapi)
    (newer,) = (openapi / "upstream").glob("*.openapi.json")
    newer.unlink()
    (older,) = (ROOT / "openapi" / "upstream").glob("*.openapi.json")
    shutil.copy(older, openapi / "upstream" / older.name)  # the runtime without the feedback route
    mesh = (openapi / "mesh.yaml").read_bytes()
    done = subprocess.run(
        [sys.executable, str(openapi / "build_spec.py")], env=_env(), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr == f"build_spec: {STALE}['POST /v1/sessions/{{session_id}}/feedback']\n"
    assert (openapi / "mesh.yaml").read_bytes() == mesh  # nothing written


def test_every_marked_block_of_the_doc_is_checked_here() -> None:
    assert set(BLOCKS) == {
        *("upstream", "spec-stderr", "spec-edit", "status", "diff-mesh", "diff-operations"),
        *("call", "call-output", "call-async", "call-async-output"),
        *("before", "before-output", "field-edit", "diff-field", "after", "after-output"),
    }
