from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryIngestionBatch")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryIngestionBatch(Model):
    """A memory batch's per-item outcomes and the processing job of its accepted items.

    Attributes:
        processing_id (None | str): Null when no item was accepted.
        items (list[MemoryIngestionItem]):
        counts (MemoryIngestionCounts): How many batch items were accepted, duplicates or invalid.
        status_url (str | None):
    """

    processing_id: None | str
    items: list[MemoryIngestionItem]
    counts: MemoryIngestionCounts
    status_url: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        processing_id: None | str
        processing_id = self.processing_id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        counts = self.counts.to_dict()

        _src_status_url: str | Unset = UNSET if self.status_url is None else self.status_url
        status_url = _src_status_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "processing_id": processing_id,
                "items": items,
                "counts": counts,
            }
        )
        if status_url is not UNSET:
            field_dict["status_url"] = status_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_processing_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        processing_id = _parse_processing_id(d.pop("processing_id"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = MemoryIngestionItem.from_dict(items_item_data)

            items.append(items_item)

        counts = MemoryIngestionCounts.from_dict(d.pop("counts"))

        status_url = d.pop("status_url", UNSET)

        memory_ingestion_batch = cls(
            processing_id=processing_id,
            items=items,
            counts=counts,
            status_url=None if isinstance(status_url, Unset) else status_url,
        )

        memory_ingestion_batch.additional_properties = d
        return memory_ingestion_batch

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
from ..models.memory_ingestion_counts import MemoryIngestionCounts
from ..models.memory_ingestion_item import MemoryIngestionItem
