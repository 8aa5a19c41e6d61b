from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionMessage")


@_attrs_define(repr=False, getstate_setstate=False)
class SessionMessage(Model):
    """A message to restore into a session.

    Attributes:
        role (str): Message role: user, assistant, or system
        content (str): Message content
        timestamp (str): ISO 8601 timestamp
        agent_id (None | str): Agent ID for assistant messages
        metadata (None | SessionMessageMetadata): Additional metadata
    """

    role: str
    content: str
    timestamp: str
    agent_id: None | str = None
    metadata: None | SessionMessageMetadata = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        role = self.role

        content = self.content

        timestamp = self.timestamp

        _src_agent_id: None | str | Unset = UNSET if self.agent_id is None else self.agent_id
        agent_id: None | str | Unset
        if isinstance(_src_agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = _src_agent_id

        _src_metadata: None | SessionMessageMetadata | Unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | None | Unset
        if isinstance(_src_metadata, Unset):
            metadata = UNSET
        elif isinstance(_src_metadata, SessionMessageMetadata):
            metadata = _src_metadata.to_dict()
        else:
            metadata = _src_metadata

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "content": content,
                "timestamp": timestamp,
            }
        )
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        role = d.pop("role")

        content = d.pop("content")

        timestamp = d.pop("timestamp")

        def _parse_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_id = _parse_agent_id(d.pop("agent_id", UNSET))

        def _parse_metadata(data: object) -> None | SessionMessageMetadata | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = SessionMessageMetadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionMessageMetadata | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        session_message = cls(
            role=role,
            content=content,
            timestamp=timestamp,
            agent_id=None if isinstance(agent_id, Unset) else agent_id,
            metadata=None if isinstance(metadata, Unset) else metadata,
        )

        session_message.additional_properties = d
        return session_message

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
from ..models.session_message_metadata import SessionMessageMetadata
