from typing import Literal, cast

JobType = Literal["one_time", "recurring"]

JOB_TYPE_VALUES: frozenset[str] = frozenset(
    {
        "one_time",
        "recurring",
    }
)


def check_job_type(value: str) -> JobType:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``JOB_TYPE_VALUES``.
    """
    if isinstance(value, str):
        return cast(JobType, value)
    raise TypeError(f"expected str for JobType, got {type(value).__name__}")
