"""docs/migration.md keeps its promises: the meshkit calls its tables name exist, and its "after"
examples run against a dev server standing in for `make serve` and print what the page shows.

Every backticked span of a table's "meshkit call" column is read as a Python expression and
resolved against meshkit: names through the package (``meshkit.Formation``), lower-case instance
names through ``INSTANCES`` (``formation.chat_stream(...)`` is ``Formation.chat_stream``), return
types through the annotations, and each call's arguments bound against the real signature (for
``ops.<operation>`` calls, the generated operation's parameters).
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import os
import re
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

import meshkit
import pytest
from meshkit._core.options import OPTION_NAMES
from meshkit.devserver import DevServer

DOC = Path(__file__).resolve().parents[2] / "docs" / "migration.md"
MAKE_SERVE_URL = "http://127.0.0.1:7890"
TABLE_HEADER = "| old call | meshkit call | notes |"
OFFLINE_URL = "http://127.0.0.1:9"  # never contacted: building a client sends nothing

# The instance names the tables use, and what they are (the doc says the same in prose).
INSTANCES: dict[str, type] = {
    "formation": meshkit.Formation,
    "async_formation": meshkit.AsyncFormation,
    "server": meshkit.ServerClient,
    "async_server": meshkit.AsyncServerClient,
    "client": meshkit.AiMeshClient,
    "async_client": meshkit.AsyncAiMeshClient,
    "result": meshkit.ChatResult,
    "stream": meshkit.Stream,
    "event": meshkit.ChatEvent,
    "session": meshkit.Session,
    "ack": meshkit.Acknowledgment,
    "error": meshkit.APIError,
}

# Attributes set per instance (``formation.ops``) are looked up on a client built offline.
OFFLINE: dict[type, Callable[[], Any]] = {
    meshkit.Formation: lambda: meshkit.Formation(url=OFFLINE_URL, client_key="fmc", admin_key="fma"),
    meshkit.AsyncFormation: lambda: meshkit.AsyncFormation(url=OFFLINE_URL, client_key="fmc", admin_key="fma"),
    meshkit.ServerClient: lambda: meshkit.ServerClient(OFFLINE_URL, "MUXI_offline", "sk_offline"),
    meshkit.AsyncServerClient: lambda: meshkit.AsyncServerClient(OFFLINE_URL, "MUXI_offline", "sk_offline"),
    meshkit.AiMeshClient: lambda: meshkit.AiMeshClient(OFFLINE_URL),
    meshkit.AsyncAiMeshClient: lambda: meshkit.AsyncAiMeshClient(OFFLINE_URL),
}


# --- reading the page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    section: str
    old: str
    new: str
    notes: str


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _table_rows() -> list[Row]:
    rows: list[Row] = []
    section = ""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if line.startswith("## "):
            section = line[3:]
        if line.strip() != TABLE_HEADER:
            continue
        for row in lines[number + 2 :]:
            if not row.startswith("|"):
                break
            cells = _cells(row)
            assert len(cells) == 3, f"{section}: a row without three cells: {row}"
            rows.append(Row(section, *cells))
    return rows


@dataclass(frozen=True)
class Block:
    section: str
    marker: str | None
    lang: str
    body: str


FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.S | re.M)
MARKER = re.compile(r"<!-- ([\w:\- ]+?) -->\s*$")


def _blocks() -> list[Block]:
    text = DOC.read_text(encoding="utf-8")
    blocks = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        marker = MARKER.fullmatch(before.strip())
        sections = re.findall(r"^## (.+)$", text[: match.start()], re.M)
        blocks.append(Block(sections[-1] if sections else "", marker[1] if marker else None, match[1], match[2]))
    return blocks


ROWS = _table_rows()
BLOCKS = _blocks()
SECTIONS = ["From the muxi SDK", "From the AiMesh SDK", "From the Mesh SDK"]


def _examples() -> list[tuple[str, str, str]]:
    """(section, "after" code, the output shown under it) for every runnable block."""
    examples = []
    for index, block in enumerate(BLOCKS):
        if block.marker != "runnable":
            continue
        output = BLOCKS[index + 1] if index + 1 < len(BLOCKS) else None
        assert output is not None and output.marker == "output", f"{block.section}: a runnable block needs its output"
        examples.append((block.section, block.body, output.body))
    return examples


# --- resolving a meshkit call ---------------------------------------------------------------------


class Unresolved(AssertionError):
    pass


@dataclass(frozen=True)
class Of:
    """An instance of ``cls`` (its attributes are checked against the class)."""

    cls: type


def _spans(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def _public_type(annotation: Any, owner: type) -> Any:
    """The meshkit class an annotation names (``"ChatResult"``, ``"Stream[ChatEvent]"``, ``Self``), if any."""
    if not isinstance(annotation, str):
        annotation = getattr(annotation, "__name__", "")
    name = re.match(r"\w*", annotation.strip("'\""))
    head = name[0] if name else ""
    if head == "Self":
        return Of(owner)
    from meshkit._generated import models

    for namespace in (meshkit, models):
        found = getattr(namespace, head, None) if head else None
        if isinstance(found, type):
            return Of(found)
    return None


@functools.cache
def _offline(cls: type) -> Any:
    return OFFLINE[cls]()


def _declared(cls: type, name: str) -> Any:
    """An attribute instances of ``cls`` have without the class having it: a declared field, an
    error's constructor argument (meshkit errors keep each under its name: ``retry_after``), or an
    attribute a client sets per instance (``ops``)."""
    for klass in cls.__mro__:
        annotations = vars(klass).get("__annotations__", {})
        if name in annotations:
            return _public_type(annotations[name], cls)
    if issubclass(cls, BaseException):
        for klass in cls.__mro__:
            init = vars(klass).get("__init__")
            if inspect.isfunction(init) and name in inspect.signature(init).parameters:
                return None
    if cls in OFFLINE and name in vars(_offline(cls)):
        return getattr(_offline(cls), name)
    raise Unresolved(f"{cls.__name__} has no attribute {name!r}")


@dataclass(frozen=True)
class Method:
    """A function defined on a class (called on an instance, so its ``self`` is implied)."""

    cls: type
    name: str


def _attribute(value: Any, name: str) -> Any:
    if value is None:
        raise Unresolved(f"cannot check .{name}: the value before it has no known meshkit type")
    if isinstance(value, types.ModuleType):
        if hasattr(value, name):
            return getattr(value, name)
        try:
            return importlib.import_module(f"{value.__name__}.{name}")
        except ImportError:
            raise Unresolved(f"{value.__name__} has no {name!r}") from None
    cls = value.cls if isinstance(value, Of) else value if isinstance(value, type) else None
    if cls is None:
        try:
            return getattr(value, name)
        except AttributeError as exc:
            raise Unresolved(str(exc)) from None
    if not hasattr(cls, name):
        return _declared(cls, name)
    static = inspect.getattr_static(cls, name)
    if isinstance(static, functools.cached_property) and cls in OFFLINE:  # ``ops``: built on first use
        return getattr(_offline(cls), name)
    if isinstance(static, property):
        return _public_type(inspect.signature(static.fget).return_annotation, cls) if static.fget else None
    found = getattr(cls, name)
    if inspect.isfunction(found) or inspect.ismethod(found):
        return Method(cls, name)
    return found if isinstance(value, type) else None


def _bind(function: Callable[..., Any], call: ast.Call, *, self_first: bool) -> None:
    if any(isinstance(arg, ast.Starred) for arg in call.args) or any(k.arg is None for k in call.keywords):
        return
    if len(call.args) == 1 and isinstance(call.args[0], ast.Constant) and call.args[0].value is Ellipsis:
        return  # `f(...)`: any arguments
    placeholders = [None] * (len(call.args) + self_first)
    signature = inspect.signature(function)
    try:
        signature.bind(*placeholders, **{k.arg: None for k in call.keywords if k.arg})
    except TypeError as exc:
        raise Unresolved(f"{getattr(function, '__qualname__', function)}: {exc}") from None
    # ``**options`` takes the per-call options only (meshkit refuses any other keyword at run time).
    if "options" in signature.parameters:
        named = set(signature.parameters) - {"options"}
        for keyword in call.keywords:
            if keyword.arg not in named and keyword.arg not in OPTION_NAMES:
                raise Unresolved(f"{getattr(function, '__qualname__', function)}: no argument {keyword.arg!r}")


def _call(function: Any, call: ast.Call, owner: Any) -> Any:
    if isinstance(function, Method):
        raw = inspect.getattr_static(function.cls, function.name)
        bound = getattr(function.cls, function.name)
        _bind(bound, call, self_first=not isinstance(raw, (staticmethod, classmethod)))
        return _public_type(inspect.signature(bound).return_annotation, function.cls)
    if isinstance(function, type):
        _bind(function, call, self_first=False)
        return Of(function)
    if callable(function):
        _bind(function, call, self_first=False)
        return _public_type(inspect.signature(function).return_annotation, object)
    raise Unresolved(f"{function!r} is not callable")


def _resolve(node: ast.expr) -> tuple[Any, Any]:
    """(the value, the object it was read from) for a name, an attribute chain, a call or an index."""
    if isinstance(node, ast.Name):
        if node.id in INSTANCES:
            return Of(INSTANCES[node.id]), None
        if node.id == "meshkit":
            return meshkit, None
        if not hasattr(meshkit, node.id):
            raise Unresolved(f"meshkit has no {node.id!r} (a lower-case instance name belongs in INSTANCES)")
        return getattr(meshkit, node.id), meshkit
    if isinstance(node, ast.Attribute):
        owner, _ = _resolve(node.value)
        return _attribute(owner, node.attr), owner
    if isinstance(node, ast.Call):
        function, owner = _resolve(node.func)
        return _call(function, node, owner), None
    if isinstance(node, ast.Subscript):
        value, _ = _resolve(node.value)
        if isinstance(value, Of) and not hasattr(value.cls, "__getitem__"):
            raise Unresolved(f"{value.cls.__name__} cannot be indexed")
        return None, None
    raise Unresolved(f"not a name, attribute, call or index: {ast.dump(node)}")


def check_meshkit_call(span: str) -> None:
    """Raise Unresolved unless ``span`` names a real meshkit call, called with valid arguments."""
    source = span.removeprefix("await ").strip()
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError:
        raise Unresolved(f"not a Python expression: {span!r}") from None
    _resolve(tree.body)


def _meshkit_spans() -> Iterator[tuple[str, str]]:
    for row in ROWS:
        for span in _spans(row.new):
            yield row.section, span


# --- the tables -----------------------------------------------------------------------------------


def test_each_section_has_a_table_and_a_before_after_pair() -> None:
    for section in SECTIONS:
        assert any(row.section == section for row in ROWS), f"{section} has no migration table"
        markers = [block.marker for block in BLOCKS if block.section == section and block.lang == "python"]
        assert markers.count("not-runnable: old SDK") == 1 and markers.count("runnable") == 1, section


@pytest.mark.parametrize(("section", "span"), list(_meshkit_spans()))
def test_the_meshkit_call_exists(section: str, span: str) -> None:
    check_meshkit_call(span)


def test_a_row_without_a_meshkit_call_says_so_and_why() -> None:
    for row in ROWS:
        if not _spans(row.new):
            assert row.new == "—", f"{row.section}: {row.old}: name a meshkit call or write —"
            assert row.notes, f"{row.section}: {row.old}: say what to do instead"


def test_the_checker_refuses_what_meshkit_does_not_have() -> None:
    check_meshkit_call("formation.chat_stream(...)")
    check_meshkit_call('formation.ops.list_memories(user_id="user_123", limit=10)')
    check_meshkit_call("meshkit.RateLimitError.retry_after")
    for wrong in (
        "formation.stream_chat(...)",
        "server.get_formation_logs(id, limit=100)",
        "formation.get_session()",
        "formation.ops.get_everything()",
        "formation.ops.list_memories(user=1)",
        "server.start_formation_stream(id)",
        "server.ops.get_formation_logs(id, limit=100)",
        "async_server.ops.send_message(body=...)",
        "meshkit.MeshClient",
        "ack.tokens",
        "formation.url",
    ):
        with pytest.raises(Unresolved):
            check_meshkit_call(wrong)


# --- the code blocks ------------------------------------------------------------------------------


def test_every_python_block_is_marked() -> None:
    for block in BLOCKS:
        if block.lang == "python":
            assert block.marker in ("runnable", "not-runnable: old SDK"), (
                f"{block.section}: a python block needs <!-- runnable --> or <!-- not-runnable: old SDK --> "
                f"right above it:\n{block.body}"
            )


def test_the_before_blocks_are_valid_python() -> None:
    for block in BLOCKS:
        if block.marker == "not-runnable: old SDK":
            compile(block.body, f"{DOC.name} ({block.section}, before)", "exec")


@pytest.mark.parametrize(("section", "code", "output"), _examples(), ids=[s for s, _, _ in _examples()])
def test_the_after_block_prints_what_the_page_shows(
    meshkit_fresh_dev_server: DevServer,
    capsys: pytest.CaptureFixture[str],
    section: str,
    code: str,
    output: str,
) -> None:
    code = code.replace(MAKE_SERVE_URL, meshkit_fresh_dev_server.url)
    with mock.patch.dict(os.environ):  # the Mesh example sets MUXI_* variables: undo them
        for name in [name for name in os.environ if name.startswith(("MUXI_", "AIMESH_"))]:
            del os.environ[name]
        try:
            exec(compile(code, f"{DOC.name} ({section})", "exec"), {})
        finally:
            meshkit.close()
    assert capsys.readouterr().out == output
