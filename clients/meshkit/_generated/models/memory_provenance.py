from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryProvenance")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryProvenance(Model):
    """Why the formation believes something: for an entity, the entity, its facts and their count; for an event_id, the
    event and its causation chain.

        Attributes:
            entity (ProvenanceEntity | None): A knowledge graph entity with the event chains it was derived from.
            facts (list[ProvenanceFact] | None):
            count (int | None):
            event (MemoryEvent | None): One immutable memory event, as provenance shows it.
            chain (list[MemoryEvent] | None):
    """

    entity: ProvenanceEntity | None = None
    facts: list[ProvenanceFact] | None = None
    count: int | None = None
    event: MemoryEvent | None = None
    chain: list[MemoryEvent] | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_entity: ProvenanceEntity | Unset = UNSET if self.entity is None else self.entity
        entity: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_entity, Unset):
            entity = _src_entity.to_dict()

        _src_facts: list[ProvenanceFact] | Unset = UNSET if self.facts is None else self.facts
        facts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_src_facts, Unset):
            facts = []
            for facts_item_data in _src_facts:
                facts_item = facts_item_data.to_dict()
                facts.append(facts_item)

        _src_count: int | Unset = UNSET if self.count is None else self.count
        count = _src_count

        _src_event: MemoryEvent | Unset = UNSET if self.event is None else self.event
        event: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_event, Unset):
            event = _src_event.to_dict()

        _src_chain: list[MemoryEvent] | Unset = UNSET if self.chain is None else self.chain
        chain: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_src_chain, Unset):
            chain = []
            for chain_item_data in _src_chain:
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
            entity=None if isinstance(entity, Unset) else entity,
            facts=None if isinstance(facts, Unset) else facts,
            count=None if isinstance(count, Unset) else count,
            event=None if isinstance(event, Unset) else event,
            chain=None if isinstance(chain, Unset) else chain,
        )

        memory_provenance.additional_properties = d
        return memory_provenance

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
from ..models.provenance_entity import ProvenanceEntity
from ..models.provenance_fact import ProvenanceFact
