"""GET /v1/users/{identifier}: Lookup Identifier

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote


def request_kwargs(
    identifier: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users/{identifier}".format(
            identifier=quote(str(identifier), safe=""),
        ),
    }

    return _kwargs
