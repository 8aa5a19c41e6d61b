"""POST /rpc/formations/{formation_id}/restart: Restart a formation

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

from ...models.accept_media_type import AcceptMediaType
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
        "url": "/rpc/formations/{formation_id}/restart".format(
            formation_id=quote(str(formation_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs
