from typing import Literal, cast

CancellationKind = Literal["cooperative", "immediate"]

CANCELLATION_KIND_VALUES: frozenset[str] = frozenset(
    {
        "cooperative",
        "immediate",
    }
)


def check_cancellation_kind(value: str) -> CancellationKind:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``CANCELLATION_KIND_VALUES``.
    """
    if isinstance(value, str):
        return cast(CancellationKind, value)
    raise TypeError(f"expected str for CancellationKind, got {type(value).__name__}")
