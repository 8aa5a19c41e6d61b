"""GET /v1/artifacts: List Artifacts

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...types import UNSET, Unset


def request_kwargs(
    *,
    limit: int | Unset = 20,
    x_muxi_user_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    if not isinstance(x_muxi_user_id, Unset):
        headers["X-Muxi-User-ID"] = x_muxi_user_id

    params: dict[str, Any] = {}

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/artifacts",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs
