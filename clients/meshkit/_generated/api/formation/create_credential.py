"""POST /v1/credentials: Create Credential

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...models.credential_create import CredentialCreate
from ...types import UNSET, Unset


def request_kwargs(
    *,
    body: CredentialCreate,
    x_muxi_user_id: str | Unset = UNSET,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    if not isinstance(x_muxi_user_id, Unset):
        headers["X-Muxi-User-ID"] = x_muxi_user_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/credentials",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
