"""GET /health: Liveness of the MUXI Server or of the AiMesh broker

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

import httpx

from ...models.broker_error import BrokerError
from ...models.broker_health import BrokerHealth
from ...models.server_health import ServerHealth


def request_kwargs() -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/health",
    }

    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(**request_kwargs())


def parse_response(response: httpx.Response) -> BrokerError | BrokerHealth | ServerHealth | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:

        def _parse_response_200(data: object) -> BrokerHealth | ServerHealth:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = ServerHealth.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = BrokerHealth.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = BrokerError.from_dict(response.json())

        return response_401

    return None
