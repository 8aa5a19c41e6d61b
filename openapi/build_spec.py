"""Build openapi/mesh.yaml from its inputs (`make spec`).

Inputs, all in this folder:
  upstream/muxi-formation-runtime-*.openapi.json   the runtime's own published document
  additions/common.yaml                            info, security schemes, shared GET /health
  additions/formation.yaml                         meshkit's additions to the runtime document
  additions/formation/*.yaml                       per area: the typed answers the runtime really
                                                   sends (schemas, and the operations' data/status)
  additions/server.yaml, additions/broker.yaml     the MUXI Server and AiMesh broker APIs

To follow a newer runtime, drop its document into upstream/ (replacing the old one) and run
`make spec`: the diff of mesh.yaml shows exactly what changed. Runtime operations that have no
entry in additions/formation.yaml are still included (derived name, auth by area, free-form
envelope) and listed on stderr so they can be given a proper entry.

Output is deterministic: same inputs, same bytes.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "mesh.yaml"
METHODS = ("get", "put", "post", "delete", "patch")
SECURITY: dict[str, list[dict[str, list[str]]]] = {
    "public": [],
    "admin": [{"adminKey": []}],
    "client": [{"clientKey": []}],
    "dual": [{"clientKey": []}, {"adminKey": []}],
}
USER_PARAMETER = {
    "optional": "MuxiUserIdOptional",
    "required": "MuxiUserIdRequired",
    "filter": "MuxiUserIdFilter",
}
# FastAPI names operations "<function>_v1_<path>_<method>"; the function name is what we keep.
FASTAPI_SUFFIX = re.compile(r"_v1_.*_(get|put|post|delete|patch)$")


class SpecError(Exception):
    """An input is inconsistent; the message says which and where."""


def _ref(kind: str, name: str) -> dict[str, str]:
    return {"$ref": f"#/components/{kind}/{name}"}


def _load_yaml(name: str) -> dict[str, Any]:
    with open(HERE / "additions" / name, encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def _upstream_document() -> tuple[Path, dict[str, Any]]:
    candidates = sorted((HERE / "upstream").glob("*.openapi.json"))
    if len(candidates) != 1:
        raise SpecError(f"expected exactly one runtime document in upstream/, found {len(candidates)}")
    with open(candidates[0], encoding="utf-8") as handle:
        return candidates[0], json.load(handle)


def _envelope_schema(data_schema: str) -> dict[str, Any]:
    """The MUXI success envelope with a typed `data` (one schema per data shape)."""
    return {
        "type": "object",
        "description": f"The MUXI success envelope around {data_schema}.",
        "required": ["success", "data"],
        "properties": {
            "object": {"type": "string"},
            "timestamp": {"type": "integer", "description": "Server time in milliseconds since epoch."},
            "type": {"type": "string"},
            "request": _ref("schemas", "MuxiRequestInfo"),
            "success": {"type": "boolean"},
            "error": {"type": "null"},
            "data": _ref("schemas", data_schema),
        },
    }


def _derived_operation_id(runtime_id: str) -> str:
    return FASTAPI_SUFFIX.sub("", runtime_id)


def _event_stream(events: dict[str, str | None]) -> dict[str, Any]:
    return {"schema": {"type": "string"}, "x-meshkit-events": dict(events)}


def _formation_operation(
    key: str, runtime_op: dict[str, Any], extra: dict[str, Any], rules: dict[str, Any], schemas: dict[str, Any]
) -> dict[str, Any]:
    method = key.split(" ", 1)[0].lower()
    area = (runtime_op.get("tags") or ["Formation"])[0]
    auth_by_area = {name.lower(): group for name, group in rules["auth_by_area"].items()}
    auth = extra.get("auth") or auth_by_area.get(area.lower())
    if auth not in SECURITY:
        raise SpecError(f"{key}: no auth group for area {area!r}; add it to auth_by_area or the operation")

    op: dict[str, Any] = {
        "tags": ["formation"],
        "operationId": extra.get("id") or _derived_operation_id(runtime_op["operationId"]),
        "summary": runtime_op.get("summary", ""),
    }
    if runtime_op.get("description"):
        op["description"] = runtime_op["description"]
    op["x-meshkit-area"] = area.lower()
    idempotent = bool(extra.get("idempotent"))
    if idempotent:
        op["x-meshkit-retry"] = "idempotency-key"
    else:
        op["x-meshkit-retry"] = "safe" if method in ("get", "put", "delete") else "never"
    op["servers"] = copy.deepcopy(rules["servers"])
    op["security"] = copy.deepcopy(SECURITY[auth])

    # The user header comes from the contract's rules, not from the runtime's optional anyOf.
    parameters = [
        copy.deepcopy(p)
        for p in runtime_op.get("parameters", [])
        if not (p.get("in") == "header" and p.get("name", "").lower() == "x-muxi-user-id")
    ]
    if extra.get("user"):
        parameters.append(_ref("parameters", USER_PARAMETER[extra["user"]]))
    if idempotent:
        parameters.append(_ref("parameters", "IdempotencyKey"))
    if extra.get("json_and_stream"):
        parameters.append(_ref("parameters", "StreamAccept"))
    if parameters:
        op["parameters"] = parameters

    if "requestBody" in runtime_op:
        op["requestBody"] = copy.deepcopy(runtime_op["requestBody"])
    elif extra.get("body"):
        op["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": _ref("schemas", extra["body"])}},
        }

    status = str(extra.get("status", 200))
    data_schema = extra.get("data", "FormationObject")
    content: dict[str, Any] = {}
    if extra.get("stream") and not extra.get("json_and_stream"):
        content["text/event-stream"] = _event_stream(extra["stream"])
        description = "A server-sent event stream."
    elif extra.get("media"):
        # Raw bytes, not enveloped JSON (an artifact's content, with the artifact's own media type).
        content[extra["media"]] = {"schema": {"type": "string", "format": "binary"}}
        description = "The raw content."
    else:
        if extra.get("envelope", True):
            envelope_name = f"{data_schema}Envelope"
            schemas.setdefault(envelope_name, _envelope_schema(data_schema))
            content["application/json"] = {"schema": _ref("schemas", envelope_name)}
        else:
            content["application/json"] = {"schema": _ref("schemas", data_schema)}
        description = "Success."
        if extra.get("stream"):
            content["text/event-stream"] = _event_stream(extra["stream"])
            description = "Success: JSON, or a server-sent event stream when the request asks for one."
    responses: dict[str, Any] = {status: {"description": description, "content": content}}
    # Other success statuses the same operation answers with the same body (e.g. 200 inline, 202 queued).
    for code, text in sorted((extra.get("also_status") or {}).items()):
        responses[str(code)] = {"description": f"Success: {text}", "content": copy.deepcopy(content)}
    # Documented errors; an unenveloped operation (GET /health) answers them with its own body.
    error_content = (
        rules["components"]["responses"]["FormationError"]["content"]
        if extra.get("envelope", True)
        else {"application/json": {"schema": _ref("schemas", data_schema)}}
    )
    for code, text in sorted((extra.get("errors") or {}).items()):
        responses[str(code)] = {"description": str(text), "content": copy.deepcopy(error_content)}
    if auth != "public":
        responses["401"] = _ref("responses", "FormationUnauthorized")
        responses["422"] = _ref("responses", "FormationValidationFailed")
        responses["4XX"] = _ref("responses", "FormationError")
        responses["5XX"] = _ref("responses", "FormationError")
    op["responses"] = responses
    return op


def _area_fragments(rules: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """additions/formation/<area>.yaml: each may set keys of operations formation.yaml lists
    (``data``, ``status``, ``errors``…) and define the component schemas they name."""
    fragments = []
    for path in sorted((HERE / "additions" / "formation").glob("*.yaml")):
        name = f"formation/{path.name}"
        fragment = _load_yaml(name) or {}
        for key, extra in (fragment.get("operations") or {}).items():
            if key not in rules["operations"]:
                raise SpecError(f"{name}: {key} is not an operation of additions/formation.yaml")
            rules["operations"][key] = {**(rules["operations"][key] or {}), **extra}
        fragments.append((name, fragment))
    return fragments


def build() -> dict[str, Any]:
    upstream_path, runtime = _upstream_document()
    common = _load_yaml("common.yaml")
    rules = _load_yaml("formation.yaml")
    fragments = _area_fragments(rules)
    parts = {"server": _load_yaml("server.yaml"), "broker": _load_yaml("broker.yaml")}

    schemas: dict[str, Any] = {}
    runtime_schemas = runtime.get("components", {}).get("schemas", {})
    for name, schema in runtime_schemas.items():
        if name not in rules["replace_schemas"]:
            schemas[name] = copy.deepcopy(schema)

    paths: dict[str, Any] = {}
    seen: set[str] = set()
    undescribed: list[str] = []
    for path, item in runtime["paths"].items():
        for method in METHODS:
            if method not in item:
                continue
            key = f"{method.upper()} {path}"
            if key in rules["drop"]:
                continue
            extra = rules["operations"].get(key)
            if extra is None:
                undescribed.append(key)
                extra = {}
            seen.add(key)
            op = _formation_operation(key, item[method], extra, rules, schemas)
            paths.setdefault(path, {})[method] = op
    stale = sorted(set(rules["operations"]) - seen)
    if stale:
        raise SpecError(f"additions/formation.yaml describes operations the runtime no longer has: {stale}")

    components: dict[str, Any] = {
        "securitySchemes": {},
        "parameters": {},
        "headers": {},
        "responses": {},
        "schemas": {},
        "examples": {},
    }

    def merge_components(source: str, new: dict[str, Any] | None) -> None:
        for kind, entries in (new or {}).items():
            bucket = components.setdefault(kind, {})
            for name, value in entries.items():
                if name in bucket:
                    raise SpecError(f"{source}: components/{kind}/{name} is defined twice")
                bucket[name] = value

    merge_components("common.yaml", common.get("components"))
    merge_components("formation.yaml", rules.get("components"))
    for name, fragment in fragments:
        merge_components(name, fragment.get("components"))
    for name, schema in schemas.items():
        if name in components["schemas"]:
            raise SpecError(f"runtime schema {name} collides with an addition; list it in replace_schemas")
        components["schemas"][name] = schema
    for part_name, part in parts.items():
        for path, item in part["paths"].items():
            if path in paths:
                raise SpecError(f"{part_name}.yaml: path {path} is already defined")
            paths[path] = item
        merge_components(f"{part_name}.yaml", part.get("components"))
    for path, item in common["paths"].items():
        if path in paths:
            raise SpecError(f"common.yaml: path {path} is already defined")
        paths[path] = item

    ids: dict[str, str] = {}
    for path, item in paths.items():
        for method, op in item.items():
            previous = ids.setdefault(op["operationId"], f"{method.upper()} {path}")
            if previous != f"{method.upper()} {path}":
                raise SpecError(f"operationId {op['operationId']} used by {previous} and {method.upper()} {path}")

    document = {
        "openapi": "3.1.0",
        "info": dict(common["info"]),
        "servers": common["servers"],
        "tags": common["tags"],
        "paths": paths,
        "components": {kind: dict(sorted(entries.items())) for kind, entries in components.items() if entries},
    }
    document["info"]["x-meshkit-formation-runtime"] = {
        "document": f"upstream/{upstream_path.name}",
        "version": runtime["info"]["version"],
    }
    for key in undescribed:
        print(f"build_spec: {key} has no entry in additions/formation.yaml; derived defaults used", file=sys.stderr)
    return document


class _Dumper(yaml.SafeDumper):
    """Block style, no aliases, long descriptions kept as literal blocks."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def render(document: dict[str, Any]) -> str:
    """The YAML text of mesh.yaml for ``document``."""
    header = "# GENERATED by openapi/build_spec.py from upstream/ and additions/ — edit those, then `make spec`.\n"
    return header + yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)


def main() -> int:
    try:
        document = build()
    except SpecError as exc:
        print(f"build_spec: {exc}", file=sys.stderr)
        return 1
    OUTPUT.write_text(render(document), encoding="utf-8")
    count = sum(len(item) for item in document["paths"].values())
    print(f"build_spec: wrote {OUTPUT.relative_to(HERE.parent)} ({count} operations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
