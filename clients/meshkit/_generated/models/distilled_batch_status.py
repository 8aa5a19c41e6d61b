from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="DistilledBatchStatus")


@_attrs_define(repr=False, getstate_setstate=False)
class DistilledBatchStatus(Model):
    """A distilled batch's projection job (typed from the runtime's source; no recorded answer).

    Attributes:
        processing_id (str):
        status (str): queued, processing, completed or failed.
        created_at (float | None): Epoch seconds.
        completed_at (float | str | None): ISO 8601 once projected; epoch seconds when the job ended otherwise.
        error (str | None):
        batch_id (str | None):
        items (list[DistilledEventReport] | None):
        counts (DistilledBatchStatusCounts | None): Events per disposition (projected, recorded, failed).
        pre_computed_vectors_used (bool | None):
    """

    processing_id: str
    status: str
    created_at: float | None
    completed_at: float | str | None = None
    error: str | None = None
    batch_id: str | None = None
    items: list[DistilledEventReport] | None = None
    counts: DistilledBatchStatusCounts | None = None
    pre_computed_vectors_used: bool | None = None
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

        _src_batch_id: str | Unset = UNSET if self.batch_id is None else self.batch_id
        batch_id = _src_batch_id

        _src_items: list[DistilledEventReport] | Unset = UNSET if self.items is None else self.items
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_src_items, Unset):
            items = []
            for items_item_data in _src_items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        _src_counts: DistilledBatchStatusCounts | Unset = UNSET if self.counts is None else self.counts
        counts: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_counts, Unset):
            counts = _src_counts.to_dict()

        _src_pre_computed_vectors_used: bool | Unset = (
            UNSET if self.pre_computed_vectors_used is None else self.pre_computed_vectors_used
        )
        pre_computed_vectors_used = _src_pre_computed_vectors_used

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
        if batch_id is not UNSET:
            field_dict["batch_id"] = batch_id
        if items is not UNSET:
            field_dict["items"] = items
        if counts is not UNSET:
            field_dict["counts"] = counts
        if pre_computed_vectors_used is not UNSET:
            field_dict["pre_computed_vectors_used"] = pre_computed_vectors_used

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

        batch_id = d.pop("batch_id", UNSET)

        _items = d.pop("items", UNSET)
        items: list[DistilledEventReport] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = DistilledEventReport.from_dict(items_item_data)

                items.append(items_item)

        _counts = d.pop("counts", UNSET)
        counts: DistilledBatchStatusCounts | Unset
        if isinstance(_counts, Unset):
            counts = UNSET
        else:
            counts = DistilledBatchStatusCounts.from_dict(_counts)

        pre_computed_vectors_used = d.pop("pre_computed_vectors_used", UNSET)

        distilled_batch_status = cls(
            processing_id=processing_id,
            status=status,
            created_at=created_at,
            completed_at=None if isinstance(completed_at, Unset) else completed_at,
            error=None if isinstance(error, Unset) else error,
            batch_id=None if isinstance(batch_id, Unset) else batch_id,
            items=None if isinstance(items, Unset) else items,
            counts=None if isinstance(counts, Unset) else counts,
            pre_computed_vectors_used=None
            if isinstance(pre_computed_vectors_used, Unset)
            else pre_computed_vectors_used,
        )

        distilled_batch_status.additional_properties = d
        return distilled_batch_status

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
from ..models.distilled_batch_status_counts import DistilledBatchStatusCounts
from ..models.distilled_event_report import DistilledEventReport
