"""DELETE /v1/memory/distilleries/{distillery_id}: Revoke Distillery

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote


def request_kwargs(
    distillery_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/memory/distilleries/{distillery_id}".format(
            distillery_id=quote(str(distillery_id), safe=""),
        ),
    }

    return _kwargs
