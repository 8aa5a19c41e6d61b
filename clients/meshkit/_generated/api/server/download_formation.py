"""GET /rpc/formations/{formation_id}/download: Download a formation

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

from ...types import UNSET, Unset


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
