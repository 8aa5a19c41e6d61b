"""POST /rpc/formations: Deploy a formation

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

import httpx

from ...models.accept_media_type import AcceptMediaType
from ...models.deploy_result_envelope import DeployResultEnvelope
from ...models.server_error import ServerError
from ...types import UNSET, File, Unset


def request_kwargs(
    *,
    body: File,
    x_formation_id: str,
    x_formation_version: str | Unset = "1.0.0",
    accept: AcceptMediaType | Unset = UNSET,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    headers["X-Formation-ID"] = x_formation_id

    if not isinstance(x_formation_version, Unset):
        headers["X-Formation-Version"] = x_formation_version

    if not isinstance(accept, Unset):
        headers["Accept"] = str(accept)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rpc/formations",
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/gzip"

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    *,
    body: File,
    x_formation_id: str,
    x_formation_version: str | Unset = "1.0.0",
    accept: AcceptMediaType | Unset = UNSET,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            body=body,
            x_formation_id=x_formation_id,
            x_formation_version=x_formation_version,
            accept=accept,
        )
    )


def parse_response(response: httpx.Response) -> DeployResultEnvelope | ServerError | str | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 201:
        response_201 = DeployResultEnvelope.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ServerError.from_dict(response.json())

        return response_400

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
