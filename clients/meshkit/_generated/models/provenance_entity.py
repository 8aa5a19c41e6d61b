from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProvenanceEntity")


@_attrs_define
class ProvenanceEntity:
    """A knowledge graph entity with the event chains it was derived from.

    Attributes:
        name (str | Unset):
        type_ (None | str | Unset):
        status (None | str | Unset):
        confidence (float | None | Unset):
        attributes (None | ProvenanceEntityAttributesType0 | Unset):
        events (list[list[MemoryEvent]] | Unset): Causation chains, each root-first.
    """

    name: str | Unset = UNSET
    type_: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    confidence: float | None | Unset = UNSET
    attributes: None | ProvenanceEntityAttributesType0 | Unset = UNSET
    events: list[list[MemoryEvent]] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        confidence: float | None | Unset
        if isinstance(self.confidence, Unset):
            confidence = UNSET
        else:
            confidence = self.confidence

        attributes: dict[str, Any] | None | Unset
        if isinstance(self.attributes, Unset):
            attributes = UNSET
        elif isinstance(self.attributes, ProvenanceEntityAttributesType0):
            attributes = self.attributes.to_dict()
        else:
            attributes = self.attributes

        events: list[list[dict[str, Any]]] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for componentsschemas_memory_event_chains_item_data in self.events:
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
            name=name,
            type_=type_,
            status=status,
            confidence=confidence,
            attributes=attributes,
            events=events,
        )

        provenance_entity.additional_properties = d
        return provenance_entity

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
from ..models.memory_event import MemoryEvent
from ..models.provenance_entity_attributes_type_0 import ProvenanceEntityAttributesType0
