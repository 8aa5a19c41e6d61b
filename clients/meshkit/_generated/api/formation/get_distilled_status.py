"""GET /v1/memories/distilled/{processing_id}: Get Distilled Status

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote


def request_kwargs(
    processing_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/memories/distilled/{processing_id}".format(
            processing_id=quote(str(processing_id), safe=""),
        ),
    }

    return _kwargs
