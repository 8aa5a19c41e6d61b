"""GET /v1/memory/rebuild/{job_id}: Get Memory Rebuild Status

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

import httpx

from ...models.formation_error_envelope import FormationErrorEnvelope
from ...models.memory_job_status_envelope import MemoryJobStatusEnvelope
from ...models.server_error import ServerError


def request_kwargs(
    job_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/memory/rebuild/{job_id}".format(
            job_id=quote(str(job_id), safe=""),
        ),
    }

    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    job_id: str,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            job_id=job_id,
        )
    )


def parse_response(response: httpx.Response) -> FormationErrorEnvelope | ServerError | MemoryJobStatusEnvelope | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = MemoryJobStatusEnvelope.from_dict(response.json())

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
