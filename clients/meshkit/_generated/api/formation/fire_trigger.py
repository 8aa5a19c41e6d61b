"""POST /v1/triggers/{trigger_name}: Execute Trigger

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

import httpx

from ...models.formation_error_envelope import FormationErrorEnvelope
from ...models.server_error import ServerError
from ...models.trigger_fire_result_envelope import TriggerFireResultEnvelope
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


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    trigger_name: str,
    *,
    body: TriggerRequest,
    x_muxi_user_id: str | Unset = UNSET,
    x_muxi_idempotency_key: str | Unset = UNSET,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            trigger_name=trigger_name,
            body=body,
            x_muxi_user_id=x_muxi_user_id,
            x_muxi_idempotency_key=x_muxi_idempotency_key,
        )
    )


def parse_response(response: httpx.Response) -> FormationErrorEnvelope | ServerError | TriggerFireResultEnvelope | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = TriggerFireResultEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = FormationErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:

        def _parse_response_403(data: object) -> FormationErrorEnvelope | ServerError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_403_type_0 = FormationErrorEnvelope.from_dict(data)

                return response_403_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_403_type_1 = ServerError.from_dict(data)

            return response_403_type_1

        response_403 = _parse_response_403(response.json())

        return response_403

    if response.status_code == 404:

        def _parse_response_404(data: object) -> FormationErrorEnvelope | ServerError:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_404_type_0 = FormationErrorEnvelope.from_dict(data)

                return response_404_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_404_type_1 = ServerError.from_dict(data)

            return response_404_type_1

        response_404 = _parse_response_404(response.json())

        return response_404

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
