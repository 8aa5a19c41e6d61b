from typing import Literal, cast

DistilleryStatus = Literal["active", "revoked"]

DISTILLERY_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "active",
        "revoked",
    }
)


def check_distillery_status(value: str) -> DistilleryStatus:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``DISTILLERY_STATUS_VALUES``.
    """
    if isinstance(value, str):
        return cast(DistilleryStatus, value)
    raise TypeError(f"expected str for DistilleryStatus, got {type(value).__name__}")
