from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="FormationEvent")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationEvent(Model):
    """A `GET /events` frame (chat.*, agent.*, workflow.*, task.* events).

    Attributes:
        type_ (str | None):
        timestamp (float | None):
        message (JSON | None): Event message or payload.
        session_id (None | str):
        request_id (None | str):
    """

    type_: str | None = None
    timestamp: float | None = None
    message: JSON | None = None
    session_id: None | str = None
    request_id: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_type_: str | Unset = UNSET if self.type_ is None else self.type_
        type_ = _src_type_

        _src_timestamp: float | Unset = UNSET if self.timestamp is None else self.timestamp
        timestamp = _src_timestamp

        _src_message: JSON | Unset = UNSET if self.message is None else self.message
        message = _src_message

        _src_session_id: None | str | Unset = UNSET if self.session_id is None else self.session_id
        session_id: None | str | Unset
        if isinstance(_src_session_id, Unset):
            session_id = UNSET
        else:
            session_id = _src_session_id

        _src_request_id: None | str | Unset = UNSET if self.request_id is None else self.request_id
        request_id: None | str | Unset
        if isinstance(_src_request_id, Unset):
            request_id = UNSET
        else:
            request_id = _src_request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if message is not UNSET:
            field_dict["message"] = message
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        message = d.pop("message", UNSET)

        def _parse_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        formation_event = cls(
            type_=None if isinstance(type_, Unset) else type_,
            timestamp=None if isinstance(timestamp, Unset) else timestamp,
            message=None if isinstance(message, Unset) else message,
            session_id=None if isinstance(session_id, Unset) else session_id,
            request_id=None if isinstance(request_id, Unset) else request_id,
        )

        formation_event.additional_properties = d
        return formation_event

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
