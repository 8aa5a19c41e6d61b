"""POST /v1/audiochat: Audiochat

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

from ...models.accept_media_type import AcceptMediaType
from ...models.audio_chat_request import AudioChatRequest
from ...types import UNSET, Unset


def request_kwargs(
    *,
    body: AudioChatRequest,
    x_muxi_user_id: str | Unset = UNSET,
    accept: AcceptMediaType | Unset = UNSET,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}
    if not isinstance(x_muxi_user_id, Unset):
        headers["X-Muxi-User-ID"] = x_muxi_user_id

    if not isinstance(accept, Unset):
        headers["Accept"] = str(accept)

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/audiochat",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs
