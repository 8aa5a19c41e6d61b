from typing import Literal, cast

KnowledgeSourceSyncStatus = Literal["failed", "partial", "skipped", "success"]

KNOWLEDGE_SOURCE_SYNC_STATUS_VALUES: frozenset[str] = frozenset(
    {
        "failed",
        "partial",
        "skipped",
        "success",
    }
)


def check_knowledge_source_sync_status(value: str) -> KnowledgeSourceSyncStatus:
    """Accept any str: servers add values before the spec lists them (an open enum).

    The values known today are in ``KNOWLEDGE_SOURCE_SYNC_STATUS_VALUES``.
    """
    if isinstance(value, str):
        return cast(KnowledgeSourceSyncStatus, value)
    raise TypeError(f"expected str for KnowledgeSourceSyncStatus, got {type(value).__name__}")
