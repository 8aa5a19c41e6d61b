"""GET /rpc/server/logs: Get server audit log

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...types import UNSET, Unset


def request_kwargs(
    *,
    lines: int | Unset = 100,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    params: dict[str, Any] = {}

    params["lines"] = lines

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/server/logs",
        "params": params,
    }

    return _kwargs
