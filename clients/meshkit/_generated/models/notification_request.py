from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="NotificationRequest")


@_attrs_define(repr=False, getstate_setstate=False)
class NotificationRequest(Model):
    """Request model for sending a proactive notification.

    Attributes:
        user_id (str): External user id to notify
        message (str): Notification text (v1 is text-only)
        channels (list[str] | None): Optional explicit channels (declared names or the reserved 'last', 'preferred',
            'webhook'); overrides the user's preference
    """

    user_id: str
    message: str
    channels: list[str] | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        user_id = self.user_id

        message = self.message

        _src_channels: list[str] | None | Unset = UNSET if self.channels is None else self.channels
        channels: list[str] | None | Unset
        if isinstance(_src_channels, Unset):
            channels = UNSET
        elif isinstance(_src_channels, list):
            channels = _src_channels

        else:
            channels = _src_channels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "message": message,
            }
        )
        if channels is not UNSET:
            field_dict["channels"] = channels

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        message = d.pop("message")

        def _parse_channels(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                channels_type_0 = cast(list[str], data)

                return channels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        channels = _parse_channels(d.pop("channels", UNSET))

        notification_request = cls(
            user_id=user_id,
            message=message,
            channels=None if isinstance(channels, Unset) else channels,
        )

        notification_request.additional_properties = d
        return notification_request

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
