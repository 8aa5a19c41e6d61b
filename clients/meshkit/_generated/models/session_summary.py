from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="SessionSummary")


@_attrs_define(repr=False, getstate_setstate=False)
class SessionSummary(Model):
    """A session of the user, as listed.

    Attributes:
        session_id (str):
        user_id (str):
        last_activity (float | None | str): Time of the session's latest message, in epoch seconds (a float).
        active (bool): Always true (sessions still in the buffer).
    """

    session_id: str
    user_id: str
    last_activity: float | None | str
    active: bool
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        session_id = self.session_id

        user_id = self.user_id

        last_activity: float | None | str
        last_activity = self.last_activity

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "user_id": user_id,
                "last_activity": last_activity,
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        session_id = d.pop("session_id")

        user_id = d.pop("user_id")

        def _parse_last_activity(data: object) -> float | None | str:
            if data is None:
                return data
            return cast(float | None | str, data)

        last_activity = _parse_last_activity(d.pop("last_activity"))

        active = d.pop("active")

        session_summary = cls(
            session_id=session_id,
            user_id=user_id,
            last_activity=last_activity,
            active=active,
        )

        session_summary.additional_properties = d
        return session_summary

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
