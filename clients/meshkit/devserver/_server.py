"""The MUXI Server (being written)."""

from __future__ import annotations

from starlette.routing import BaseRoute

from ._config import DevServerConfig
from ._faults import FaultBook


def build_server_routes(config: DevServerConfig, book: FaultBook) -> list[BaseRoute]:
    return []
