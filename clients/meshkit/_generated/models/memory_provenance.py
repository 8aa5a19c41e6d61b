from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryProvenance")


@_attrs_define
class MemoryProvenance:
    """Why the formation believes something: for an entity, the entity, its facts and their count; for an event_id, the
    event and its causation chain.

        Attributes:
            entity (ProvenanceEntity | Unset): A knowledge graph entity with the event chains it was derived from.
            facts (list[ProvenanceFact] | Unset):
            count (int | Unset):
            event (MemoryEvent | Unset): One immutable memory event, as provenance shows it.
            chain (list[MemoryEvent] | Unset):
    """

    entity: ProvenanceEntity | Unset = UNSET
    facts: list[ProvenanceFact] | Unset = UNSET
    count: int | Unset = UNSET
    event: MemoryEvent | Unset = UNSET
    chain: list[MemoryEvent] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.entity, Unset):
            entity = self.entity.to_dict()

        facts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.facts, Unset):
            facts = []
            for facts_item_data in self.facts:
                facts_item = facts_item_data.to_dict()
                facts.append(facts_item)

        count = self.count

        event: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event, Unset):
            event = self.event.to_dict()

        chain: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.chain, Unset):
            chain = []
            for chain_item_data in self.chain:
                chain_item = chain_item_data.to_dict()
                chain.append(chain_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if entity is not UNSET:
            field_dict["entity"] = entity
        if facts is not UNSET:
            field_dict["facts"] = facts
        if count is not UNSET:
            field_dict["count"] = count
        if event is not UNSET:
            field_dict["event"] = event
        if chain is not UNSET:
            field_dict["chain"] = chain

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _entity = d.pop("entity", UNSET)
        entity: ProvenanceEntity | Unset
        if isinstance(_entity, Unset):
            entity = UNSET
        else:
            entity = ProvenanceEntity.from_dict(_entity)

        _facts = d.pop("facts", UNSET)
        facts: list[ProvenanceFact] | Unset = UNSET
        if _facts is not UNSET:
            facts = []
            for facts_item_data in _facts:
                facts_item = ProvenanceFact.from_dict(facts_item_data)

                facts.append(facts_item)

        count = d.pop("count", UNSET)

        _event = d.pop("event", UNSET)
        event: MemoryEvent | Unset
        if isinstance(_event, Unset):
            event = UNSET
        else:
            event = MemoryEvent.from_dict(_event)

        _chain = d.pop("chain", UNSET)
        chain: list[MemoryEvent] | Unset = UNSET
        if _chain is not UNSET:
            chain = []
            for chain_item_data in _chain:
                chain_item = MemoryEvent.from_dict(chain_item_data)

                chain.append(chain_item)

        memory_provenance = cls(
            entity=entity,
            facts=facts,
            count=count,
            event=event,
            chain=chain,
        )

        memory_provenance.additional_properties = d
        return memory_provenance

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
from ..models.provenance_entity import ProvenanceEntity
from ..models.provenance_fact import ProvenanceFact
