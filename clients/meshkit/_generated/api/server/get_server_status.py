"""GET /rpc/server/status: Get server status

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

import httpx

from ...models.server_error import ServerError
from ...models.server_status_envelope import ServerStatusEnvelope


def request_kwargs() -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/server/status",
    }

    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(**request_kwargs())


def parse_response(response: httpx.Response) -> ServerError | ServerStatusEnvelope | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = ServerStatusEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ServerError.from_dict(response.json())

        return response_401

    return None
