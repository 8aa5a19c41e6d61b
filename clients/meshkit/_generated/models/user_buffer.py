from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="UserBuffer")


@_attrs_define(repr=False, getstate_setstate=False)
class UserBuffer(Model):
    """One user's share of the buffer memory.

    Attributes:
        user_id (str):
        total_messages (int):
        sessions (list[UserBufferSessionsItem]): Per-session buffer information (always empty in muxi-runtime
            1.20260928.0).
        buffer_size_kb (float): Approximate size in KiB.
    """

    user_id: str
    total_messages: int
    sessions: list[UserBufferSessionsItem]
    buffer_size_kb: float
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        user_id = self.user_id

        total_messages = self.total_messages

        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        buffer_size_kb = self.buffer_size_kb

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "total_messages": total_messages,
                "sessions": sessions,
                "buffer_size_kb": buffer_size_kb,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        total_messages = d.pop("total_messages")

        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in _sessions:
            sessions_item = UserBufferSessionsItem.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        buffer_size_kb = d.pop("buffer_size_kb")

        user_buffer = cls(
            user_id=user_id,
            total_messages=total_messages,
            sessions=sessions,
            buffer_size_kb=buffer_size_kb,
        )

        user_buffer.additional_properties = d
        return user_buffer

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
from ..models.user_buffer_sessions_item import UserBufferSessionsItem
