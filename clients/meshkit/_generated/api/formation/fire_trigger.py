"""POST /v1/triggers/{trigger_name}: Execute Trigger

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

from ...models.trigger_request import TriggerRequest
from ...types import UNSET, Unset


def request_kwargs(
    trigger_name: str,
    *,
    body: TriggerRequest,
    x_muxi_user_id: str | Unset = UNSET,
    x_muxi_idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    if not isinstance(x_muxi_user_id, Unset):
        headers["X-Muxi-User-ID"] = x_muxi_user_id

    if not isinstance(x_muxi_idempotency_key, Unset):
        headers["X-Muxi-Idempotency-Key"] = x_muxi_idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/triggers/{trigger_name}".format(
            trigger_name=quote(str(trigger_name), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
