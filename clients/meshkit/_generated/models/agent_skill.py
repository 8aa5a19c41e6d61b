from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.agent_skill_scope import AgentSkillScope, check_agent_skill_scope

T = TypeVar("T", bound="AgentSkill")


@_attrs_define(repr=False, getstate_setstate=False)
class AgentSkill(Model):
    """A skill an agent may use.

    Attributes:
        name (str):
        description (str):
        scope (AgentSkillScope):
    """

    name: str
    description: str
    scope: AgentSkillScope
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        name = self.name

        description = self.description

        scope: str = self.scope

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "scope": scope,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        scope = check_agent_skill_scope(d.pop("scope"))

        agent_skill = cls(
            name=name,
            description=description,
            scope=scope,
        )

        agent_skill.additional_properties = d
        return agent_skill

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
