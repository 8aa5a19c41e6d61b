"""Request validation for the three APIs of the dev server, driven by the spec.

The spec (openapi/mesh.yaml) ships with the package as ``meshkit/_generated/openapi.json``; it is
read here as a data file (the dev server imports no client code). For the operation matched by method
and route, :class:`CheckedOperation` checks

* path, query and header parameters: presence of the required ones, then their schema (type, enum,
  range, length, pattern) after the string → integer / number / boolean coercion FastAPI applies to
  parameters (so ``?limit=5`` is the integer 5 and ``?active_only=yes`` is true);
* JSON request bodies: presence when required, valid JSON, then the schema (required properties,
  types, enums, ranges…; extra properties are allowed unless the schema forbids them). Binary bodies
  (``application/gzip`` bundles) are not read.

It returns :class:`Problem` values; each API answers them in its own shape (:func:`formation_answer`,
:func:`server_message`, :func:`broker_terms`). Security headers (keys, ``Authorization``) are not
parameters in the spec and are never looked at: authentication runs before validation, so a 401 wins
over a validation error.

Where an API's contract differs from plain schema validation, its :class:`Policy` says so, with the
contract section that rules (the policies are at the end of this module).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any, Literal, cast

from jsonschema import Draft202012Validator, FormatChecker  # type: ignore[import-untyped]
from jsonschema.exceptions import ValidationError, best_match  # type: ignore[import-untyped]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from starlette.requests import Request

Location = Literal["path", "query", "header", "body"]

SPEC_URI = "urn:meshkit:openapi"
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
_LOCATION_ORDER = {"path": 0, "query": 1, "header": 2, "body": 3}
_INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}


# --- problems ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One way a request breaks the spec.

    ``kind`` and ``msg`` are the pydantic error type and message the formation runtime (FastAPI)
    reports for the same failure; ``expected`` completes "<field> must be …" for terser bodies.
    """

    location: Location
    name: str  # the parameter's name; "" for the body
    path: tuple[str | int, ...]  # inside the parameter or the body
    kind: str
    msg: str
    expected: str

    @property
    def field(self) -> str:
        """Dot path: body fields bare (``message``, ``files.0``; ``body`` for the whole body),
        parameters with their location (``query.limit``, ``header.X-Formation-ID``)."""
        if self.location == "body":
            return ".".join(str(part) for part in self.path) or "body"
        return ".".join([self.location, self.name, *(str(part) for part in self.path)])

    @property
    def sentence(self) -> str:
        """``<field> is required`` or ``<field> must be <expected>``."""
        if self.kind == "missing":
            return f"{self.field} is required"
        return f"{self.field} must be {self.expected}"


_TYPES: dict[str, tuple[str, str, str]] = {
    # JSON type → (pydantic type, pydantic message, expected)
    "string": ("string_type", "Input should be a valid string", "a string"),
    "integer": ("int_type", "Input should be a valid integer", "an integer"),
    "number": ("float_type", "Input should be a valid number", "a number"),
    "boolean": ("bool_type", "Input should be a valid boolean", "a boolean"),
    "object": ("dict_type", "Input should be a valid dictionary", "an object"),
    "array": ("list_type", "Input should be a valid list", "an array"),
    "null": ("none_required", "Input should be None", "null"),
}
# A parameter arrives as text: FastAPI reports text it could not convert as a parsing error.
_PARSING: dict[str, tuple[str, str]] = {
    "integer": ("int_parsing", "Input should be a valid integer, unable to parse string as an integer"),
    "number": ("float_parsing", "Input should be a valid number, unable to parse string as a number"),
    "boolean": ("bool_parsing", "Input should be a valid boolean, unable to interpret input"),
}


