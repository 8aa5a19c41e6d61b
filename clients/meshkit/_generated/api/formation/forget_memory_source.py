"""POST /v1/memory/forget: Forget Memory Source

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...models.memory_forget_request import MemoryForgetRequest
from ...types import UNSET, Unset


def request_kwargs(
    *,
    body: MemoryForgetRequest,
    sync: bool | Unset = False,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["sync"] = sync

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/memory/forget",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
