"""POST /endpoints: Register or update an endpoint

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...models.endpoint_metrics import EndpointMetrics


def request_kwargs(
    *,
    body: EndpointMetrics,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/endpoints",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
