"""DELETE /v1/users/identifiers/{identifier}: Delete User Identifier

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
        "method": "delete",
        "url": "/v1/users/identifiers/{identifier}".format(
            identifier=quote(str(identifier), safe=""),
        ),
    }

    return _kwargs
