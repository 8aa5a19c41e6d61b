"""``nox -s tests_httpx2`` installs this module in its own venv, with a ``.pth`` file importing it at
every interpreter start-up: while MESHKIT_TEST_HTTPX2=1, the first ``import httpx`` (or httpcore)
of any process the suite starts (dev servers, examples, the CLI) calls ``httpx2.alias_httpx()``
and gets httpx2. Lazily, so a process that never imports httpx does not load httpx2 either
(tests/core/test_module_level.py checks that ``import meshkit`` stays light)."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from collections.abc import Sequence
from types import ModuleType


class _AliasOnFirstImport(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in ("httpx", "httpcore"):
            return None
        return importlib.machinery.ModuleSpec(fullname, self)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        sys.meta_path.remove(self)  # once: httpx2's own finder serves every later import
        import httpx2

        httpx2.alias_httpx()  # sys.modules["httpx"] is httpx2, ["httpcore"] is httpcore2
        module = sys.modules[spec.name]
        self._spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        module.__spec__ = self._spec  # the import system set the alias's spec; keep httpx2's own


if os.environ.get("MESHKIT_TEST_HTTPX2") == "1":
    sys.meta_path.insert(0, _AliasOnFirstImport())
