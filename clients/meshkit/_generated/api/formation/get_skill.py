"""GET /v1/skills/{skill_name}: Get skill metadata

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote


def request_kwargs(
    skill_name: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/skills/{skill_name}".format(
            skill_name=quote(str(skill_name), safe=""),
        ),
    }

    return _kwargs
