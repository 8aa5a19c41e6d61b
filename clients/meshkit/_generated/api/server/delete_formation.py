"""DELETE /rpc/formations/{formation_id}: Delete a formation

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

import httpx

from ...models.delete_result_envelope import DeleteResultEnvelope
from ...models.server_error import ServerError


def request_kwargs(
    formation_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/rpc/formations/{formation_id}".format(
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


def parse_response(response: httpx.Response) -> DeleteResultEnvelope | ServerError | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = DeleteResultEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = ServerError.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ServerError.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = ServerError.from_dict(response.json())

        return response_500

    return None
