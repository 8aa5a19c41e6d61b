from typing import Literal, cast

FormationStatus = Literal["crashed", "running", "starting", "stopped", "unhealthy"]

FORMATION_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "crashed",
        "running",
        "starting",
        "stopped",
        "unhealthy",
    }
)


def check_formation_status(value: str) -> FormationStatus:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``FORMATION_STATUS_VALUES``.
    """
    if isinstance(value, str):
        return cast(FormationStatus, value)
    raise TypeError(f"expected str for FormationStatus, got {type(value).__name__}")
