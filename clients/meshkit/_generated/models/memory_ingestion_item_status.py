from typing import Literal, cast

MemoryIngestionItemStatus = Literal["accepted", "duplicate", "invalid"]

MEMORY_INGESTION_ITEM_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "accepted",
        "duplicate",
        "invalid",
    }
)


def check_memory_ingestion_item_status(value: str) -> MemoryIngestionItemStatus:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``MEMORY_INGESTION_ITEM_STATUS_VALUES``.
    """
    if isinstance(value, str):
        return cast(MemoryIngestionItemStatus, value)
    raise TypeError(f"expected str for MemoryIngestionItemStatus, got {type(value).__name__}")
