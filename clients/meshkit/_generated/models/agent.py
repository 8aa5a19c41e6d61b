from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Agent")


@_attrs_define
class Agent:
    """One agent of the formation, as its file declares it (secrets masked). Free-form beyond the typed keys: the agent
    file decides them (knowledge, llm_models, mcp_servers, a2a…).

        Attributes:
            id (str):
            name (str | Unset):
            description (None | str | Unset):
            system_message (None | str | Unset):
            source (str | Unset): Where the agent comes from: formation (its file) or api.
            active (bool | Unset):
            version (str | Unset):
            knowledge (AgentKnowledge | Unset): Free-form: the agent file's knowledge section (enabled, sources…).
    """

    id: str
    name: str | Unset = UNSET
    description: None | str | Unset = UNSET
    system_message: None | str | Unset = UNSET
    source: str | Unset = UNSET
    active: bool | Unset = UNSET
    version: str | Unset = UNSET
    knowledge: AgentKnowledge | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        system_message: None | str | Unset
        if isinstance(self.system_message, Unset):
            system_message = UNSET
        else:
            system_message = self.system_message

        source = self.source

        active = self.active

        version = self.version

        knowledge: dict[str, Any] | Unset = UNSET
        if not isinstance(self.knowledge, Unset):
            knowledge = self.knowledge.to_dict()

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
            name=name,
            description=description,
            system_message=system_message,
            source=source,
            active=active,
            version=version,
            knowledge=knowledge,
        )

        agent.additional_properties = d
        return agent

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
from ..models.agent_knowledge import AgentKnowledge
