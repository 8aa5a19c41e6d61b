from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryIngestionStatus")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryIngestionStatus(Model):
    """An ingestion job; completed jobs carry per-item reports, counts and token usage.

    Attributes:
        processing_id (str):
        status (str): queued, processing, completed or failed.
        created_at (float | None): Epoch seconds.
        completed_at (float | str | None): ISO 8601 once the pipeline completed; epoch seconds when the job ended
            otherwise.
        error (str | None):
        items (list[MemoryIngestionReport] | None):
        counts (MemoryIngestionStatusCounts | None): Items per disposition (stored, filtered, failed).
        usage (MemoryIngestionStatusUsage | None): The job's token usage.
    """

    processing_id: str
    status: str
    created_at: float | None
    completed_at: float | str | None = None
    error: str | None = None
    items: list[MemoryIngestionReport] | None = None
    counts: MemoryIngestionStatusCounts | None = None
    usage: MemoryIngestionStatusUsage | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        processing_id = self.processing_id

        status = self.status

        created_at: float | None
        created_at = self.created_at

        _src_completed_at: float | str | Unset = UNSET if self.completed_at is None else self.completed_at
        completed_at: float | str | Unset
        if isinstance(_src_completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = _src_completed_at

        _src_error: str | Unset = UNSET if self.error is None else self.error
        error = _src_error

        _src_items: list[MemoryIngestionReport] | Unset = UNSET if self.items is None else self.items
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_src_items, Unset):
            items = []
            for items_item_data in _src_items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        _src_counts: MemoryIngestionStatusCounts | Unset = UNSET if self.counts is None else self.counts
        counts: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_counts, Unset):
            counts = _src_counts.to_dict()

        _src_usage: MemoryIngestionStatusUsage | Unset = UNSET if self.usage is None else self.usage
        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_usage, Unset):
            usage = _src_usage.to_dict()

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
            completed_at=None if isinstance(completed_at, Unset) else completed_at,
            error=None if isinstance(error, Unset) else error,
            items=None if isinstance(items, Unset) else items,
            counts=None if isinstance(counts, Unset) else counts,
            usage=None if isinstance(usage, Unset) else usage,
        )

        memory_ingestion_status.additional_properties = d
        return memory_ingestion_status

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


# Referenced models, imported once the classes above exist (import cycles resolve).
from ..models.memory_ingestion_report import MemoryIngestionReport
from ..models.memory_ingestion_status_counts import MemoryIngestionStatusCounts
from ..models.memory_ingestion_status_usage import MemoryIngestionStatusUsage
