"""GET /v1/memory/rebuild/{job_id}: Get Memory Rebuild Status

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote


def request_kwargs(
    job_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/memory/rebuild/{job_id}".format(
            job_id=quote(str(job_id), safe=""),
        ),
    }

    return _kwargs
