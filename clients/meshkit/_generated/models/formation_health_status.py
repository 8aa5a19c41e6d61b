from typing import Literal, cast

FormationHealthStatus = Literal["healthy", "unhealthy"]

FORMATION_HEALTH_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "healthy",
        "unhealthy",
    }
)


def check_formation_health_status(value: str) -> FormationHealthStatus:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``FORMATION_HEALTH_STATUS_VALUES``.
    """
    if isinstance(value, str):
        return cast(FormationHealthStatus, value)
    raise TypeError(f"expected str for FormationHealthStatus, got {type(value).__name__}")
