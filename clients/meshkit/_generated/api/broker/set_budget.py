"""POST /budgets: Set an agent budget

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any

import httpx

from ...models.broker_error import BrokerError
from ...models.budget_info import BudgetInfo
from ...models.budget_set_request import BudgetSetRequest


def request_kwargs(
    *,
    body: BudgetSetRequest,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/budgets",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def build_request(
    client: httpx.Client | httpx.AsyncClient,
    *,
    body: BudgetSetRequest,
) -> httpx.Request:
    """Build this operation's request on ``client`` (its base URL and defaults apply), unsent."""
    return client.build_request(
        **request_kwargs(
            body=body,
        )
    )


def parse_response(response: httpx.Response) -> BrokerError | BudgetInfo | None:
    """Decode ``response`` into the model documented for its status (``None`` when undocumented)."""
    if response.status_code == 200:
        response_200 = BudgetInfo.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BrokerError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = BrokerError.from_dict(response.json())

        return response_401

    return None
