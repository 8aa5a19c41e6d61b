from typing import Literal, cast

DistilledEventReportDisposition = Literal["failed", "projected", "recorded"]

DISTILLED_EVENT_REPORT_DISPOSITION_VALUES: frozenset[str] = frozenset(
    {
        "failed",
        "projected",
        "recorded",
    }
)


def check_distilled_event_report_disposition(value: str) -> DistilledEventReportDisposition:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``DISTILLED_EVENT_REPORT_DISPOSITION_VALUES``.
    """
    if isinstance(value, str):
        return cast(DistilledEventReportDisposition, value)
    raise TypeError(f"expected str for DistilledEventReportDisposition, got {type(value).__name__}")
