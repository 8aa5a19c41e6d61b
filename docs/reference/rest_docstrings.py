"""A griffe extension for the reference site: meshkit's reStructuredText-isms, read as Markdown.

meshkit's docstrings are written for ``help()`` and for reading in the source, with a few reST
habits that Markdown renders wrongly. This rewrites them in the docstrings griffe reads (the source
files are untouched):

- ``>>>`` examples become ``pycon`` code blocks (Markdown would read ``>>>`` as a quote), without
  their ``# doctest:`` flags;
- a paragraph ending in ``::`` followed by an indented block: the block becomes a ``python`` code
  block and ``::`` a colon;
- ``:class:`~meshkit.X``` and the other roles become code spans (``X``; the full path without ``~``).
"""

from __future__ import annotations

import re
from typing import Any

from griffe import Extension, Object

_ROLE = re.compile(r":(?:py:)?(?:class|meth|func|attr|exc|mod|data|obj|const):`(~?)([^`]+)`")
_DOCTEST_FLAGS = re.compile(r"\s*#\s*doctest:.*$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _role(match: re.Match[str]) -> str:
    tilde, target = match.groups()
    return f"`{target.rsplit('.', 1)[-1] if tilde else target}`"


def markdown(text: str) -> str:
    """The docstring ``text`` with its doctests and literal blocks fenced and its roles as code."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    in_fence = False
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            out.append(line)
            index += 1
        elif in_fence:
            out.append(line)
            index += 1
        elif stripped.startswith(">>>"):
            pad = " " * _indent(line)
            out.append(f"{pad}```pycon")
            while index < len(lines) and lines[index].strip():
                out.append(pad + _DOCTEST_FLAGS.sub("", lines[index][len(pad) :]))
                index += 1
            out.append(f"{pad}```")
        elif stripped.endswith("::") and not stripped.startswith(".."):
            base = _indent(line)
            block_start = index + 1
            while block_start < len(lines) and not lines[block_start].strip():
                block_start += 1
            end = block_start
            while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > base):
                end += 1
            while end > block_start and not lines[end - 1].strip():
                end -= 1
            if end == block_start:  # no indented block follows: an ordinary line
                out.append(_ROLE.sub(_role, line))
                index += 1
                continue
            head = line.rstrip()[:-2].rstrip()
            out.append(_ROLE.sub(_role, head + ":" if head.strip() else head))
            block = lines[block_start:end]
            cut = min(_indent(item) for item in block if item.strip())
            pad = " " * base
            out += ["", f"{pad}```python", *(pad + item[cut:] for item in block), f"{pad}```"]
            index = end
        else:
            out.append(_ROLE.sub(_role, line))
            index += 1
    return "\n".join(out)


class RestDocstrings(Extension):
    """Rewrites each docstring griffe loads (see the module's docstring)."""

    def on_instance(self, *, obj: Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown(obj.docstring.value)
