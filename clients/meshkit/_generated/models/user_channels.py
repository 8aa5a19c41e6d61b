from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="UserChannels")


@_attrs_define(repr=False, getstate_setstate=False)
class UserChannels(Model):
    """A user's notification channel state.

    Attributes:
        user_id (str):
        preferred_channel (None | str):
        channels (UserChannelsChannels): Channel name → addressing context (free-form: the keys are the formation's
            channel names).
        last_channel (None | str): The channel the user last wrote from.
        timezone (None | str):
    """

    user_id: str
    preferred_channel: None | str
    channels: UserChannelsChannels
    last_channel: None | str
    timezone: None | str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        user_id = self.user_id

        preferred_channel: None | str
        preferred_channel = self.preferred_channel

        channels = self.channels.to_dict()

        last_channel: None | str
        last_channel = self.last_channel

        timezone: None | str
        timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "preferred_channel": preferred_channel,
                "channels": channels,
                "last_channel": last_channel,
                "timezone": timezone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        def _parse_preferred_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        preferred_channel = _parse_preferred_channel(d.pop("preferred_channel"))

        channels = UserChannelsChannels.from_dict(d.pop("channels"))

        def _parse_last_channel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_channel = _parse_last_channel(d.pop("last_channel"))

        def _parse_timezone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        timezone = _parse_timezone(d.pop("timezone"))

        user_channels = cls(
            user_id=user_id,
            preferred_channel=preferred_channel,
            channels=channels,
            last_channel=last_channel,
            timezone=timezone,
        )

        user_channels.additional_properties = d
        return user_channels

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
from ..models.user_channels_channels import UserChannelsChannels
