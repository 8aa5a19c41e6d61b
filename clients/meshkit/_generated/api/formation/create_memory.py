"""POST /v1/memories: Create User Memory

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...models.memory_create import MemoryCreate


def request_kwargs(
    *,
    body: MemoryCreate,
    x_muxi_user_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    headers["X-Muxi-User-ID"] = x_muxi_user_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/memories",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
