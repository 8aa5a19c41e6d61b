from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="DerivedMemoryEvent")


@_attrs_define(repr=False, getstate_setstate=False)
class DerivedMemoryEvent(Model):
    """A memory event derived from an ingested item.

    Attributes:
        event_id (str | None):
        event_type (str | None):
    """

    event_id: str | None = None
    event_type: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_event_id: str | Unset = UNSET if self.event_id is None else self.event_id
        event_id = _src_event_id

        _src_event_type: str | Unset = UNSET if self.event_type is None else self.event_type
        event_type = _src_event_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event_id is not UNSET:
            field_dict["event_id"] = event_id
        if event_type is not UNSET:
            field_dict["event_type"] = event_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event_id = d.pop("event_id", UNSET)

        event_type = d.pop("event_type", UNSET)

        derived_memory_event = cls(
            event_id=None if isinstance(event_id, Unset) else event_id,
            event_type=None if isinstance(event_type, Unset) else event_type,
        )

        derived_memory_event.additional_properties = d
        return derived_memory_event

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
