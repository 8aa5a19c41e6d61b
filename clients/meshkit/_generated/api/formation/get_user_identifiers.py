"""GET /v1/users/identifiers/{user_id}: Get User Identifiers

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote


def request_kwargs(
    user_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users/identifiers/{user_id}".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    return _kwargs
