from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="KnowledgeSyncResult")


@_attrs_define(repr=False, getstate_setstate=False)
class KnowledgeSyncResult(Model):
    """The outcome of re-syncing an agent's remote knowledge sources, one result per source.

    Attributes:
        agent_id (str):
        results (list[KnowledgeSourceSync]):
    """

    agent_id: str
    results: list[KnowledgeSourceSync]
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        agent_id = self.agent_id

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_id": agent_id,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = KnowledgeSourceSync.from_dict(results_item_data)

            results.append(results_item)

        knowledge_sync_result = cls(
            agent_id=agent_id,
            results=results,
        )

        knowledge_sync_result.additional_properties = d
        return knowledge_sync_result

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
from ..models.knowledge_source_sync import KnowledgeSourceSync
