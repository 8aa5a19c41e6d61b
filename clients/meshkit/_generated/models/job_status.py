from typing import Literal, cast

JobStatus = Literal["ACTIVE", "COMPLETED", "FAILED", "PAUSED"]

JOB_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "ACTIVE",
        "COMPLETED",
        "FAILED",
        "PAUSED",
    }
)


def check_job_status(value: str) -> JobStatus:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``JOB_STATUS_VALUES``.
    """
    if isinstance(value, str):
        return cast(JobStatus, value)
    raise TypeError(f"expected str for JobStatus, got {type(value).__name__}")
