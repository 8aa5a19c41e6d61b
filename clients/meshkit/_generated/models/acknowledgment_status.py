from typing import Literal, cast

AcknowledgmentStatus = Literal["failed", "success"]

ACKNOWLEDGMENT_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "failed",
        "success",
    }
)


def check_acknowledgment_status(value: str) -> AcknowledgmentStatus:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``ACKNOWLEDGMENT_STATUS_VALUES``.
    """
    if isinstance(value, str):
        return cast(AcknowledgmentStatus, value)
    raise TypeError(f"expected str for AcknowledgmentStatus, got {type(value).__name__}")
