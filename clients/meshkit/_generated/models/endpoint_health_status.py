from typing import Literal, cast

EndpointHealthStatus = Literal["degraded", "healthy", "unhealthy", "unspecified"]

ENDPOINT_HEALTH_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "degraded",
        "healthy",
        "unhealthy",
        "unspecified",
    }
)


def check_endpoint_health_status(value: str) -> EndpointHealthStatus:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``ENDPOINT_HEALTH_STATUS_VALUES``.
    """
    if isinstance(value, str):
        return cast(EndpointHealthStatus, value)
    raise TypeError(f"expected str for EndpointHealthStatus, got {type(value).__name__}")
