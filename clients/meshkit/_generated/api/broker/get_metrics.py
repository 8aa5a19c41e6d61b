"""GET /metrics: Get Prometheus metrics

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any


def request_kwargs() -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/metrics",
    }

    return _kwargs
