"""POST /v1/memory/distilleries: Register Distillery

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...models.distillery_registration import DistilleryRegistration


def request_kwargs(
    *,
    body: DistilleryRegistration,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/memory/distilleries",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
