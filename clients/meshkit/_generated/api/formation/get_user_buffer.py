"""GET /v1/memory/buffer: Get Buffer Status

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any


def request_kwargs(
    *,
    x_muxi_user_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    headers["X-Muxi-User-ID"] = x_muxi_user_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/memory/buffer",
    }

    _kwargs["headers"] = headers
    return _kwargs
