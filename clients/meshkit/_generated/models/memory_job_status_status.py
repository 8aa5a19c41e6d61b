from typing import Literal, cast

MemoryJobStatusStatus = Literal[
    "awaiting_clarification", "cancelled", "completed", "failed", "pending", "processing", "running"
]

MEMORY_JOB_STATUS_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "awaiting_clarification",
        "cancelled",
        "completed",
        "failed",
        "pending",
        "processing",
        "running",
    }
)


def check_memory_job_status_status(value: str) -> MemoryJobStatusStatus:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``MEMORY_JOB_STATUS_STATUS_VALUES``.
    """
    if isinstance(value, str):
        return cast(MemoryJobStatusStatus, value)
    raise TypeError(f"expected str for MemoryJobStatusStatus, got {type(value).__name__}")
