from typing import Literal, cast

MemoryIngestionReportDisposition = Literal["failed", "filtered", "stored"]

MEMORY_INGESTION_REPORT_DISPOSITION_VALUES: frozenset[str] = frozenset(
    {
        "failed",
        "filtered",
        "stored",
    }
)


def check_memory_ingestion_report_disposition(value: str) -> MemoryIngestionReportDisposition:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``MEMORY_INGESTION_REPORT_DISPOSITION_VALUES``.
    """
    if isinstance(value, str):
        return cast(MemoryIngestionReportDisposition, value)
    raise TypeError(f"expected str for MemoryIngestionReportDisposition, got {type(value).__name__}")
