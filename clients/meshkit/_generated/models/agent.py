from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="Agent")


@_attrs_define(repr=False, getstate_setstate=False)
class Agent(Model):
    """One agent of the formation, as its file declares it (secrets masked). Free-form beyond the typed keys: the agent
    file decides them (knowledge, llm_models, mcp_servers, a2a…).

        Attributes:
            id (str):
            name (str | None):
            description (None | str):
            system_message (None | str):
            source (str | None): Where the agent comes from: formation (its file) or api.
            active (bool | None):
            version (str | None):
            knowledge (AgentKnowledge | None): Free-form: the agent file's knowledge section (enabled, sources…).
    """

    id: str
    name: str | None = None
    description: None | str = None
    system_message: None | str = None
    source: str | None = None
    active: bool | None = None
    version: str | None = None
    knowledge: AgentKnowledge | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        _src_name: str | Unset = UNSET if self.name is None else self.name
        name = _src_name

        _src_description: None | str | Unset = UNSET if self.description is None else self.description
        description: None | str | Unset
        if isinstance(_src_description, Unset):
            description = UNSET
        else:
            description = _src_description

        _src_system_message: None | str | Unset = UNSET if self.system_message is None else self.system_message
        system_message: None | str | Unset
        if isinstance(_src_system_message, Unset):
            system_message = UNSET
        else:
            system_message = _src_system_message

        _src_source: str | Unset = UNSET if self.source is None else self.source
        source = _src_source

        _src_active: bool | Unset = UNSET if self.active is None else self.active
        active = _src_active

        _src_version: str | Unset = UNSET if self.version is None else self.version
        version = _src_version

        _src_knowledge: AgentKnowledge | Unset = UNSET if self.knowledge is None else self.knowledge
        knowledge: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_knowledge, Unset):
            knowledge = _src_knowledge.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if system_message is not UNSET:
            field_dict["system_message"] = system_message
        if source is not UNSET:
            field_dict["source"] = source
        if active is not UNSET:
            field_dict["active"] = active
        if version is not UNSET:
            field_dict["version"] = version
        if knowledge is not UNSET:
            field_dict["knowledge"] = knowledge

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_system_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        system_message = _parse_system_message(d.pop("system_message", UNSET))

        source = d.pop("source", UNSET)

        active = d.pop("active", UNSET)

        version = d.pop("version", UNSET)

        _knowledge = d.pop("knowledge", UNSET)
        knowledge: AgentKnowledge | Unset
        if isinstance(_knowledge, Unset):
            knowledge = UNSET
        else:
            knowledge = AgentKnowledge.from_dict(_knowledge)

        agent = cls(
            id=id,
            name=None if isinstance(name, Unset) else name,
            description=None if isinstance(description, Unset) else description,
            system_message=None if isinstance(system_message, Unset) else system_message,
            source=None if isinstance(source, Unset) else source,
            active=None if isinstance(active, Unset) else active,
            version=None if isinstance(version, Unset) else version,
            knowledge=None if isinstance(knowledge, Unset) else knowledge,
        )

        agent.additional_properties = d
        return agent

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
from ..models.agent_knowledge import AgentKnowledge
