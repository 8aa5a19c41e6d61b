from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="KnowledgeRebuildResult")


@_attrs_define(repr=False, getstate_setstate=False)
class KnowledgeRebuildResult(Model):
    """The agent knowledge trees rebuilt, per agent.

    Attributes:
        agents (KnowledgeRebuildResultAgents): Agent id → its rebuild report (empty lists for an agent without agent-
            tree sources).
        source_id (None | str): The one source rebuilt
    """

    agents: KnowledgeRebuildResultAgents
    source_id: None | str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        agents = self.agents.to_dict()

        source_id: None | str
        source_id = self.source_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agents": agents,
                "source_id": source_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agents = KnowledgeRebuildResultAgents.from_dict(d.pop("agents"))

        def _parse_source_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source_id = _parse_source_id(d.pop("source_id"))

        knowledge_rebuild_result = cls(
            agents=agents,
            source_id=source_id,
        )

        knowledge_rebuild_result.additional_properties = d
        return knowledge_rebuild_result

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
from ..models.knowledge_rebuild_result_agents import KnowledgeRebuildResultAgents
