from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="Session")


@_attrs_define(repr=False, getstate_setstate=False)
class Session(Model):
    """A session's summary (its messages are at /messages).

    Attributes:
        session_id (str):
        user_id (str):
        message_count (int):
        active (bool):
        created_at (float | None | str): Time of the session's first message, in epoch seconds (a float).
        last_activity (float | None | str): Time of the session's latest message, in epoch seconds (a float).
    """

    session_id: str
    user_id: str
    message_count: int
    active: bool
    created_at: float | None | str
    last_activity: float | None | str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        session_id = self.session_id

        user_id = self.user_id

        message_count = self.message_count

        active = self.active

        created_at: float | None | str
        created_at = self.created_at

        last_activity: float | None | str
        last_activity = self.last_activity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "user_id": user_id,
                "message_count": message_count,
                "active": active,
                "created_at": created_at,
                "last_activity": last_activity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        session_id = d.pop("session_id")

        user_id = d.pop("user_id")

        message_count = d.pop("message_count")

        active = d.pop("active")

        def _parse_created_at(data: object) -> float | None | str:
            if data is None:
                return data
            return cast(float | None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_last_activity(data: object) -> float | None | str:
            if data is None:
                return data
            return cast(float | None | str, data)

        last_activity = _parse_last_activity(d.pop("last_activity"))

        session = cls(
            session_id=session_id,
            user_id=user_id,
            message_count=message_count,
            active=active,
            created_at=created_at,
            last_activity=last_activity,
        )

        session.additional_properties = d
        return session

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
