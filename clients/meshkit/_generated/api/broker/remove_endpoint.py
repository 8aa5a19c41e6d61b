"""DELETE /endpoints/{endpoint_id}: Remove an endpoint

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote

import httpx

from ...models.broker_error import BrokerError
from ...models.endpoint_removed import EndpointRemoved


def request_kwargs(
    endpoint_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/endpoints/{endpoint_id}".format(
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
    }

    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    endpoint_id: str,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            endpoint_id=endpoint_id,
        )
    )


def parse_response(response: httpx.Response) -> BrokerError | EndpointRemoved | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = EndpointRemoved.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = BrokerError.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = BrokerError.from_dict(response.json())

        return response_404

    return None
