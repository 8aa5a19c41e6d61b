"""PUT /rpc/formations/{formation_id}: Update a formation

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

from ...models.accept_media_type import AcceptMediaType
from ...types import UNSET, File, Unset


def request_kwargs(
    formation_id: str,
    *,
    body: File,
    x_formation_version: str | Unset = "1.0.0",
    accept: AcceptMediaType | Unset = UNSET,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    if not isinstance(x_formation_version, Unset):
        headers["X-Formation-Version"] = x_formation_version

    if not isinstance(accept, Unset):
        headers["Accept"] = str(accept)

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/rpc/formations/{formation_id}".format(
            formation_id=quote(str(formation_id), safe=""),
        ),
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/gzip"

    _kwargs["headers"] = headers
    return _kwargs
