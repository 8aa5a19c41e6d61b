from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="FormationDefinition")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationDefinition(Model):
    """The whole formation file as the runtime loaded it, with defaults filled and secrets masked. Free-form beyond the
    typed keys: the other keys are the formation file's own sections.

        Attributes:
            id (str):
            formation_id (str | None):
            schema (str | None): The formation file's schema version.
            description (None | str):
            version (str | None):
            agents (list[Agent] | None):
            llm (LLMSettings | None): The llm section of the formation file, secrets masked. Free-form beyond the typed
                keys: the formation file decides them.
    """

    id: str
    formation_id: str | None = None
    schema: str | None = None
    description: None | str = None
    version: str | None = None
    agents: list[Agent] | None = None
    llm: LLMSettings | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        _src_formation_id: str | Unset = UNSET if self.formation_id is None else self.formation_id
        formation_id = _src_formation_id

        _src_schema: str | Unset = UNSET if self.schema is None else self.schema
        schema = _src_schema

        _src_description: None | str | Unset = UNSET if self.description is None else self.description
        description: None | str | Unset
        if isinstance(_src_description, Unset):
            description = UNSET
        else:
            description = _src_description

        _src_version: str | Unset = UNSET if self.version is None else self.version
        version = _src_version

        _src_agents: list[Agent] | Unset = UNSET if self.agents is None else self.agents
        agents: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_src_agents, Unset):
            agents = []
            for agents_item_data in _src_agents:
                agents_item = agents_item_data.to_dict()
                agents.append(agents_item)

        _src_llm: LLMSettings | Unset = UNSET if self.llm is None else self.llm
        llm: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_llm, Unset):
            llm = _src_llm.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if formation_id is not UNSET:
            field_dict["formation_id"] = formation_id
        if schema is not UNSET:
            field_dict["schema"] = schema
        if description is not UNSET:
            field_dict["description"] = description
        if version is not UNSET:
            field_dict["version"] = version
        if agents is not UNSET:
            field_dict["agents"] = agents
        if llm is not UNSET:
            field_dict["llm"] = llm

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        formation_id = d.pop("formation_id", UNSET)

        schema = d.pop("schema", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        version = d.pop("version", UNSET)

        _agents = d.pop("agents", UNSET)
        agents: list[Agent] | Unset = UNSET
        if _agents is not UNSET:
            agents = []
            for agents_item_data in _agents:
                agents_item = Agent.from_dict(agents_item_data)

                agents.append(agents_item)

        _llm = d.pop("llm", UNSET)
        llm: LLMSettings | Unset
        if isinstance(_llm, Unset):
            llm = UNSET
        else:
            llm = LLMSettings.from_dict(_llm)

        formation_definition = cls(
            id=id,
            formation_id=None if isinstance(formation_id, Unset) else formation_id,
            schema=None if isinstance(schema, Unset) else schema,
            description=None if isinstance(description, Unset) else description,
            version=None if isinstance(version, Unset) else version,
            agents=None if isinstance(agents, Unset) else agents,
            llm=None if isinstance(llm, Unset) else llm,
        )

        formation_definition.additional_properties = d
        return formation_definition

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
from ..models.agent import Agent
from ..models.llm_settings import LLMSettings
