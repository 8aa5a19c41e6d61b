from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionHistoryMessageMetadata")


@_attrs_define(repr=False, getstate_setstate=False)
class SessionHistoryMessageMetadata(Model):
    """Who wrote a session message and when; a restored message may carry more keys.

    Attributes:
        role (str | None): user, assistant or system.
        timestamp (float | None | str | None): When the message was written, in epoch seconds (a float).
        agent_id (None | str):
        user_id (str | None):
        session_id (str | None):
        request_id (None | str): The request (as GET /v1/requests tracks it) that wrote the message.
        formation_id (None | str):
    """

    role: str | None = None
    timestamp: float | None | str = None
    agent_id: None | str = None
    user_id: str | None = None
    session_id: str | None = None
    request_id: None | str = None
    formation_id: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_role: str | Unset = UNSET if self.role is None else self.role
        role = _src_role

        _src_timestamp: float | None | str | Unset = UNSET if self.timestamp is None else self.timestamp
        timestamp: float | None | str | Unset
        if isinstance(_src_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = _src_timestamp

        _src_agent_id: None | str | Unset = UNSET if self.agent_id is None else self.agent_id
        agent_id: None | str | Unset
        if isinstance(_src_agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = _src_agent_id

        _src_user_id: str | Unset = UNSET if self.user_id is None else self.user_id
        user_id = _src_user_id

        _src_session_id: str | Unset = UNSET if self.session_id is None else self.session_id
        session_id = _src_session_id

        _src_request_id: None | str | Unset = UNSET if self.request_id is None else self.request_id
        request_id: None | str | Unset
        if isinstance(_src_request_id, Unset):
            request_id = UNSET
        else:
            request_id = _src_request_id

        _src_formation_id: None | str | Unset = UNSET if self.formation_id is None else self.formation_id
        formation_id: None | str | Unset
        if isinstance(_src_formation_id, Unset):
            formation_id = UNSET
        else:
            formation_id = _src_formation_id

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
            role=None if isinstance(role, Unset) else role,
            timestamp=None if isinstance(timestamp, Unset) else timestamp,
            agent_id=None if isinstance(agent_id, Unset) else agent_id,
            user_id=None if isinstance(user_id, Unset) else user_id,
            session_id=None if isinstance(session_id, Unset) else session_id,
            request_id=None if isinstance(request_id, Unset) else request_id,
            formation_id=None if isinstance(formation_id, Unset) else formation_id,
        )

        session_history_message_metadata.additional_properties = d
        return session_history_message_metadata

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
