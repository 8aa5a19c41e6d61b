"""GET /rpc/formations/{formation_id}/download: Download a formation

Generated from openapi/mesh.yaml; do not edit.
"""

from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ...models.server_error import ServerError
from ...types import UNSET, File, Unset


def request_kwargs(
    formation_id: str,
    *,
    db: bool | Unset = False,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    params: dict[str, Any] = {}

    params["db"] = db

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/formations/{formation_id}/download".format(
            formation_id=quote(str(formation_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    formation_id: str,
    *,
    db: bool | Unset = False,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            formation_id=formation_id,
            db=db,
        )
    )


def parse_response(response: httpx.Response) -> File | ServerError | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 401:
        response_401 = ServerError.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ServerError.from_dict(response.json())

        return response_404

    return None
