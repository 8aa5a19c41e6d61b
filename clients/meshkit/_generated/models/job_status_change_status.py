from typing import Literal, cast

JobStatusChangeStatus = Literal["ACTIVE", "PAUSED"]

JOB_STATUS_CHANGE_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "ACTIVE",
        "PAUSED",
    }
)


def check_job_status_change_status(value: str) -> JobStatusChangeStatus:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``JOB_STATUS_CHANGE_STATUS_VALUES``.
    """
    if isinstance(value, str):
        return cast(JobStatusChangeStatus, value)
    raise TypeError(f"expected str for JobStatusChangeStatus, got {type(value).__name__}")
