"""GET /health: Liveness of the MUXI Server or of the AiMesh broker

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any


def request_kwargs() -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/health",
    }

    return _kwargs
