"""POST /v1/agents/{agent_id}/knowledge/sync: Sync Agent Knowledge

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

from ...models.knowledge_sync_trigger import KnowledgeSyncTrigger
from ...types import UNSET, Unset


def request_kwargs(
    agent_id: str,
    *,
    body: KnowledgeSyncTrigger | None | Unset = UNSET,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/agents/{agent_id}/knowledge/sync".format(
            agent_id=quote(str(agent_id), safe=""),
        ),
    }

    if not isinstance(body, Unset) and body is not None:
        if isinstance(body, KnowledgeSyncTrigger):
            _kwargs["json"] = body.to_dict()
        else:
            _kwargs["json"] = body

        headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
