"""What AiMeshClient and AsyncAiMeshClient share: settings, the wire rules, copies, the pure plan
of every call, and ``client.ops``. The clients themselves are ``_client_async.py`` and its
generated twin ``_client_sync.py``."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import httpx

from .._core.auth import BearerAuth
from .._core.client_base import ClientBase
from .._core.config import BrokerSettings, identification_headers
from .._core.errors import ResponseValidationError, ValidationError
from .._core.ops import Operations
from .._core.plan import Plan
from .._core.retry import RetryPolicy
from .._core.wire import Wire
from ._models import (
    Acknowledgment,
    BrokerHealth,
    BrokerStats,
    BudgetInfo,
    EndpointMetrics,
    Message,
    _integer,
    _invalid,
    _number,
    _object,
    _path_id,
    check_agent_id,
)

DEFAULT_MAX_IN_FLIGHT = 10  # send_many's default concurrency


# --- plans: each call before any I/O (the broker answers bare JSON: finished from it) ------------------


def _message_body(message: object, name: str) -> dict[str, Any]:
    if not isinstance(message, Message):
        raise _invalid(name, f"{name} must be a meshkit.Message, got {type(message).__name__}")
    try:
        return message.to_wire()
    except ValidationError as exc:
        if name == "message":
            raise
        raise ValidationError.client_side(exc.message, field=f"{name}.{exc.field}", code=exc.code) from None


def _batch_acks(messages: Sequence[Any]) -> Callable[[Any], list[Acknowledgment]]:
    def finish(body: Any) -> list[Acknowledgment]:
        items = _object(body).get("acknowledgments", [])
        if not isinstance(items, list) or len(items) != len(messages):
            count = len(items) if isinstance(items, list) else "no"
            message = f"the batch of {len(messages)} messages was answered with {count} acknowledgments"
            raise ResponseValidationError(message, body=body)
        return [Acknowledgment.from_wire(_object(item)) for item in items]

    return finish


def _endpoint_list(body: Any) -> list[EndpointMetrics]:
    items = _object(body).get("endpoints", [])
    if not isinstance(items, list):
        raise ResponseValidationError("endpoints should be a list", body=body)
    return [EndpointMetrics.from_wire(_object(item)) for item in items]


def _text(body: Any) -> str:
    return body if isinstance(body, str) else ""


class _BrokerBase(ClientBase[BrokerSettings]):
    """What the sync and async clients share: settings, the wire rules, copies and the plans."""

    def _make_wire(self, settings: BrokerSettings) -> Wire:
        return Wire(
            root_url=settings.base_url,
            # httpx.Auth itself sends nothing: without a key no Authorization header goes out.
            auth=BearerAuth(settings.api_key) if settings.api_key else httpx.Auth(),
            default_headers={**identification_headers(None, muxi=False), **dict(settings.default_headers)},
            retry=RetryPolicy(max_retries=settings.max_retries),
            tag="broker",
            send_idempotency_key=False,  # the broker has no idempotency header: dedup plays that role
            envelope=False,
            guards=settings.guards,
            limits=settings.limits,
            timeout=settings.timeout,
        )

    @property
    def base_url(self) -> str:
        """The broker's base URL (no trailing ``/``)."""
        return self._settings.base_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self._settings.base_url!r})"

    @staticmethod
    def _send_message_plan(message: Message) -> Plan[Acknowledgment]:
        body = _message_body(message, "message")
        return Plan(
            "send_message", {"body": body}, finish=lambda answer: Acknowledgment.from_wire(_object(answer)), typed=False
        )

    @staticmethod
    def _send_batch_plan(messages: Iterable[Message]) -> Plan[list[Acknowledgment]]:
        items = list(messages)
        bodies = [_message_body(item, f"messages[{index}]") for index, item in enumerate(items)]
        return Plan("send_batch", {"body": {"messages": bodies}}, finish=_batch_acks(items), typed=False)

    @staticmethod
    def _register_plan(metrics: EndpointMetrics) -> Plan[EndpointMetrics]:
        if not isinstance(metrics, EndpointMetrics):
            raise _invalid("metrics", f"metrics must be a meshkit.EndpointMetrics, got {type(metrics).__name__}")
        body = metrics.to_wire()
        # The reference SDKs ignored this answer; what was sent fills anything it lacks.
        return Plan(
            "register_endpoint",
            {"body": body},
            finish=lambda answer: EndpointMetrics.from_wire({**body, **_object(answer)}),
            typed=False,
        )

    @staticmethod
    def _remove_plan(endpoint_id: str) -> Plan[bool]:
        finish: Callable[[Any], bool] = lambda answer: bool(_object(answer).get("removed", True))  # noqa: E731
        return Plan(
            "remove_endpoint", {"endpoint_id": _path_id(endpoint_id, "endpoint_id")}, finish=finish, typed=False
        )

    @staticmethod
    def _set_budget_plan(agent_id: str, tokens: float, reset_at: int | None) -> Plan[BudgetInfo]:
        agent = check_agent_id(agent_id)
        amount = _number(tokens, "tokens")
        reset = None if reset_at is None else _integer(reset_at, "reset_at", minimum=None)
        # The reference SDKs ignored this answer; what was set fills anything it lacks.
        sent = {"initial_tokens": amount, "remaining_tokens": amount, "reset_at": reset}
        return Plan(
            "set_budget",
            {"body": {"agent_id": agent, "tokens": amount, "reset_at": reset}},
            finish=lambda answer: BudgetInfo.from_wire({**sent, **_object(answer)}, agent_id=agent),
            typed=False,
        )

    @staticmethod
    def _budget_plan(operation_id: str, agent_id: str) -> Plan[BudgetInfo]:
        agent = _path_id(agent_id, "agent_id")
        return Plan(
            operation_id,
            {"agent_id": agent},
            finish=lambda answer: BudgetInfo.from_wire(_object(answer), agent_id=agent),
            typed=False,
        )

    _LIST_ENDPOINTS: Plan[list[EndpointMetrics]] = Plan("list_endpoints", finish=_endpoint_list, typed=False)
    _STATS: Plan[BrokerStats] = Plan(
        "get_stats", finish=lambda answer: BrokerStats.from_wire(_object(answer)), typed=False
    )
    # Accept: text/plain for /metrics; the Bearer header goes on it like on every call (§6 mistake 1).
    _METRICS: Plan[str] = Plan("get_metrics", headers={"Accept": "text/plain"}, finish=_text, typed=False)
    _HEALTH: Plan[BrokerHealth] = Plan(
        "health", finish=lambda answer: BrokerHealth.from_wire(_object(answer)), typed=False
    )

    @staticmethod
    def _check_max_in_flight(max_in_flight: int) -> int:
        value = _integer(max_in_flight, "max_in_flight")
        if value < 1:
            raise _invalid("max_in_flight", f"max_in_flight must be >= 1, got {value}", "validation_failed")
        return value


class BrokerOps(Operations):
    """``client.ops.<operation_id>(...)``: every broker operation of the spec — also ones added by
    ``make generate`` later — with the client's auth, retries and typed errors. Arguments are the
    generated builder's (path parameters positionally, ``body=`` a dict); answers are the
    generated models. On the async client the calls return awaitables."""
