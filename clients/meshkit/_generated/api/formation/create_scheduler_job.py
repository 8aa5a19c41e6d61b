"""POST /v1/scheduler/jobs: Create Scheduled Job

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...models.scheduled_job_create import ScheduledJobCreate
from ...types import UNSET, Unset


def request_kwargs(
    *,
    body: ScheduledJobCreate,
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
        "url": "/v1/scheduler/jobs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
