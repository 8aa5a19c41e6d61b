"""GET /v1/memories/provenance: Get Memory Provenance

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

import httpx

from ...models.formation_error_envelope import FormationErrorEnvelope
from ...models.memory_provenance_envelope import MemoryProvenanceEnvelope
from ...models.server_error import ServerError
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


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    *,
    entity: None | str | Unset = UNSET,
    event_id: None | str | Unset = UNSET,
    x_muxi_user_id: str,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            entity=entity,
            event_id=event_id,
            x_muxi_user_id=x_muxi_user_id,
        )
    )


def parse_response(response: httpx.Response) -> FormationErrorEnvelope | ServerError | MemoryProvenanceEnvelope | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = MemoryProvenanceEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = FormationErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = FormationErrorEnvelope.from_dict(response.json())

        return response_422

    if 400 <= response.status_code <= 499:

        def _parse_response_4xx(data: object) -> FormationErrorEnvelope | ServerError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_4xx_type_0 = FormationErrorEnvelope.from_dict(data)

                return response_4xx_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_4xx_type_1 = ServerError.from_dict(data)

            return response_4xx_type_1

        response_4xx = _parse_response_4xx(response.json())

        return response_4xx

    if 500 <= response.status_code <= 599:

        def _parse_response_5xx(data: object) -> FormationErrorEnvelope | ServerError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_5xx_type_0 = FormationErrorEnvelope.from_dict(data)

                return response_5xx_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_5xx_type_1 = ServerError.from_dict(data)

            return response_5xx_type_1

        response_5xx = _parse_response_5xx(response.json())

        return response_5xx

    return None
