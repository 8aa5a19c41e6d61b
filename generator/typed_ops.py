"""The typed ``ops`` classes: one method per operation of each API, written by ``make generate``.

For every operation, the method takes the generated builder's own parameters (read from its
``request_kwargs`` signature, so names, types and defaults are exactly the builder's), without
the headers meshkit sets itself, plus what the façade adds (``as_user``/``user_id``,
``idempotency_key``, ``stream``). It returns the operation's data model, or a stream of its typed
events. Its docstring is the spec's summary and description.

Only the asyncio classes are rendered here (``clients/meshkit/_operations/<tag>_async.py``); their
blocking twins come from generator/unasync.py, like every other sync twin. Sending stays in the
hand-written planners (``FormationOps``, ``ServerOps``, ``BrokerOps``) the classes extend.
"""

from __future__ import annotations

import ast
import keyword
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Headers meshkit sets from the call's options (``as_user``, ``idempotency_key``) or from whether
# the caller asked for a stream (``Accept``): never a typed argument of their own.
_MANAGED = {"x_muxi_user_id", "x_muxi_idempotency_key", "accept"}

_PLANNERS = {
    "formation": ("FormationOps", "..formation._base", "formation"),
    "server": ("ServerOps", "..server._base", "server"),
    "broker": ("BrokerOps", "..broker._base", "AiMesh broker"),
}


@dataclass(frozen=True)
class Parameter:
    """One parameter of a generated builder's ``request_kwargs``."""

    name: str
    annotation: str  # as written in the builder (``int | Unset``)
    default: str | None  # source text, None when required
    positional: bool

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class Builder:
    """What the generated module of one operation offers: its parameters, and where each type
    its annotations name comes from (``ChatRequest`` → ``models.chat_request``)."""

    parameters: tuple[Parameter, ...]
    imports: dict[str, str]


def read_builder(module: Path) -> Builder:
    """The parameters and type imports of a generated operation module."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imports: dict[str, str] = {}
    function: ast.FunctionDef | None = None
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 3 and node.module:
            for alias in node.names:
                imports[alias.asname or alias.name] = node.module
        elif isinstance(node, ast.FunctionDef) and node.name == "request_kwargs":
            function = node
    if function is None:
        raise ValueError(f"{module} has no request_kwargs")
    parameters: list[Parameter] = []
    positional = function.args.args
    defaults = [None] * (len(positional) - len(function.args.defaults)) + list(function.args.defaults)
    for argument, default in zip(positional, defaults, strict=True):
        parameters.append(_parameter(argument, default, positional=True))
    for argument, default in zip(function.args.kwonlyargs, function.args.kw_defaults, strict=True):
        parameters.append(_parameter(argument, default, positional=False))
    return Builder(tuple(parameters), imports)


def _parameter(argument: ast.arg, default: ast.expr | None, *, positional: bool) -> Parameter:
    assert argument.annotation is not None
    return Parameter(
        argument.arg,
        ast.unparse(argument.annotation),
        None if default is None else ast.unparse(default),
        positional,
    )


def registry_parameters(builder: Builder) -> dict[str, bool]:
    """The registry's view of a builder: parameter name → required."""
    return {parameter.name: parameter.required for parameter in builder.parameters}


def _without_unset(annotation: str) -> tuple[str, bool]:
    """``int | Unset`` → (``int``, True): the annotation without ``Unset``, and whether it had it."""
    parts = [part.strip() for part in annotation.split("|")]
    kept = [part for part in parts if part != "Unset"]
    return " | ".join(kept), len(kept) != len(parts)


def _optional(annotation: str) -> str:
    parts = [part.strip() for part in annotation.split("|")]
    return annotation if "None" in parts else f"{annotation} | None"


def _returns(entry: dict[str, Any]) -> str:
    """What a blocking call of the operation returns, as ``Wire.result`` decodes it."""
    media_type = entry["media_type"]
    if media_type and (media_type == "*/*" or not (media_type.startswith("text/") or media_type.endswith("json"))):
        return "bytes"
    if media_type and media_type.startswith("text/"):
        return "str"
    return str(entry["result_schema"] or "Any")


def _event_type(entry: dict[str, Any]) -> str:
    """The events a stream yields: ChatEvent for chat, else one ``StreamEvent[Literal[name], Model]``
    per event the spec names, so that matching ``event.event`` tells a type checker ``data``'s model.
    A progress stream (one that ends in ``complete``) raises its ``error`` event instead of yielding it
    (server/_base.py); an event without a model carries JSON."""
    events: dict[str, str | None] = dict(entry["events"] or {})
    if events.get("message") == "ChatTokenFrame":
        return "ChatEvent"
    if "complete" in events:
        events.pop("error", None)
    if not events:
        return "StreamEvent[str, JSON]"
    return " | ".join(f"StreamEvent[Literal['{name}'], {model or 'JSON'}]" for name, model in events.items())


def _docstring(operation: dict[str, Any], entry: dict[str, Any], extras: list[str]) -> str:
    lines = [str(operation.get("summary") or operation["operationId"]).strip().rstrip(".") + "."]
    description = str(operation.get("description") or "").strip()
    if description:
        lines += ["", *description.splitlines()]
    lines += ["", f"``{entry['method']} {entry['path']}``", *extras]
    text = "\n".join(line.rstrip() for line in lines).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return text


_OPTIONS = (
    ("extra_headers", "Mapping[str, str]"),
    ("extra_query", "Mapping[str, str | int | float | bool]"),
    ("extra_body", "Mapping[str, object]"),
    ("timeout", "TimeoutArg"),
)


def _method(
    tag: str, operation_id: str, operation: dict[str, Any], entry: dict[str, Any], builder: Builder
) -> tuple[str, set[str]]:
    """One typed method (with its overloads when a flag chooses a stream), and the type names it uses."""
    names: set[str] = set()
    positional: list[str] = []
    keywords: list[str] = []
    passed: list[str] = []
    parameter_names = {parameter.name for parameter in builder.parameters}
    for parameter in builder.parameters:
        if parameter.name in _MANAGED:
            continue
        annotation, had_unset = _without_unset(parameter.annotation)
        if parameter.name == "body":
            annotation = f"{annotation} | bytes" if annotation == "File" else f"{annotation} | Mapping[str, object]"
        names.update(_type_names(annotation))
        if parameter.required:
            text = f"{parameter.name}: {annotation}"
        elif parameter.default == "UNSET" or not had_unset:
            text = f"{parameter.name}: {_optional(annotation)} = None"
        else:
            text = f"{parameter.name}: {_optional(annotation)} = {parameter.default}"
        (positional if parameter.positional else keywords).append(text)
        passed.append(f'"{parameter.name}": {parameter.name}')
    extras: list[str] = []
    # Any formation call may name its end user (the runtime reads the header on every route).
    if tag == "formation":
        keywords.append("as_user: str | None = None")
        passed.append('"as_user": as_user')
        extras.append("``as_user`` (or ``user_id``): the end user, sent as ``X-Muxi-User-ID``.")
        if "user_id" not in parameter_names:
            keywords.append("user_id: str | None = None")
            passed.append('"user_id": user_id')
    if tag != "broker" and "idempotency_key" not in parameter_names:
        keywords.append("idempotency_key: str | None = None")
        passed.append('"idempotency_key": idempotency_key')
    # The per-call options of every method (meshkit._core.options.RequestOptions).
    for option, annotation in _OPTIONS:
        keywords.append(f"{option}: {annotation} | None = None")
        passed.append(f'"{option}": {option}')
    extras.append("``extra_headers``, ``extra_query``, ``extra_body``, ``timeout``: for this call only.")
    returns = _returns(entry)
    names.update(_type_names(returns))
    flag = None
    if entry["stream"] == "optional":
        flag = "follow" if "follow" in parameter_names else "stream"
        if flag == "stream" and "stream" in parameter_names:
            flag = None
    stream_type = f"AsyncStream[{_event_type(entry)}]"
    names.update(_type_names(stream_type))
    if entry["stream"] == "optional" and flag == "stream":
        extras.append("``stream=True``: the answer as a stream of typed events.")
    elif flag == "follow":
        extras.append("``follow=True``: new lines as a stream of typed events.")
    docstring = _docstring(operation, entry, extras)
    invoke = f'self._invoke("{operation_id}", {{{", ".join(passed)}}})'

    def signature(tail: list[str]) -> str:
        head = ["self", *positional]
        if keywords or tail:
            head.append("*")
        return ", ".join(head + [k for k in keywords if not k.startswith(f"{flag}:")] + tail)

    if entry["stream"] == "always":
        return (
            f"    def {operation_id}({signature([])}) -> {stream_type}:\n"
            f'        """{docstring}"""\n'
            f'        return cast("{stream_type}", {invoke})\n'
        ), names
    if flag is None:
        return (
            f"    def {operation_id}({signature([])}) -> Coroutine[object, None, {returns}]:\n"
            f'        """{docstring}"""\n'
            f'        return cast("Coroutine[object, None, {returns}]", {invoke})\n'
        ), names
    if flag == "stream":
        passed.append('"stream": stream')
        invoke = f'self._invoke("{operation_id}", {{{", ".join(passed)}}})'
    blocking = f"Coroutine[object, None, {returns}]"
    both = f"{blocking} | {stream_type}"
    return (
        "    @overload\n"
        f"    def {operation_id}({signature([f'{flag}: Literal[False] | None = ...'])}) -> {blocking}: ...\n"
        "    @overload\n"
        f"    def {operation_id}({signature([f'{flag}: Literal[True]'])}) -> {stream_type}: ...\n"
        "    @overload\n"
        f"    def {operation_id}({signature([f'{flag}: bool | None = ...'])}) -> {both}: ...\n"
        f"    def {operation_id}({signature([f'{flag}: bool | None = None'])}) -> {both}:\n"
        f'        """{docstring}"""\n'
        f'        return cast("{both}", {invoke})\n'
    ), names


_BUILTIN_TYPES = {
    *("str", "int", "float", "bool", "bytes", "None", "Any", "object", "dict", "list", "Literal", "Mapping"),
    *("JSON", "StreamEvent", "ChatEvent", "AsyncStream"),  # imported by every module
}


def _type_names(annotation: str) -> set[str]:
    tree = ast.parse(annotation, mode="eval")
    return {
        node.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Name) and node.id not in _BUILTIN_TYPES and not keyword.iskeyword(node.id)
    }


def render(
    tag: str,
    document: dict[str, Any],
    entries: dict[str, dict[str, Any]],
    builders: dict[str, Builder],
) -> str:
    """The async typed operations module of one API."""
    planner, planner_module, api = _PLANNERS[tag]
    operations = {
        op["operationId"]: op
        for item in document["paths"].values()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op and tag in op.get("tags", ())
    }
    methods: list[str] = []
    used: set[str] = set()
    for operation_id in sorted(operations):
        text, names = _method(
            tag, operation_id, operations[operation_id], entries[operation_id], builders[operation_id]
        )
        methods.append(text)
        used |= names
    type_imports: list[str] = []
    imports: dict[str, str] = {}
    for builder in builders.values():
        imports.update(builder.imports)
    imports["File"] = "types"
    for name in sorted(used - {"ChatEvent", "StreamEvent"}):
        # Builders import their body and parameter types; a data model comes from the models package.
        type_imports.append(f"    from .._generated.{imports.get(name, 'models')} import {name}")
    class_name = f"Async{planner.removesuffix('Ops')}Operations"
    return (
        f'"""Every {api} operation of openapi/mesh.yaml as a typed method.\n\n'
        "Generated by generator/typed_ops.py (make generate); do not edit.\n"
        '"""\n\n'
        "from __future__ import annotations\n\n"
        "from collections.abc import Coroutine, Mapping\n"
        "from typing import TYPE_CHECKING, Any, Literal, cast, overload\n\n"
        f"from {planner_module} import {planner}\n\n"
        "if TYPE_CHECKING:\n"
        "    from .._core.config import TimeoutArg\n"
        "    from .._core.events import ChatEvent, StreamEvent\n"
        "    from .._core.jsontypes import JSON\n"
        "    from .._core.streams_async import AsyncStream\n" + "\n".join(type_imports) + "\n\n\n"
        f"class {class_name}({planner}):\n"
        f'    """``{tag}.ops.<operation_id>(...)``: every {api} operation of the spec, typed.\n\n'
        "    Each method takes the operation's parameters (path parameters positionally, the rest by\n"
        "    keyword; ``body=`` a model or a dict) and returns its data model; a stream returns a\n"
        "    stream of typed events. Calls share the client's auth, retries, typed errors and timeouts.\n"
        '    """\n\n' + "\n".join(methods) + f'\n\n__all__ = ["{class_name}"]\n'
    )
