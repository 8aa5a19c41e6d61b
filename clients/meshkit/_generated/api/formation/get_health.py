"""GET /v1/health: Health Check

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

import httpx

from ...models.formation_health import FormationHealth


def request_kwargs() -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/health",
    }

    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(**request_kwargs())


def parse_response(response: httpx.Response) -> FormationHealth | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = FormationHealth.from_dict(response.json())

        return response_200

    if response.status_code == 503:
        response_503 = FormationHealth.from_dict(response.json())

        return response_503

    return None
