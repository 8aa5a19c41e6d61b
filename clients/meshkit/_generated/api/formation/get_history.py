"""GET /v1/history: Get History

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...types import UNSET, Unset


def request_kwargs(
    *,
    limit: int | Unset = 10,
    date_from: None | str | Unset = UNSET,
    date_to: None | str | Unset = UNSET,
    include_sources: bool | Unset = False,
    x_muxi_user_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    headers["X-Muxi-User-ID"] = x_muxi_user_id

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_date_from: None | str | Unset
    if isinstance(date_from, Unset):
        json_date_from = UNSET
    else:
        json_date_from = date_from
    params["date_from"] = json_date_from

    json_date_to: None | str | Unset
    if isinstance(date_to, Unset):
        json_date_to = UNSET
    else:
        json_date_to = date_to
    params["date_to"] = json_date_to

    params["include_sources"] = include_sources

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/history",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs
