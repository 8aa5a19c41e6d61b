from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.memory_ingestion_item_status import (
    MemoryIngestionItemStatus,
    check_memory_ingestion_item_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryIngestionItem")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryIngestionItem(Model):
    """One batch item's outcome, at the index it had in the request.

    Attributes:
        index (int):
        status (MemoryIngestionItemStatus):
        event_id (str | None):
        error (str | None): Why the item is invalid.
        derived_events (list[DerivedMemoryEvent] | None):
    """

    index: int
    status: MemoryIngestionItemStatus
    event_id: str | None = None
    error: str | None = None
    derived_events: list[DerivedMemoryEvent] | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        index = self.index

        status: str = self.status

        _src_event_id: str | Unset = UNSET if self.event_id is None else self.event_id
        event_id = _src_event_id

        _src_error: str | Unset = UNSET if self.error is None else self.error
        error = _src_error

        _src_derived_events: list[DerivedMemoryEvent] | Unset = (
            UNSET if self.derived_events is None else self.derived_events
        )
        derived_events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_src_derived_events, Unset):
            derived_events = []
            for derived_events_item_data in _src_derived_events:
                derived_events_item = derived_events_item_data.to_dict()
                derived_events.append(derived_events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "status": status,
            }
        )
        if event_id is not UNSET:
            field_dict["event_id"] = event_id
        if error is not UNSET:
            field_dict["error"] = error
        if derived_events is not UNSET:
            field_dict["derived_events"] = derived_events

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        index = d.pop("index")

        status = check_memory_ingestion_item_status(d.pop("status"))

        event_id = d.pop("event_id", UNSET)

        error = d.pop("error", UNSET)

        _derived_events = d.pop("derived_events", UNSET)
        derived_events: list[DerivedMemoryEvent] | Unset = UNSET
        if _derived_events is not UNSET:
            derived_events = []
            for derived_events_item_data in _derived_events:
                derived_events_item = DerivedMemoryEvent.from_dict(derived_events_item_data)

                derived_events.append(derived_events_item)

        memory_ingestion_item = cls(
            index=index,
            status=status,
            event_id=None if isinstance(event_id, Unset) else event_id,
            error=None if isinstance(error, Unset) else error,
            derived_events=None if isinstance(derived_events, Unset) else derived_events,
        )

        memory_ingestion_item.additional_properties = d
        return memory_ingestion_item

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
from ..models.derived_memory_event import DerivedMemoryEvent