def _plural(count: Any, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _choices(values: Sequence[Any]) -> str:
    quoted = [repr(value) if isinstance(value, str) else json.dumps(value) for value in values]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _problems_of(error: ValidationError, location: Location, name: str, from_text: bool) -> Iterator[Problem]:
    """The problems one (leaf) schema error stands for, worded like pydantic."""
    keyword, limit, instance = error.validator, error.validator_value, error.instance
    path = tuple(error.absolute_path)

    def problem(kind: str, msg: str, expected: str, at: tuple[str | int, ...] = path) -> Problem:
        return Problem(location, name, at, kind, msg, expected)

    if keyword == "type":
        allowed = [limit] if isinstance(limit, str) else list(limit)
        wanted = [kind for kind in allowed if kind != "null"] or allowed
        first = wanted[0] if wanted[0] in _TYPES else "string"
        kind, msg, _ = _TYPES[first]
        if from_text and isinstance(instance, str) and first in _PARSING:
            kind, msg = _PARSING[first]
        elif first == "integer" and isinstance(instance, float):
            kind, msg = "int_from_float", "Input should be a valid integer, got a number with a fractional part"
        yield problem(kind, msg, " or ".join(_TYPES.get(kind_, ("", "", kind_))[2] for kind_ in wanted))
    elif keyword == "required":
        for missing in limit:
            if isinstance(instance, dict) and missing not in instance:
                yield problem("missing", "Field required", "present", (*path, missing))
    elif keyword in ("enum", "const"):
        values = list(limit) if keyword == "enum" else [limit]
        yield problem("enum", f"Input should be {_choices(values)}", f"one of {_choices(values)}")
    elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        kind, words = {
            "minimum": ("greater_than_equal", "greater than or equal to"),
            "maximum": ("less_than_equal", "less than or equal to"),
            "exclusiveMinimum": ("greater_than", "greater than"),
            "exclusiveMaximum": ("less_than", "less than"),
        }[keyword]
        yield problem(kind, f"Input should be {words} {limit}", f"{words} {limit}")
    elif keyword == "minLength":
        count = _plural(limit, "character")
        yield problem("string_too_short", f"String should have at least {count}", f"at least {count} long")
    elif keyword == "maxLength":
        count = _plural(limit, "character")
        yield problem("string_too_long", f"String should have at most {count}", f"at most {count} long")
    elif keyword == "pattern":
        yield problem("string_pattern_mismatch", f"String should match pattern '{limit}'", f"matching {limit}")
    elif keyword == "minItems":
        count = _plural(limit, "item")
        yield problem("too_short", f"List should have at least {count}", f"at least {count} long")
    elif keyword == "maxItems":
        count = _plural(limit, "item")
        yield problem("too_long", f"List should have at most {count}", f"at most {count} long")
    elif keyword == "additionalProperties" and limit is False and isinstance(instance, dict):
        declared = error.schema.get("properties", {})
        patterns = [re.compile(pattern) for pattern in error.schema.get("patternProperties", {})]
        for key in instance:
            if key not in declared and not any(pattern.search(key) for pattern in patterns):
                yield problem("extra_forbidden", "Extra inputs are not permitted", "absent", (*path, key))
    elif keyword == "format" and limit in _INT_RANGES:
        bits = limit[3:]
        yield problem("int_overflow", f"Input should be a valid {bits}-bit integer", f"a {bits}-bit integer")
    elif keyword == "multipleOf":
        yield problem("multiple_of", f"Input should be a multiple of {limit}", f"a multiple of {limit}")
    else:
        yield problem("value_error", str(error.message), "valid")


def _is_null_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "null"


def _leaves(error: ValidationError) -> Iterator[ValidationError]:
    """The errors to report for one schema error: an ``anyOf``/``oneOf`` failure is explained by
    the branch that was meant (the only non-null one, else the best match), like pydantic does for
    ``Optional[X]``."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        yield error
        return
    branches: dict[int, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(int(sub.relative_schema_path[0]), []).append(sub)
    meant = [index for index, schema in enumerate(error.validator_value) if not _is_null_schema(schema)]
    if len(meant) == 1 and meant[0] in branches:
        for sub in branches[meant[0]]:
            yield from _leaves(sub)
        return
    yield from _leaves(best_match(error.context))


# --- the spec ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Parameter:
    location: Location
    name: str
    required: bool
    pointer: str  # JSON pointer of its schema in the document
    types: tuple[str, ...]  # JSON types the schema allows, in order (drives coercion from text)


@dataclass(frozen=True)
class Body:
    required: bool
    pointer: str | None  # the JSON schema's pointer; None for a body that is not JSON (bundles)


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, as far as requests go."""

    operation_id: str
    method: str
    path: str
    parameters: tuple[Parameter, ...]
    body: Body | None
    statuses: frozenset[str]  # the documented response statuses ("200", "4XX", "default"…)

    def documents(self, status: int) -> bool:
        """Whether the operation may answer ``status``."""
        return bool({str(status), f"{str(status)[0]}XX", "DEFAULT"} & self.statuses)

    @property
    def path_names(self) -> list[str]:
        return re.findall(r"{([^}/]+)}", self.path)


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _shape(template: str) -> str:
    """A route template without parameter names and converters: ``/v1/triggers/{}``."""
    return re.sub(r"{[^}]*}", "{}", template)


class Spec:
    """The operations of the document and a compiled validator per schema."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.registry: Registry[Any] = Registry().with_resource(
            SPEC_URI, Resource.from_contents(document, default_specification=DRAFT202012)
        )
        self.format_checker = FormatChecker(formats=())
        for name, (low, high) in _INT_RANGES.items():
            self.format_checker.checks(name)(_in_range(low, high))
        self.operations: dict[tuple[str, str], Operation] = {}
        for path, item in document.get("paths", {}).items():
            shared = item.get("parameters", [])
            for method in _METHODS:
                if method in item:
                    operation = self._operation(path, method, item[method], shared)
                    self.operations[(method.upper(), _shape(path))] = operation
        self._validators: dict[str, Any] = {}

    def _resolve(self, node: Any) -> Any:
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
            target: Any = self.document
            for token in node["$ref"][2:].split("/"):
                target = target[token.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def _types(self, schema: Any) -> tuple[str, ...]:
        schema = self._resolve(schema)
        if not isinstance(schema, dict):
            return ()
        kinds = schema.get("type")
        found = [kinds] if isinstance(kinds, str) else list(kinds or [])
        for keyword in ("anyOf", "oneOf", "allOf"):
            for branch in schema.get(keyword, []):
                found.extend(kind for kind in self._types(branch) if kind not in found)
        return tuple(found)

    def _operation(self, path: str, method: str, raw: dict[str, Any], shared: list[Any]) -> Operation:
        base = f"#/paths/{_escape(path)}/{method}"
        parameters: dict[tuple[str, str], Parameter] = {}
        for origin, items in (
            (f"#/paths/{_escape(path)}/parameters", shared),
            (f"{base}/parameters", raw.get("parameters", [])),
        ):
            for index, item in enumerate(items):
                pointer = f"{origin}/{index}"
                if "$ref" in item:
                    pointer = item["$ref"]
                    item = self._resolve(item)
                if item.get("in") not in ("path", "query", "header") or "schema" not in item:
                    continue  # cookies, and content-typed parameters (none in the spec)
                location = cast(Location, item["in"])
                parameters[(location, item["name"].lower())] = Parameter(
                    location,
                    item["name"],
                    bool(item.get("required")) or location == "path",
                    f"{pointer}/schema",
                    self._types(item["schema"]),
                )
        body = None
        if "requestBody" in raw:
            pointer = f"{base}/requestBody"
            request_body = raw["requestBody"]
            if "$ref" in request_body:
                pointer, request_body = request_body["$ref"], self._resolve(request_body)
            content = request_body.get("content", {})
            json_type = next((media for media in content if media.split(";")[0].strip().endswith("json")), None)
            schema_pointer = None
            if json_type is not None and "schema" in content[json_type]:
                schema_pointer = f"{pointer}/content/{_escape(json_type)}/schema"
            body = Body(bool(request_body.get("required")), schema_pointer)
        statuses = frozenset(str(status).upper() for status in raw.get("responses", {}))
        return Operation(
            raw.get("operationId", f"{method} {path}"), method.upper(), path, tuple(parameters.values()), body, statuses
        )

    def validator(self, pointer: str) -> Any:
        """The compiled validator of the schema at ``pointer`` (a ``#/…`` pointer into the document)."""
        if pointer not in self._validators:
            self._validators[pointer] = Draft202012Validator(
                {"$ref": SPEC_URI + pointer}, registry=self.registry, format_checker=self.format_checker
            )
        return self._validators[pointer]

    def operation(self, method: str, template: str) -> Operation | None:
        """The operation served by ``METHOD template`` (a route template, e.g. ``/v1/triggers/{name}``
        or ``/endpoints/{endpoint_id:path}``; parameter names need not match the spec's)."""
        return self.operations.get((method.upper(), _shape(template)))

    def check(self, policy: Policy, method: str, template: str) -> CheckedOperation | None:
        """The checker of one route under an API's policy. None when the spec does not describe the
        route, or documents no refusal for it: an operation whose responses do not include the API's
        validation status (or its class, ``4XX``) takes whatever it is sent, as the real server does."""
        operation = self.operation(method, template)
        if operation is None or not operation.documents(policy.status):
            return None
        return CheckedOperation(self, operation, policy)


def _in_range(low: int, high: int) -> Any:
    def check(instance: object) -> bool:
        if isinstance(instance, bool) or not isinstance(instance, int | float):
            return True  # formats only constrain the type they are about
        return low <= instance <= high

    return check


@functools.cache
def spec() -> Spec:
    """The packaged spec, parsed once per process."""
    text = files("meshkit").joinpath("_generated").joinpath("openapi.json").read_text(encoding="utf-8")
    return Spec(json.loads(text))


# --- coercion ----------------------------------------------------------------------------------

_BOOLEAN_WORDS = {
    **dict.fromkeys(("0", "off", "f", "false", "n", "no"), False),
    **dict.fromkeys(("1", "on", "t", "true", "y", "yes"), True),
}
_INTEGER_TEXT = re.compile(r"\s*([+-]?\d+(?:_\d+)*)(?:\.0*)?\s*")


def coerce(text: str, types: Sequence[str]) -> Any:
    """A parameter's text as FastAPI (pydantic's lax mode) reads it for a schema allowing ``types``:
    text stays text when a string is allowed; otherwise the first type it converts to wins; text that
    converts to none stays text (and fails the schema)."""
    if not types or "string" in types:
        return text
    for kind in types:
        if kind == "integer" and (match := _INTEGER_TEXT.fullmatch(text)):
            return int(match.group(1))
        if kind == "number":
            try:
                return float(text.strip())
            except ValueError:
                continue
        if kind == "boolean" and text.lower() in _BOOLEAN_WORDS:
            return _BOOLEAN_WORDS[text.lower()]
    return text


# --- checking ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Policy:
    """How one API departs from plain schema validation, each rule backed by its contract file.

    Parameter keys are ``"<location>:<name>"`` (names lower-cased), optionally prefixed by an
    operation id and a space to apply to one operation only.
    """

    api: str
    status: int  # the status of a validation refusal
    ignored: frozenset[str] = frozenset()  # parameters left to the API's own rules
    presence_only: frozenset[str] = frozenset()  # only presence is checked; an empty value is absent
    body_keywords: frozenset[str] | None = None  # the schema keywords checked in bodies (None: all)
    null_is_absent: bool = False  # a null body property counts as absent
    lenient_enums: bool = False  # enum values (type and spelling) are left to the API's own parsing
    items_checked_alone: Mapping[str, str] = field(default_factory=dict)  # operation id → array property

    def rule(self, operation: Operation, parameter: Parameter) -> Literal["ignored", "presence", "full"]:
        key = f"{parameter.location}:{parameter.name.lower()}"
        keys = (key, f"{operation.operation_id} {key}")
        if any(item in self.ignored for item in keys):
            return "ignored"
        if any(item in self.presence_only for item in keys):
            return "presence"
        return "full"


@dataclass(frozen=True)
class CheckedOperation:
    """One operation under one API's policy."""

    spec: Spec
    operation: Operation
    policy: Policy

    @property
    def reads_body(self) -> bool:
        return self.operation.body is not None and self.operation.body.pointer is not None

    def parameters(
        self, path_values: Sequence[str], query: Mapping[str, str], headers: Mapping[str, str]
    ) -> list[Problem]:
        """Problems of the path, query and header parameters. ``path_values`` are the route's path
        parameters in template order (their names may differ from the spec's)."""
        path = dict(zip(self.operation.path_names, path_values, strict=False))
        problems: list[Problem] = []
        for parameter in self.operation.parameters:
            rule = self.policy.rule(self.operation, parameter)
            if rule == "ignored":
                continue
            source: Mapping[str, str] = {"path": path, "query": query, "header": headers}[parameter.location]
            text = source.get(parameter.name)
            if parameter.location == "header" and text is None:
                text = headers.get(parameter.name.lower())
            if rule == "presence" and not text:
                text = None
            if text is None:
                if parameter.required:
                    problems.append(
                        Problem(parameter.location, parameter.name, (), "missing", "Field required", "present")
                    )
                continue
            if rule == "presence":
                continue
            value = coerce(text, parameter.types)
            problems.extend(self._schema_problems(parameter.pointer, value, parameter.location, parameter.name, True))
        return problems

    def body(self, raw: bytes, content_type: str | None = None) -> list[Problem]:
        """Problems of a JSON body (nothing for operations without one, or with a binary one). As in
        FastAPI, a body is read as JSON when it has no Content-Type or a JSON one (``application/json``,
        ``application/*+json``); under another media type it is not the object the schema wants."""
        body = self.operation.body
        if body is None or body.pointer is None:
            return []
        if not raw.strip():
            return [self._missing_body()] if body.required else []
        if content_type and not is_json_media_type(content_type):
            message = "Input should be a valid dictionary or object to extract fields from"
            return [Problem("body", "", (), "model_attributes_type", message, "a JSON object (application/json)")]
        try:
            value = json.loads(raw)
        except (ValueError, RecursionError):
            return [Problem("body", "", (), "json_invalid", "JSON decode error", "valid JSON")]
        return self.json(value)

    def json(self, value: Any) -> list[Problem]:
        """Problems of an already decoded JSON body."""
        body = self.operation.body
        if body is None or body.pointer is None:
            return []
        if value is None and body.required:
            return [self._missing_body()]
        if self.policy.null_is_absent and isinstance(value, dict):
            value = {key: item for key, item in value.items() if item is not None}
        problems = self._schema_problems(body.pointer, value, "body", "", False)
        alone = self.policy.items_checked_alone.get(self.operation.operation_id)
        if alone is not None:
            problems = [p for p in problems if not (len(p.path) > 1 and p.path[0] == alone)]
        return problems

    async def check(self, request: Request, body: bytes | None = None) -> list[Problem]:
        """Every problem of a request, parameters first. The body is read from the request unless
        given (an API that limits body sizes reads it itself first)."""
        problems = self.parameters(list(request.path_params.values()), request.query_params, request.headers)
        if self.reads_body:
            raw = await request.body() if body is None else body
            problems.extend(self.body(raw, request.headers.get("content-type")))
        return problems

    def _missing_body(self) -> Problem:
        return Problem("body", "", (), "missing", "Field required", "present")

    def _schema_problems(
        self, pointer: str, value: Any, location: Location, name: str, from_text: bool
    ) -> list[Problem]:
        keywords = self.policy.body_keywords if location == "body" else None
        found: list[Problem] = []
        for error in self.spec.validator(pointer).iter_errors(value):
            for leaf in _leaves(error):
                if keywords is not None and leaf.validator not in keywords:
                    continue
                if self.policy.lenient_enums and isinstance(leaf.schema, dict) and "enum" in leaf.schema:
                    continue
                found.extend(_problems_of(leaf, location, name, from_text))
        return _unique(found)


def is_json_media_type(content_type: str) -> bool:
    """``application/json`` or ``application/<anything>+json``, parameters ignored."""
    media = content_type.split(";", 1)[0].strip().lower()
    kind, _, subtype = media.partition("/")
    return kind == "application" and (subtype == "json" or subtype.endswith("+json"))


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for problem in sorted(problems, key=lambda p: _LOCATION_ORDER[p.location]):
        if (problem.field, problem.kind) not in seen:
            seen.add((problem.field, problem.kind))
            kept.append(problem)
    return kept


# --- answers -----------------------------------------------------------------------------------

USER_HEADER = "x-muxi-user-id"


def _is_missing_user(problem: Problem) -> bool:
    return problem.location == "header" and problem.name.lower() == USER_HEADER and problem.kind == "missing"


def formation_answer(problems: Sequence[Problem]) -> tuple[int, str, str, dict[str, Any] | None]:
    """(status, message, code, data) of the formation's refusal (formation.md §4): 422
    ``INVALID_PARAMS`` listing every problem in ``validation_errors``. A missing required user header
    alone is the runtime's own 400 ``INVALID_REQUEST`` (formation.md §2), which its handlers raise
    after the framework validated the rest."""
    listed = [problem for problem in problems if not _is_missing_user(problem)]
    if not listed:
        return 400, "X-Muxi-User-ID header is required", "INVALID_REQUEST", None
    errors = [{"field": p.field, "msg": p.msg, "type": p.kind, "error": p.msg} for p in listed]
    return 422, "Request validation failed", "INVALID_PARAMS", {"validation_errors": errors}


def server_message(problems: Sequence[Problem]) -> str:
    """The ``message`` of the MUXI Server's 400 (server.md §2): the first problem."""
    problem = problems[0]
    if problem.location == "body":
        where = "request body" if not problem.path else f"field '{problem.field}' of the request body"
    else:
        where = f"{problem.location} parameter '{'.'.join([problem.name, *map(str, problem.path)])}'"
    return f"Invalid {where}: {problem.msg}"


def broker_terms(problems: Sequence[Problem]) -> tuple[str, str]:
    """(field, description) of the broker's 400 ``invalid_request`` (broker.md §4): the first problem."""
    problem = problems[0]
    return problem.field, problem.sentence


# --- the three APIs ----------------------------------------------------------------------------

# Headers the spec documents but no server validates: the caller's Accept is a preference, and the
# idempotency key is honoured where it applies and ignored elsewhere (README "Idempotency key").
_READ_NOT_VALIDATED = frozenset({"header:accept", "header:x-muxi-idempotency-key"})

FORMATION = Policy(
    "formation",
    422,
    ignored=_READ_NOT_VALIDATED,
    # formation.md §2: the runtime declares the user header as an optional string; an empty one is
    # absent, and where a user is required its absence is the handlers' 400, not a 422.
    presence_only=frozenset({f"header:{USER_HEADER}"}),
)

SERVER = Policy(
    "server",
    400,
    ignored=_READ_NOT_VALIDATED
    | {
        # server.md §4 and §10: deploy checks X-Formation-ID itself (400 MissingHeader / InvalidFormationID,
        # reserved ids included); elsewhere a formation id that cannot exist is simply not found (404).
        "header:x-formation-id",
        "path:formation_id",
    },
    # The query parameters (logs' lines, stream and follow, download's db) belong to operations that
    # document no 400: the server reads them leniently (server.md §6, §7), so nothing refuses them.
)

BROKER = Policy(
    "broker",
    400,
    ignored=_READ_NOT_VALIDATED,
    # broker.md §1-§2 and §5.2: presence (server defaults, the tokens alias), ranges, patterns and
    # (configurable) sizes are the broker's own rules with their own codes; the schema adds the JSON
    # types, int64 included.
    body_keywords=frozenset({"type", "format"}),
    null_is_absent=True,  # broker.md §1: null means absent
    lenient_enums=True,  # broker.md §1: enums are parsed leniently (health_status 1, "HEALTHY"…)
    items_checked_alone={"send_batch": "messages"},  # broker.md §5.8: each item fails in its own ack
)
