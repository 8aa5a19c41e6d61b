"""Does a recorded answer of the real runtime match openapi/mesh.yaml?

For one operation: its status must be documented, its content type must be the documented one,
and a JSON body must validate against the documented response schema (JSON Schema 2020-12, as
OpenAPI 3.1 writes it). Returns the problems found, as text, for the test to report.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "mesh.yaml"


@functools.cache
def spec() -> dict[str, Any]:
    with SPEC.open() as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


@functools.cache
def operation(operation_id: str) -> dict[str, Any]:
    for item in spec()["paths"].values():
        for method, op in item.items():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return {**op, "_method": method}
    raise KeyError(operation_id)


def documented_statuses(operation_id: str) -> list[str]:
    return list(operation(operation_id)["responses"])


def _response(operation_id: str, status: int) -> dict[str, Any] | None:
    responses = operation(operation_id)["responses"]
    for key in (str(status), f"{str(status)[0]}XX", "default"):
        if key in responses:
            answer: dict[str, Any] = responses[key]
            if "$ref" in answer:
                answer = spec()["components"]["responses"][answer["$ref"].rsplit("/", 1)[-1]]
            return answer
    return None


def problems(operation_id: str, status: int, content_type: str, body: Any) -> list[str]:
    found: list[str] = []
    responses = operation(operation_id)["responses"]
    if str(status) not in responses and f"{str(status)[0]}XX" not in responses:
        found.append(f"status {status} is not documented (documented: {documented_statuses(operation_id)})")
    response = _response(operation_id, status)
    if response is None:
        return found
    content = response.get("content") or {}
    media = content_type.split(";", 1)[0].strip()
    # A documented range ("*/*", "text/*") covers the media types it names (an artifact's content).
    media = next((m for m in content if m == media), None) or next(
        (m for m in content if m == "*/*" or (m.endswith("/*") and media.startswith(m[:-1]))), media
    )
    if content and media not in content:
        found.append(f"content type {media!r} is not documented ({sorted(content)})")
        return found
    schema = (content.get(media) or {}).get("schema")
    if schema is None or not isinstance(body, (dict, list)) or "_stream" in body:
        return found
    if "json" not in media:  # text or bytes (an artifact's content): the recorder keeps no JSON of it
        return found
    validator = Draft202012Validator({**schema, "components": spec()["components"]})
    for error in sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))[:8]:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        found.append(f"{where}: {error.message[:200]}")
    return found
