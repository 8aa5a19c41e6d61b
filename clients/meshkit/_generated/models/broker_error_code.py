from typing import Literal, cast

BrokerErrorCode = Literal[
    "budget_exceeded",
    "budget_not_found",
    "deadline_expired",
    "endpoint_not_found",
    "internal_error",
    "invalid_agent_id",
    "invalid_request",
    "message_too_large",
    "method_not_allowed",
    "no_healthy_endpoints",
    "not_found",
    "payload_too_large",
    "rate_limited",
    "unauthorized",
    "validation_failed",
]

BROKER_ERROR_CODE_VALUES: frozenset[str] = frozenset(
    {
        "budget_exceeded",
        "budget_not_found",
        "deadline_expired",
        "endpoint_not_found",
        "internal_error",
        "invalid_agent_id",
        "invalid_request",
        "message_too_large",
        "method_not_allowed",
        "no_healthy_endpoints",
        "not_found",
        "payload_too_large",
        "rate_limited",
        "unauthorized",
        "validation_failed",
    }
)


def check_broker_error_code(value: str) -> BrokerErrorCode:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``BROKER_ERROR_CODE_VALUES``.
    """
    if isinstance(value, str):
        return cast(BrokerErrorCode, value)
    raise TypeError(f"expected str for BrokerErrorCode, got {type(value).__name__}")
