from typing import Literal, cast

BrokerHealthStatus = Literal["healthy", "unhealthy"]

BROKER_HEALTH_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "healthy",
        "unhealthy",
    }
)


def check_broker_health_status(value: str) -> BrokerHealthStatus:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``BROKER_HEALTH_STATUS_VALUES``.
    """
    if isinstance(value, str):
        return cast(BrokerHealthStatus, value)
    raise TypeError(f"expected str for BrokerHealthStatus, got {type(value).__name__}")
