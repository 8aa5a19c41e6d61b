"""GET /v1/sessions/{session_id}/messages: Get Session Messages

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

from ...types import UNSET, Unset


def request_kwargs(
    session_id: str,
    *,
    limit: int | Unset = 50,
    before: None | str | Unset = UNSET,
    x_muxi_user_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    headers["X-Muxi-User-ID"] = x_muxi_user_id

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_before: None | str | Unset
    if isinstance(before, Unset):
        json_before = UNSET
    else:
        json_before = before
    params["before"] = json_before

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sessions/{session_id}/messages".format(
            session_id=quote(str(session_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs
