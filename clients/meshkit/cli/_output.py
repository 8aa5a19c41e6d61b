"""Everything the CLI prints goes through :class:`Output`: human text (rich) or ``--json``."""

from __future__ import annotations

import dataclasses
import datetime
import json
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table


def plain(value: Any) -> Any:
    """``value`` as JSON-ready data: generated models via ``to_dict()``, dataclasses field by field
    (fields hidden from ``repr``, like raw answers, are left out), bytes as text, times as ISO 8601."""
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return value.to_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.repr}
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


class Output:
    """Human output on stdout, errors on stderr; with ``json=True`` one JSON document per command."""

    def __init__(self, *, json: bool = False, color: bool | None = None) -> None:
        self.json = json
        no_color = json or color is False
        self.console = Console(highlight=False, no_color=no_color, soft_wrap=True)
        self.errors = Console(stderr=True, highlight=False, no_color=no_color, soft_wrap=True)

    def data(self, value: Any) -> None:
        """Print ``value`` as JSON (``--json``) — the machine-readable result of a command."""
        print(json.dumps(plain(value), indent=2, default=str, ensure_ascii=False), flush=True)

    def line(self, text: str = "", *, style: str | None = None) -> None:
        """One human line (rich markup is not interpreted)."""
        self.console.print(text, style=style, markup=False)

    def token(self, text: str) -> None:
        """Part of a streamed answer, shown at once."""
        sys.stdout.write(text)
        sys.stdout.flush()

    def result(self, value: Any, human: str) -> None:
        """A command's result: ``value`` as JSON, or the ``human`` line."""
        if self.json:
            self.data(value)
        else:
            self.line(human)

    def table(self, rows: Sequence[Any], columns: Sequence[str], *, title: str | None = None) -> None:
        """Rows (objects or mappings) as a table, or as a JSON list."""
        if self.json:
            self.data(list(rows))
            return
        if not rows:
            self.line(f"no {title or 'rows'}", style="dim")
            return
        table = Table(title=title, title_justify="left")
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*(_cell(row, column) for column in columns))
        self.console.print(table)

    def error(self, text: str) -> None:
        """A line on stderr (red when colour is on)."""
        self.errors.print(text, style="red" if text.startswith("error") else "yellow", markup=False)

    def error_json(self, value: Any) -> None:
        """A JSON error document on stderr."""
        print(json.dumps(value, default=str), file=sys.stderr, flush=True)


def _cell(row: Any, column: str) -> str:
    value = row.get(column) if isinstance(row, Mapping) else getattr(row, column, None)
    value = plain(value)
    if value is None:
        return ""
    return str(value)
