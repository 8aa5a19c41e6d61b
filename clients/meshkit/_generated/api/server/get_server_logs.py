"""GET /rpc/server/logs: Get server audit log

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

import httpx

from ...models.server_error import ServerError
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


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    *,
    lines: int | Unset = 100,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            lines=lines,
        )
    )


def parse_response(response: httpx.Response) -> ServerError | str | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 401:
        response_401 = ServerError.from_dict(response.json())

        return response_401

    if response.status_code == 500:
        response_500 = ServerError.from_dict(response.json())

        return response_500

    return None
