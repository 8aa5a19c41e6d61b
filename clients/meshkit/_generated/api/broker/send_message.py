"""POST /messages: Send one message

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

import httpx

from ...models.acknowledgment import Acknowledgment
from ...models.broker_error import BrokerError
from ...models.budget_exceeded_error_body import BudgetExceededErrorBody
from ...models.message import Message
from ...models.rate_limited_error_body import RateLimitedErrorBody


def request_kwargs(
    *,
    body: Message,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/messages",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    *,
    body: Message,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            body=body,
        )
    )


def parse_response(
    response: httpx.Response,
) -> Acknowledgment | BrokerError | BudgetExceededErrorBody | RateLimitedErrorBody | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = Acknowledgment.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BrokerError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BrokerError.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = BudgetExceededErrorBody.from_dict(response.json())

        return response_402

    if response.status_code == 413:
        response_413 = BrokerError.from_dict(response.json())

        return response_413

    if response.status_code == 429:
        response_429 = RateLimitedErrorBody.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = BrokerError.from_dict(response.json())

        return response_503

    return None
