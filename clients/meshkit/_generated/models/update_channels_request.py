from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateChannelsRequest")


@_attrs_define
class UpdateChannelsRequest:
    """Request model for updating a user's notification channel preferences.

    Attributes:
        preferred_channel (None | str | Unset): Preferred notification channel (declared channel name, 'webhook', or
            empty string to clear)
        channels (ChannelsUpdate | None | Unset): Per-channel addressing context merged into existing state (e.g.
            {'telegram': {'chat_id': '123'}}); an empty mapping removes a channel
        timezone (None | str | Unset): IANA timezone for the user (empty string to clear)
    """

    preferred_channel: None | str | Unset = UNSET
    channels: ChannelsUpdate | None | Unset = UNSET
    timezone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        preferred_channel: None | str | Unset
        if isinstance(self.preferred_channel, Unset):
            preferred_channel = UNSET
        else:
            preferred_channel = self.preferred_channel

        channels: dict[str, Any] | None | Unset
        if isinstance(self.channels, Unset):
            channels = UNSET
        elif isinstance(self.channels, ChannelsUpdate):
            channels = self.channels.to_dict()
        else:
            channels = self.channels

        timezone: None | str | Unset
        if isinstance(self.timezone, Unset):
            timezone = UNSET
        else:
            timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if preferred_channel is not UNSET:
            field_dict["preferred_channel"] = preferred_channel
        if channels is not UNSET:
            field_dict["channels"] = channels
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_preferred_channel(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preferred_channel = _parse_preferred_channel(d.pop("preferred_channel", UNSET))

        def _parse_channels(data: object) -> ChannelsUpdate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                channels_type_0 = ChannelsUpdate.from_dict(data)

                return channels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChannelsUpdate | None | Unset, data)

        channels = _parse_channels(d.pop("channels", UNSET))

        def _parse_timezone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timezone = _parse_timezone(d.pop("timezone", UNSET))

        update_channels_request = cls(
            preferred_channel=preferred_channel,
            channels=channels,
            timezone=timezone,
        )

        update_channels_request.additional_properties = d
        return update_channels_request

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


# Referenced models, imported once the classes above exist (import cycles resolve).
from ..models.channels_update import ChannelsUpdate
