"""GET /v1/sops/{sop_name}: Get Sop Details

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote


def request_kwargs(
    sop_name: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sops/{sop_name}".format(
            sop_name=quote(str(sop_name), safe=""),
        ),
    }

    return _kwargs
