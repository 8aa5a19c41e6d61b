"""POST /v1/tuning: Replace Tuning

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...models.tuning_update import TuningUpdate


def request_kwargs(
    *,
    body: TuningUpdate,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/tuning",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
