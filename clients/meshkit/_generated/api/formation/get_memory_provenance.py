"""GET /v1/memories/provenance: Get Memory Provenance

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...types import UNSET, Unset


def request_kwargs(
    *,
    entity: None | str | Unset = UNSET,
    event_id: None | str | Unset = UNSET,
    x_muxi_user_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    headers["X-Muxi-User-ID"] = x_muxi_user_id

    params: dict[str, Any] = {}

    json_entity: None | str | Unset
    if isinstance(entity, Unset):
        json_entity = UNSET
    else:
        json_entity = entity
    params["entity"] = json_entity

    json_event_id: None | str | Unset
    if isinstance(event_id, Unset):
        json_event_id = UNSET
    else:
        json_event_id = event_id
    params["event_id"] = json_event_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/memories/provenance",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs
