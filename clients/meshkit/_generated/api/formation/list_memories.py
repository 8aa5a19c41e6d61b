"""GET /v1/memories: Get User Memories

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...types import UNSET, Unset


def request_kwargs(
    *,
    limit: int | Unset = 10,
    offset: int | Unset = 0,
    scopes: None | str | Unset = UNSET,
    x_muxi_user_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    headers["X-Muxi-User-ID"] = x_muxi_user_id

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["offset"] = offset

    json_scopes: None | str | Unset
    if isinstance(scopes, Unset):
        json_scopes = UNSET
    else:
        json_scopes = scopes
    params["scopes"] = json_scopes

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/memories",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs
