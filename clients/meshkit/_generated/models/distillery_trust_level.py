from typing import Literal, cast

DistilleryTrustLevel = Literal["provisional", "verified"]

DISTILLERY_TRUST_LEVEL_VALUES: frozenset[str] = frozenset(
    {
        "provisional",
        "verified",
    }
)


def check_distillery_trust_level(value: str) -> DistilleryTrustLevel:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``DISTILLERY_TRUST_LEVEL_VALUES``.
    """
    if isinstance(value, str):
        return cast(DistilleryTrustLevel, value)
    raise TypeError(f"expected str for DistilleryTrustLevel, got {type(value).__name__}")
