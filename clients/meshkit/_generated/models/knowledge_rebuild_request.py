from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.model_base import OMITTED, Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="KnowledgeRebuildRequest")


@_attrs_define(repr=False)
class KnowledgeRebuildRequest(Model):
    """Model for a per-agent knowledge tree rebuild request.

    ``agent_id`` limits the rebuild to one agent (omit for all agents);
    ``source_id`` limits it to one agent-tree source slug (omit for all
    of the agent's agent-tree sources).

        Attributes:
            agent_id (None | str):
            source_id (None | str):
    """

    agent_id: None | str = OMITTED
    source_id: None | str = OMITTED
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The nullable fields that were not given: to_dict() leaves them out instead of sending null.
    _omitted: frozenset[str] = _attrs_field(init=False, eq=False, default=frozenset())

    def __attrs_post_init__(self) -> None:
        omitted: list[str] = []
        if self.agent_id is OMITTED:
            self.agent_id = None
            omitted.append("agent_id")
        if self.source_id is OMITTED:
            self.source_id = None
            omitted.append("source_id")
        if omitted:
            self._omitted = frozenset(omitted)

    def to_dict(self) -> dict[str, Any]:
        _src_agent_id: None | str | Unset = (
            UNSET if self.agent_id is None and "agent_id" in self._omitted else self.agent_id
        )
        agent_id: None | str | Unset
        if isinstance(_src_agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = _src_agent_id

        _src_source_id: None | str | Unset = (
            UNSET if self.source_id is None and "source_id" in self._omitted else self.source_id
        )
        source_id: None | str | Unset
        if isinstance(_src_source_id, Unset):
            source_id = UNSET
        else:
            source_id = _src_source_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if source_id is not UNSET:
            field_dict["source_id"] = source_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_id = _parse_agent_id(d.pop("agent_id", UNSET))

        def _parse_source_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_id = _parse_source_id(d.pop("source_id", UNSET))

        knowledge_rebuild_request = cls(
            agent_id=OMITTED if isinstance(agent_id, Unset) else agent_id,
            source_id=OMITTED if isinstance(source_id, Unset) else source_id,
        )

        knowledge_rebuild_request.additional_properties = d
        return knowledge_rebuild_request

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
