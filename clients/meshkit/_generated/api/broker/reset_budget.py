"""POST /budgets/{agent_id}/reset: Reset an agent budget

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
        "method": "post",
        "url": "/budgets/{agent_id}/reset".format(
            agent_id=quote(str(agent_id), safe=""),
        ),
    }

    return _kwargs
