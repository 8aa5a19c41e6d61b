"""POST /rpc/formations: Deploy a formation

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...models.accept_media_type import AcceptMediaType
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
