from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProvenanceFact")


@_attrs_define
class ProvenanceFact:
    """A relationship touching the entity, whatever its status, with its event chains.

    Attributes:
        statement (str | Unset): "from -[type]-> to".
        relationship_type (str | Unset):
        status (None | str | Unset):
        confidence (float | None | Unset):
        effective_confidence (float | Unset):
        updated_at (None | str | Unset):
        events (list[list[MemoryEvent]] | Unset): Causation chains, each root-first.
    """

    statement: str | Unset = UNSET
    relationship_type: str | Unset = UNSET
    status: None | str | Unset = UNSET
    confidence: float | None | Unset = UNSET
    effective_confidence: float | Unset = UNSET
    updated_at: None | str | Unset = UNSET
    events: list[list[MemoryEvent]] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        statement = self.statement

        relationship_type = self.relationship_type

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

        effective_confidence = self.effective_confidence

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

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
        if statement is not UNSET:
            field_dict["statement"] = statement
        if relationship_type is not UNSET:
            field_dict["relationship_type"] = relationship_type
        if status is not UNSET:
            field_dict["status"] = status
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if effective_confidence is not UNSET:
            field_dict["effective_confidence"] = effective_confidence
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if events is not UNSET:
            field_dict["events"] = events

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        statement = d.pop("statement", UNSET)

        relationship_type = d.pop("relationship_type", UNSET)

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

        effective_confidence = d.pop("effective_confidence", UNSET)

        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

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

        provenance_fact = cls(
            statement=statement,
            relationship_type=relationship_type,
            status=status,
            confidence=confidence,
            effective_confidence=effective_confidence,
            updated_at=updated_at,
            events=events,
        )

        provenance_fact.additional_properties = d
        return provenance_fact

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
