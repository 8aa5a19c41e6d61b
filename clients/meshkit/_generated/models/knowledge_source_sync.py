from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.knowledge_source_sync_status import (
    KnowledgeSourceSyncStatus,
    check_knowledge_source_sync_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="KnowledgeSourceSync")


@_attrs_define
class KnowledgeSourceSync:
    """The outcome of syncing one remote knowledge source.

    Attributes:
        source_id (str):
        url (str):
        status (KnowledgeSourceSyncStatus): skipped when a sync of the source was already running.
        files_added (int | Unset):
        files_modified (int | Unset):
        files_deleted (int | Unset):
        files_failed (int | Unset):
        bytes_downloaded (int | Unset):
        duration_ms (int | Unset):
        error (str | Unset): Empty when the sync succeeded.
        reason (str | Unset): Why the source was skipped.
    """

    source_id: str
    url: str
    status: KnowledgeSourceSyncStatus
    files_added: int | Unset = UNSET
    files_modified: int | Unset = UNSET
    files_deleted: int | Unset = UNSET
    files_failed: int | Unset = UNSET
    bytes_downloaded: int | Unset = UNSET
    duration_ms: int | Unset = UNSET
    error: str | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source_id = self.source_id

        url = self.url

        status: str = self.status

        files_added = self.files_added

        files_modified = self.files_modified

        files_deleted = self.files_deleted

        files_failed = self.files_failed

        bytes_downloaded = self.bytes_downloaded

        duration_ms = self.duration_ms

        error = self.error

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source_id": source_id,
                "url": url,
                "status": status,
            }
        )
        if files_added is not UNSET:
            field_dict["files_added"] = files_added
        if files_modified is not UNSET:
            field_dict["files_modified"] = files_modified
        if files_deleted is not UNSET:
            field_dict["files_deleted"] = files_deleted
        if files_failed is not UNSET:
            field_dict["files_failed"] = files_failed
        if bytes_downloaded is not UNSET:
            field_dict["bytes_downloaded"] = bytes_downloaded
        if duration_ms is not UNSET:
            field_dict["duration_ms"] = duration_ms
        if error is not UNSET:
            field_dict["error"] = error
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        source_id = d.pop("source_id")

        url = d.pop("url")

        status = check_knowledge_source_sync_status(d.pop("status"))

        files_added = d.pop("files_added", UNSET)

        files_modified = d.pop("files_modified", UNSET)

        files_deleted = d.pop("files_deleted", UNSET)

        files_failed = d.pop("files_failed", UNSET)

        bytes_downloaded = d.pop("bytes_downloaded", UNSET)

        duration_ms = d.pop("duration_ms", UNSET)

        error = d.pop("error", UNSET)

        reason = d.pop("reason", UNSET)

        knowledge_source_sync = cls(
            source_id=source_id,
            url=url,
            status=status,
            files_added=files_added,
            files_modified=files_modified,
            files_deleted=files_deleted,
            files_failed=files_failed,
            bytes_downloaded=bytes_downloaded,
            duration_ms=duration_ms,
            error=error,
            reason=reason,
        )

        knowledge_source_sync.additional_properties = d
        return knowledge_source_sync

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
