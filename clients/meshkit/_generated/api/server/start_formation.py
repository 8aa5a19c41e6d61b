"""POST /rpc/formations/{formation_id}/start: Start a formation

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

import httpx

from ...models.accept_media_type import AcceptMediaType
from ...models.server_error import ServerError
from ...models.start_result_envelope import StartResultEnvelope
from ...types import UNSET, Unset


def request_kwargs(
    formation_id: str,
    *,
    accept: AcceptMediaType | Unset = UNSET,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    if not isinstance(accept, Unset):
        headers["Accept"] = str(accept)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rpc/formations/{formation_id}/start".format(
            formation_id=quote(str(formation_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    formation_id: str,
    *,
    accept: AcceptMediaType | Unset = UNSET,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            formation_id=formation_id,
            accept=accept,
        )
    )


def parse_response(response: httpx.Response) -> ServerError | StartResultEnvelope | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = StartResultEnvelope.from_dict(response.json())

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

    if response.status_code == 500:
        response_500 = ServerError.from_dict(response.json())

        return response_500

    return None
