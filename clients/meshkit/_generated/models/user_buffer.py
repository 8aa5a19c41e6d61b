from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserBuffer")


@_attrs_define
class UserBuffer:
    """
    Attributes:
        user_id (str | Unset):
        total_messages (int | Unset):
        sessions (Any | Unset): Per-session buffer information.
        buffer_size_kb (float | Unset):
    """

    user_id: str | Unset = UNSET
    total_messages: int | Unset = UNSET
    sessions: Any | Unset = UNSET
    buffer_size_kb: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        total_messages = self.total_messages

        sessions = self.sessions

        buffer_size_kb = self.buffer_size_kb

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if total_messages is not UNSET:
            field_dict["total_messages"] = total_messages
        if sessions is not UNSET:
            field_dict["sessions"] = sessions
        if buffer_size_kb is not UNSET:
            field_dict["buffer_size_kb"] = buffer_size_kb

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id", UNSET)

        total_messages = d.pop("total_messages", UNSET)

        sessions = d.pop("sessions", UNSET)

        buffer_size_kb = d.pop("buffer_size_kb", UNSET)

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

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
