from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryIngestionStatus")


@_attrs_define
class MemoryIngestionStatus:
    """An ingestion job; completed jobs carry per-item reports, counts and token usage.

    Attributes:
        processing_id (str):
        status (str): queued, processing, completed or failed.
        created_at (float | None): Epoch seconds.
        completed_at (float | str | Unset): ISO 8601 once the pipeline completed; epoch seconds when the job ended
            otherwise.
        error (str | Unset):
        items (list[MemoryIngestionReport] | Unset):
        counts (MemoryIngestionStatusCounts | Unset): Items per disposition (stored, filtered, failed).
        usage (MemoryIngestionStatusUsage | Unset): The job's token usage.
    """

    processing_id: str
    status: str
    created_at: float | None
    completed_at: float | str | Unset = UNSET
    error: str | Unset = UNSET
    items: list[MemoryIngestionReport] | Unset = UNSET
    counts: MemoryIngestionStatusCounts | Unset = UNSET
    usage: MemoryIngestionStatusUsage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        processing_id = self.processing_id

        status = self.status

        created_at: float | None
        created_at = self.created_at

        completed_at: float | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        error = self.error

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.counts, Unset):
            counts = self.counts.to_dict()

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "processing_id": processing_id,
                "status": status,
                "created_at": created_at,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if error is not UNSET:
            field_dict["error"] = error
        if items is not UNSET:
            field_dict["items"] = items
        if counts is not UNSET:
            field_dict["counts"] = counts
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        processing_id = d.pop("processing_id")

        status = d.pop("status")

        def _parse_created_at(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_completed_at(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        error = d.pop("error", UNSET)

        _items = d.pop("items", UNSET)
        items: list[MemoryIngestionReport] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = MemoryIngestionReport.from_dict(items_item_data)

                items.append(items_item)

        _counts = d.pop("counts", UNSET)
        counts: MemoryIngestionStatusCounts | Unset
        if isinstance(_counts, Unset):
            counts = UNSET
        else:
            counts = MemoryIngestionStatusCounts.from_dict(_counts)

        _usage = d.pop("usage", UNSET)
        usage: MemoryIngestionStatusUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = MemoryIngestionStatusUsage.from_dict(_usage)

        memory_ingestion_status = cls(
            processing_id=processing_id,
            status=status,
            created_at=created_at,
            completed_at=completed_at,
            error=error,
            items=items,
            counts=counts,
            usage=usage,
        )

        memory_ingestion_status.additional_properties = d
        return memory_ingestion_status

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


# Referenced models, imported once the classes above exist (import cycles resolve).
from ..models.memory_ingestion_report import MemoryIngestionReport
from ..models.memory_ingestion_status_counts import MemoryIngestionStatusCounts
from ..models.memory_ingestion_status_usage import MemoryIngestionStatusUsage
