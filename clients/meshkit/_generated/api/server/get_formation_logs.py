"""GET /rpc/formations/{formation_id}/logs: Get formation logs

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

from ...models.accept_media_type import AcceptMediaType
from ...models.get_formation_logs_stream import (
    GetFormationLogsStream,
)
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
