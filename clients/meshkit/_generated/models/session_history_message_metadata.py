from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionHistoryMessageMetadata")


@_attrs_define
class SessionHistoryMessageMetadata:
    """Who wrote a session message and when; a restored message may carry more keys.

    Attributes:
        role (str | Unset): user, assistant or system.
        timestamp (float | None | str | Unset): When the message was written, in epoch seconds (a float).
        agent_id (None | str | Unset):
        user_id (str | Unset):
        session_id (str | Unset):
        request_id (None | str | Unset): The request (as GET /v1/requests tracks it) that wrote the message.
        formation_id (None | str | Unset):
    """

    role: str | Unset = UNSET
    timestamp: float | None | str | Unset = UNSET
    agent_id: None | str | Unset = UNSET
    user_id: str | Unset = UNSET
    session_id: str | Unset = UNSET
    request_id: None | str | Unset = UNSET
    formation_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role = self.role

        timestamp: float | None | str | Unset
        if isinstance(self.timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = self.timestamp

        agent_id: None | str | Unset
        if isinstance(self.agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = self.agent_id

        user_id = self.user_id

        session_id = self.session_id

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        formation_id: None | str | Unset
        if isinstance(self.formation_id, Unset):
            formation_id = UNSET
        else:
            formation_id = self.formation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if role is not UNSET:
            field_dict["role"] = role
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if formation_id is not UNSET:
            field_dict["formation_id"] = formation_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        role = d.pop("role", UNSET)

        def _parse_timestamp(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        timestamp = _parse_timestamp(d.pop("timestamp", UNSET))

        def _parse_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_id = _parse_agent_id(d.pop("agent_id", UNSET))

        user_id = d.pop("user_id", UNSET)

        session_id = d.pop("session_id", UNSET)

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        def _parse_formation_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        formation_id = _parse_formation_id(d.pop("formation_id", UNSET))

        session_history_message_metadata = cls(
            role=role,
            timestamp=timestamp,
            agent_id=agent_id,
            user_id=user_id,
            session_id=session_id,
            request_id=request_id,
            formation_id=formation_id,
        )

        session_history_message_metadata.additional_properties = d
        return session_history_message_metadata

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
