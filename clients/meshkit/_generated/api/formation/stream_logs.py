"""GET /v1/logs: Stream Logs

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

import httpx

from ...models.formation_error_envelope import FormationErrorEnvelope
from ...models.server_error import ServerError
from ...types import UNSET, Unset


def request_kwargs(
    *,
    user_id: None | str | Unset = UNSET,
    session_id: None | str | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    agent_id: None | str | Unset = UNSET,
    level: None | str | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    params: dict[str, Any] = {}

    json_user_id: None | str | Unset
    if isinstance(user_id, Unset):
        json_user_id = UNSET
    else:
        json_user_id = user_id
    params["user_id"] = json_user_id

    json_session_id: None | str | Unset
    if isinstance(session_id, Unset):
        json_session_id = UNSET
    else:
        json_session_id = session_id
    params["session_id"] = json_session_id

    json_request_id: None | str | Unset
    if isinstance(request_id, Unset):
        json_request_id = UNSET
    else:
        json_request_id = request_id
    params["request_id"] = json_request_id

    json_agent_id: None | str | Unset
    if isinstance(agent_id, Unset):
        json_agent_id = UNSET
    else:
        json_agent_id = agent_id
    params["agent_id"] = json_agent_id

    json_level: None | str | Unset
    if isinstance(level, Unset):
        json_level = UNSET
    else:
        json_level = level
    params["level"] = json_level

    json_event_type: None | str | Unset
    if isinstance(event_type, Unset):
        json_event_type = UNSET
    else:
        json_event_type = event_type
    params["event_type"] = json_event_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/logs",
        "params": params,
    }

    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    *,
    user_id: None | str | Unset = UNSET,
    session_id: None | str | Unset = UNSET,
    request_id: None | str | Unset = UNSET,
    agent_id: None | str | Unset = UNSET,
    level: None | str | Unset = UNSET,
    event_type: None | str | Unset = UNSET,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            user_id=user_id,
            session_id=session_id,
            request_id=request_id,
            agent_id=agent_id,
            level=level,
            event_type=event_type,
        )
    )


def parse_response(response: httpx.Response) -> FormationErrorEnvelope | ServerError | str | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = response.text
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
