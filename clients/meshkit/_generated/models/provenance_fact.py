from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProvenanceFact")


@_attrs_define(repr=False, getstate_setstate=False)
class ProvenanceFact(Model):
    """A relationship touching the entity, whatever its status, with its event chains.

    Attributes:
        statement (str | None): "from -[type]-> to".
        relationship_type (str | None):
        status (None | str):
        confidence (float | None):
        effective_confidence (float | None):
        updated_at (None | str):
        events (list[list[MemoryEvent]] | None): Causation chains, each root-first.
    """

    statement: str | None = None
    relationship_type: str | None = None
    status: None | str = None
    confidence: float | None = None
    effective_confidence: float | None = None
    updated_at: None | str = None
    events: list[list[MemoryEvent]] | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_statement: str | Unset = UNSET if self.statement is None else self.statement
        statement = _src_statement

        _src_relationship_type: str | Unset = UNSET if self.relationship_type is None else self.relationship_type
        relationship_type = _src_relationship_type

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

        _src_effective_confidence: float | Unset = (
            UNSET if self.effective_confidence is None else self.effective_confidence
        )
        effective_confidence = _src_effective_confidence

        _src_updated_at: None | str | Unset = UNSET if self.updated_at is None else self.updated_at
        updated_at: None | str | Unset
        if isinstance(_src_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = _src_updated_at

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
            statement=None if isinstance(statement, Unset) else statement,
            relationship_type=None if isinstance(relationship_type, Unset) else relationship_type,
            status=None if isinstance(status, Unset) else status,
            confidence=None if isinstance(confidence, Unset) else confidence,
            effective_confidence=None if isinstance(effective_confidence, Unset) else effective_confidence,
            updated_at=None if isinstance(updated_at, Unset) else updated_at,
            events=None if isinstance(events, Unset) else events,
        )

        provenance_fact.additional_properties = d
        return provenance_fact

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
