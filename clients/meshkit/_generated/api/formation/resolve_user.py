"""POST /v1/users/resolve: Resolve Identifier

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...models.resolve_user_request import ResolveUserRequest


def request_kwargs(
    *,
    body: ResolveUserRequest,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/users/resolve",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
