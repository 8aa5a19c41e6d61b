from typing import Literal, cast

MemoryCreatedStatus = Literal["accepted", "duplicate"]

MEMORY_CREATED_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "accepted",
        "duplicate",
    }
)


def check_memory_created_status(value: str) -> MemoryCreatedStatus:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``MEMORY_CREATED_STATUS_VALUES``.
    """
    if isinstance(value, str):
        return cast(MemoryCreatedStatus, value)
    raise TypeError(f"expected str for MemoryCreatedStatus, got {type(value).__name__}")
