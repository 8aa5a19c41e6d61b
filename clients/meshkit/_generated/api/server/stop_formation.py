"""POST /rpc/formations/{formation_id}/stop: Stop a formation

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

import httpx

from ...models.server_error import ServerError
from ...models.stop_result_envelope import StopResultEnvelope


def request_kwargs(
    formation_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rpc/formations/{formation_id}/stop".format(
            formation_id=quote(str(formation_id), safe=""),
        ),
    }

    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    formation_id: str,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            formation_id=formation_id,
        )
    )


def parse_response(response: httpx.Response) -> ServerError | StopResultEnvelope | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = StopResultEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ServerError.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ServerError.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ServerError.from_dict(response.json())

        return response_409

    return None
