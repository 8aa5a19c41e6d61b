"""GET /v1/agents/{agent_id}/skills: List skills available to an agent

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote


def request_kwargs(
    agent_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/agents/{agent_id}/skills".format(
            agent_id=quote(str(agent_id), safe=""),
        ),
    }

    return _kwargs
