from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.knowledge_source_sync_status import (
    KnowledgeSourceSyncStatus,
    check_knowledge_source_sync_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="KnowledgeSourceSync")


@_attrs_define(repr=False, getstate_setstate=False)
class KnowledgeSourceSync(Model):
    """The outcome of syncing one remote knowledge source.

    Attributes:
        source_id (str):
        url (str):
        status (KnowledgeSourceSyncStatus): skipped when a sync of the source was already running.
        files_added (int | None):
        files_modified (int | None):
        files_deleted (int | None):
        files_failed (int | None):
        bytes_downloaded (int | None):
        duration_ms (int | None):
        error (str | None): Empty when the sync succeeded.
        reason (str | None): Why the source was skipped.
    """

    source_id: str
    url: str
    status: KnowledgeSourceSyncStatus
    files_added: int | None = None
    files_modified: int | None = None
    files_deleted: int | None = None
    files_failed: int | None = None
    bytes_downloaded: int | None = None
    duration_ms: int | None = None
    error: str | None = None
    reason: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        source_id = self.source_id

        url = self.url

        status: str = self.status

        _src_files_added: int | Unset = UNSET if self.files_added is None else self.files_added
        files_added = _src_files_added

        _src_files_modified: int | Unset = UNSET if self.files_modified is None else self.files_modified
        files_modified = _src_files_modified

        _src_files_deleted: int | Unset = UNSET if self.files_deleted is None else self.files_deleted
        files_deleted = _src_files_deleted

        _src_files_failed: int | Unset = UNSET if self.files_failed is None else self.files_failed
        files_failed = _src_files_failed

        _src_bytes_downloaded: int | Unset = UNSET if self.bytes_downloaded is None else self.bytes_downloaded
        bytes_downloaded = _src_bytes_downloaded

        _src_duration_ms: int | Unset = UNSET if self.duration_ms is None else self.duration_ms
        duration_ms = _src_duration_ms

        _src_error: str | Unset = UNSET if self.error is None else self.error
        error = _src_error

        _src_reason: str | Unset = UNSET if self.reason is None else self.reason
        reason = _src_reason

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
            files_added=None if isinstance(files_added, Unset) else files_added,
            files_modified=None if isinstance(files_modified, Unset) else files_modified,
            files_deleted=None if isinstance(files_deleted, Unset) else files_deleted,
            files_failed=None if isinstance(files_failed, Unset) else files_failed,
            bytes_downloaded=None if isinstance(bytes_downloaded, Unset) else bytes_downloaded,
            duration_ms=None if isinstance(duration_ms, Unset) else duration_ms,
            error=None if isinstance(error, Unset) else error,
            reason=None if isinstance(reason, Unset) else reason,
        )

        knowledge_source_sync.additional_properties = d
        return knowledge_source_sync

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> JSON:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: JSON) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
