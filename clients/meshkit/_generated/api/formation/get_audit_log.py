"""GET /v1/audit: Get Audit Log

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

import httpx

from ...models.audit_log_envelope import AuditLogEnvelope
from ...models.formation_error_envelope import FormationErrorEnvelope
from ...models.server_error import ServerError
from ...types import UNSET, Unset


def request_kwargs(
    *,
    limit: int | Unset = 100,
    action: None | str | Unset = UNSET,
    resource_type: None | str | Unset = UNSET,
    since: None | str | Unset = UNSET,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_resource_type: None | str | Unset
    if isinstance(resource_type, Unset):
        json_resource_type = UNSET
    else:
        json_resource_type = resource_type
    params["resource_type"] = json_resource_type

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    else:
        json_since = since
    params["since"] = json_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/audit",
        "params": params,
    }

    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    *,
    limit: int | Unset = 100,
    action: None | str | Unset = UNSET,
    resource_type: None | str | Unset = UNSET,
    since: None | str | Unset = UNSET,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            limit=limit,
            action=action,
            resource_type=resource_type,
            since=since,
        )
    )


def parse_response(response: httpx.Response) -> AuditLogEnvelope | FormationErrorEnvelope | ServerError | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = AuditLogEnvelope.from_dict(response.json())

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
