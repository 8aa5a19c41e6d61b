"""GET /v1/artifacts/{artifact_id}/content: Download Artifact Content

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

from ...types import UNSET, Unset


def request_kwargs(
    artifact_id: str,
    *,
    version: int | None | Unset = UNSET,
    x_muxi_user_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    if not isinstance(x_muxi_user_id, Unset):
        headers["X-Muxi-User-ID"] = x_muxi_user_id

    params: dict[str, Any] = {}

    json_version: int | None | Unset
    if isinstance(version, Unset):
        json_version = UNSET
    else:
        json_version = version
    params["version"] = json_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/artifacts/{artifact_id}/content".format(
            artifact_id=quote(str(artifact_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs
