from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProvenanceEntity")


@_attrs_define(repr=False, getstate_setstate=False)
class ProvenanceEntity(Model):
    """A knowledge graph entity with the event chains it was derived from.

    Attributes:
        name (str | None):
        type_ (None | str):
        status (None | str):
        confidence (float | None):
        attributes (None | ProvenanceEntityAttributesType0):
        events (list[list[MemoryEvent]] | None): Causation chains, each root-first.
    """

    name: str | None = None
    type_: None | str = None
    status: None | str = None
    confidence: float | None = None
    attributes: None | ProvenanceEntityAttributesType0 = None
    events: list[list[MemoryEvent]] | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_name: str | Unset = UNSET if self.name is None else self.name
        name = _src_name

        _src_type_: None | str | Unset = UNSET if self.type_ is None else self.type_
        type_: None | str | Unset
        if isinstance(_src_type_, Unset):
            type_ = UNSET
        else:
            type_ = _src_type_

        _src_status: None | str | Unset = UNSET if self.status is None else self.status
        status: None | str | Unset
        if isinstance(_src_status, Unset):
            status = UNSET
        else:
            status = _src_status

        _src_confidence: float | None | Unset = UNSET if self.confidence is None else self.confidence
        confidence: float | None | Unset
        if isinstance(_src_confidence, Unset):
            confidence = UNSET
        else:
            confidence = _src_confidence

        _src_attributes: None | ProvenanceEntityAttributesType0 | Unset = (
            UNSET if self.attributes is None else self.attributes
        )
        attributes: dict[str, Any] | None | Unset
        if isinstance(_src_attributes, Unset):
            attributes = UNSET
        elif isinstance(_src_attributes, ProvenanceEntityAttributesType0):
            attributes = _src_attributes.to_dict()
        else:
            attributes = _src_attributes

        _src_events: list[list[MemoryEvent]] | Unset = UNSET if self.events is None else self.events
        events: list[list[dict[str, Any]]] | Unset = UNSET
        if not isinstance(_src_events, Unset):
            events = []
            for componentsschemas_memory_event_chains_item_data in _src_events:
                componentsschemas_memory_event_chains_item = []
                for (
                    componentsschemas_memory_event_chains_item_item_data
                ) in componentsschemas_memory_event_chains_item_data:
                    componentsschemas_memory_event_chains_item_item = (
                        componentsschemas_memory_event_chains_item_item_data.to_dict()
                    )
                    componentsschemas_memory_event_chains_item.append(componentsschemas_memory_event_chains_item_item)

                events.append(componentsschemas_memory_event_chains_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_
        if status is not UNSET:
            field_dict["status"] = status
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if events is not UNSET:
            field_dict["events"] = events

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_confidence(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        confidence = _parse_confidence(d.pop("confidence", UNSET))

        def _parse_attributes(data: object) -> None | ProvenanceEntityAttributesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attributes_type_0 = ProvenanceEntityAttributesType0.from_dict(data)

                return attributes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProvenanceEntityAttributesType0 | Unset, data)

        attributes = _parse_attributes(d.pop("attributes", UNSET))

        _events = d.pop("events", UNSET)
        events: list[list[MemoryEvent]] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for componentsschemas_memory_event_chains_item_data in _events:
                componentsschemas_memory_event_chains_item = []
                _componentsschemas_memory_event_chains_item = componentsschemas_memory_event_chains_item_data
                for componentsschemas_memory_event_chains_item_item_data in _componentsschemas_memory_event_chains_item:
                    componentsschemas_memory_event_chains_item_item = MemoryEvent.from_dict(
                        componentsschemas_memory_event_chains_item_item_data
                    )

                    componentsschemas_memory_event_chains_item.append(componentsschemas_memory_event_chains_item_item)

                events.append(componentsschemas_memory_event_chains_item)

        provenance_entity = cls(
            name=None if isinstance(name, Unset) else name,
            type_=None if isinstance(type_, Unset) else type_,
            status=None if isinstance(status, Unset) else status,
            confidence=None if isinstance(confidence, Unset) else confidence,
            attributes=None if isinstance(attributes, Unset) else attributes,
            events=None if isinstance(events, Unset) else events,
        )

        provenance_entity.additional_properties = d
        return provenance_entity

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
from ..models.memory_event import MemoryEvent
from ..models.provenance_entity_attributes_type_0 import ProvenanceEntityAttributesType0
