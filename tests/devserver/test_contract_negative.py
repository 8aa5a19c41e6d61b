"""Negative contract tests: schemathesis generates calls that break openapi/mesh.yaml (wrong types,
missing required fields or bodies, bad enum values, out-of-range numbers, non-JSON bodies…) and the
dev server must refuse each one, as the real servers do, and never with a 5xx.

Some "invalid" calls are ones the real servers accept too: the contract says so, and the check that
invalid data is rejected is then skipped for that call only. :func:`_accepted_by_the_contract` lists
those cases, each with the contract rule that makes them acceptable.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import schemathesis
import test_contract
from hypothesis import HealthCheck, settings
from meshkit._generated.operations import OPERATIONS
from meshkit.devserver import DevServer
from schemathesis import GenerationMode, checks
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import CoveragePhaseData, CoverageScenario
from test_contract import DOCUMENT, EXAMPLES, OPEN_ENDED, SPEC, _auth_headers, _base_url

# The positive contract test's fixture: a dev server with a healthy broker endpoint, so generated
# messages get routed (started once for this module).
dev = test_contract.dev

schema = schemathesis.openapi.from_path(SPEC).exclude(operation_id=OPEN_ENDED)
# The test sends valid credentials itself (authentication is not what is tested here: a 401 would
# hide whether the data was refused), so schemathesis does not generate the security headers.
schema.config.generation.update(modes=[GenerationMode.NEGATIVE], with_security_parameters=False)

# Two excuses are checked against the answer: a batch item that breaks the Message schema fails in its
# own acknowledgment (broker.md §5.8), and start/restart/rollback streams refuse a formation id that
# cannot exist (server.md §10) in an `event: error` NotFound frame on a 200 (server.md §5).
BATCH_ITEMS = "/properties/messages/items"
STREAMED_NOT_FOUND = "streamed NotFound"
# broker.md §1: health_status spellings the broker accepts besides the schema's enum.
HEALTH_NAMES = ("unspecified", "healthy", "degraded", "unhealthy")
LENIENT_HEALTH = {*HEALTH_NAMES, *(f"health_status_{name}" for name in HEALTH_NAMES), "0", "1", "2", "3"}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_the_dev_server_rejects_what_the_spec_forbids(case: Any, dev: DevServer) -> None:
    operation_id = case.operation.definition.raw["operationId"]
    headers = _auth_headers(dev, operation_id, case.method, case.formatted_path)
    response = case.call(base_url=_base_url(dev, operation_id), headers=headers, timeout=10)
    reason = _accepted_by_the_contract(case, operation_id, response)
    if reason == BATCH_ITEMS and response.status_code == 200:
        assert len(response.json()["acknowledgments"]) == len(case.body["messages"])
    if reason == STREAMED_NOT_FOUND and response.status_code == 200:
        assert response.text.startswith("event: error\ndata: "), response.text
        assert json.loads(response.text.split("\n")[1][6:])["error"] == "NotFound"
    rejection = [] if reason else [checks.negative_data_rejection]
    case.validate_response(response, checks=[checks.not_a_server_error, *rejection], headers=headers)


# --- calls the real servers accept too ---------------------------------------------------------


def _accepted_by_the_contract(case: Any, operation_id: str, response: Any) -> str | None:
    """Why the real server accepts this generated call although it breaks the spec, or None. Every
    invalid part of the call must be excused, else the rejection check runs."""
    if case.meta is None:
        return None
    parts = _invalid_parts(case)
    reasons = [_excuse(case, operation_id, response, *part) for part in parts]
    if not parts or not all(reasons):
        return None
    for verified in (BATCH_ITEMS, STREAMED_NOT_FOUND):
        if verified in reasons:
            return verified
    return reasons[0]


def _invalid_parts(case: Any) -> list[tuple[str, str, str, str]]:
    """(location, name, what, schema pointer) of each invalid part of a generated call. A body
    part's name is its top-level property; ``what`` is the coverage scenario, or the mutation's
    operator and keywords."""
    data = case.meta.phase.data
    if isinstance(data, CoveragePhaseData):
        location = data.parameter_location.value if data.parameter_location else ""
        pointer = data.location or ""
        name = data.parameter or ""
        if data.parameter_location is ParameterLocation.BODY:
            name = _body_property(pointer)
            if data.scenario == CoverageScenario.OBJECT_MISSING_REQUIRED_PROPERTY:
                name = data.description.rpartition(": ")[2]
        return [(location, name, str(data.scenario), pointer)]
    return [
        (
            mutation.parameter_location.value,
            str(mutation.path[0]) if mutation.path else (mutation.parameter or ""),
            f"{mutation.operator}:{','.join(mutation.keywords)}",
            mutation.schema_pointer,
        )
        for mutation in data.mutations
    ]


def _excuse(
    case: Any, operation_id: str, response: Any, location: str, name: str, what: str, pointer: str
) -> str | None:
    """The contract rule under which the real server accepts this one invalid part, or None."""
    tags = OPERATIONS[operation_id]["tags"]
    parameter = _parameter(case, location, name)
    if location in ("query", "header"):
        if name and not parameter.get("required") and not _sent(response, location, name):
            return "the invalid value (an empty array or object) serialises to nothing: the call sent is valid"
        if what == CoverageScenario.OBJECT_UNEXPECTED_PROPERTIES or what.endswith(":additionalProperties"):
            return "unknown query parameters and headers are ignored, by the three servers alike"
    absent = what == CoverageScenario.MISSING_PARAMETER or "required" in what
    if location == "query" and not absent and _takes_any_text(parameter.get("schema")):
        return "a query value is text on the wire, and any text fits (a repeated one is read as its last value)"
    if location == "header" and name.lower() in ("accept", "x-muxi-idempotency-key"):
        return "README: Accept is a preference and the idempotency key is read, never validated"
    if location == "header" and name.lower() == "x-muxi-user-id" and not parameter.get("required"):
        return "formation.md §2: an empty user header is an absent one, which this route allows"
    if location == "query" and "server" in tags and not _documents(case, "400"):
        return "server.md §6-§7: the server reads these query parameters leniently (it documents no 400)"
    if location == "path" and name == "formation_id" and case.headers and _wants_stream(case):
        return STREAMED_NOT_FOUND
    if "broker" in tags and location == "body":
        body = case.body if isinstance(case.body, dict) else {}
        if BATCH_ITEMS in re.sub(r"/\$ref/[^/]+", "", pointer):
            return BATCH_ITEMS
        if name in body and body[name] is None:
            return "broker.md §1: null means absent"
        if name == "payload" and "required" in what and "payload" not in body:
            return "broker.md §2.1: an absent payload defaults to empty"
        value = body.get(name)
        if name == "health_status" and (value in range(4) or str(value).strip().lower() in LENIENT_HEALTH):
            return "broker.md §1: health_status is parsed leniently"
    return None


def _body_property(pointer: str) -> str:
    parts = pointer.split("/")
    return parts[parts.index("properties") + 1] if "properties" in parts[:-1] else ""


def _parameter(case: Any, location: str, name: str) -> dict[str, Any]:
    """The operation's definition of one parameter ({} when it has none by that name)."""
    for item in case.operation.definition.raw.get("parameters", []):
        if "$ref" in item:
            item = DOCUMENT["components"]["parameters"][item["$ref"].rpartition("/")[2]]
        if item.get("in") == location and str(item.get("name", "")).lower() == name.lower():
            return dict(item)
    return {}


def _takes_any_text(schema: Any) -> bool:
    """Whether every string is a valid value (a plain string type, possibly alongside null)."""
    if not isinstance(schema, dict):
        return False
    branches = schema.get("anyOf", [schema])
    return any(
        set(branch) <= {"type", "title", "description"} and branch.get("type") == "string" for branch in branches
    )


def _sent(response: Any, location: str, name: str) -> bool:
    """Whether the request on the wire carries this query parameter or header."""
    request = response.request
    if location == "header":
        return name in request.headers
    return name in parse_qs(urlsplit(request.url).query, keep_blank_values=True)


def _documents(case: Any, status: str) -> bool:
    statuses = {str(code).upper() for code in case.operation.definition.raw.get("responses", {})}
    return bool(statuses & {status, f"{status[0]}XX", "DEFAULT"})


def _wants_stream(case: Any) -> bool:
    return any(key.lower() == "accept" and "text/event-stream" in str(value) for key, value in case.headers.items())
