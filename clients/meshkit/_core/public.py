"""Public classes report the public module they are imported from.

A package such as ``meshkit.broker`` defines its classes in private modules (``_models``,
``_client_async`` and the generated ``_client_sync``); users, reprs, docs and pickles should see
``meshkit.broker.AiMeshClient``, where they import it from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def present_as(module: str, namespace: Mapping[str, Any], names: Iterable[str]) -> None:
    """Set ``__module__`` to ``module`` on each class or function of ``namespace`` named in ``names``."""
    for name in names:
        value = namespace[name]
        if callable(value) and str(getattr(value, "__module__", "")).startswith(module + "."):
            value.__module__ = module
