"""GET /rpc/formations/{formation_id}/logs: Get formation logs

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

import httpx

from ...models.accept_media_type import AcceptMediaType
from ...models.get_formation_logs_stream import (
    GetFormationLogsStream,
)
from ...models.server_error import ServerError
from ...models.server_formation_logs_envelope import ServerFormationLogsEnvelope
from ...types import UNSET, Unset


def request_kwargs(
    formation_id: str,
    *,
    lines: int | Unset = 100,
    stream: GetFormationLogsStream | Unset = UNSET,
    follow: bool | Unset = False,
    accept: AcceptMediaType | Unset = UNSET,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    if not isinstance(accept, Unset):
        headers["Accept"] = str(accept)

    params: dict[str, Any] = {}

    params["lines"] = lines

    json_stream: str | Unset = UNSET
    if not isinstance(stream, Unset):
        json_stream = stream

    params["stream"] = json_stream

    params["follow"] = follow

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rpc/formations/{formation_id}/logs".format(
            formation_id=quote(str(formation_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    formation_id: str,
    *,
    lines: int | Unset = 100,
    stream: GetFormationLogsStream | Unset = UNSET,
    follow: bool | Unset = False,
    accept: AcceptMediaType | Unset = UNSET,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            formation_id=formation_id,
            lines=lines,
            stream=stream,
            follow=follow,
            accept=accept,
        )
    )


def parse_response(response: httpx.Response) -> ServerError | ServerFormationLogsEnvelope | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = ServerFormationLogsEnvelope.from_dict(response.json())

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
