from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="SessionRestoreResult")


@_attrs_define(repr=False, getstate_setstate=False)
class SessionRestoreResult(Model):
    """What restoring a session loaded into the buffer.

    Attributes:
        session_id (str):
        messages_loaded (int):
        messages_dropped (int): Messages that did not fit in the buffer (the oldest).
        message (str):
    """

    session_id: str
    messages_loaded: int
    messages_dropped: int
    message: str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        session_id = self.session_id

        messages_loaded = self.messages_loaded

        messages_dropped = self.messages_dropped

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "messages_loaded": messages_loaded,
                "messages_dropped": messages_dropped,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        session_id = d.pop("session_id")

        messages_loaded = d.pop("messages_loaded")

        messages_dropped = d.pop("messages_dropped")

        message = d.pop("message")

        session_restore_result = cls(
            session_id=session_id,
            messages_loaded=messages_loaded,
            messages_dropped=messages_dropped,
            message=message,
        )

        session_restore_result.additional_properties = d
        return session_restore_result

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
