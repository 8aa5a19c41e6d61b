"""The AiMesh broker (being written)."""

from __future__ import annotations

from starlette.applications import Starlette

from ._config import DevServerConfig
from ._faults import FaultBook


def build_broker_app(config: DevServerConfig, book: FaultBook) -> Starlette:
    return Starlette(routes=[])
