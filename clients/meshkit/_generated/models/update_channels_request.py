from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateChannelsRequest")


@_attrs_define(repr=False, getstate_setstate=False)
class UpdateChannelsRequest(Model):
    """Request model for updating a user's notification channel preferences.

    Attributes:
        preferred_channel (None | str): Preferred notification channel (declared channel name, 'webhook', or empty
            string to clear)
        channels (ChannelsUpdate | None): Per-channel addressing context merged into existing state (e.g. {'telegram':
            {'chat_id': '123'}}); an empty mapping removes a channel
        timezone (None | str): IANA timezone for the user (empty string to clear)
    """

    preferred_channel: None | str = None
    channels: ChannelsUpdate | None = None
    timezone: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_preferred_channel: None | str | Unset = UNSET if self.preferred_channel is None else self.preferred_channel
        preferred_channel: None | str | Unset
        if isinstance(_src_preferred_channel, Unset):
            preferred_channel = UNSET
        else:
            preferred_channel = _src_preferred_channel

        _src_channels: ChannelsUpdate | None | Unset = UNSET if self.channels is None else self.channels
        channels: dict[str, Any] | None | Unset
        if isinstance(_src_channels, Unset):
            channels = UNSET
        elif isinstance(_src_channels, ChannelsUpdate):
            channels = _src_channels.to_dict()
        else:
            channels = _src_channels

        _src_timezone: None | str | Unset = UNSET if self.timezone is None else self.timezone
        timezone: None | str | Unset
        if isinstance(_src_timezone, Unset):
            timezone = UNSET
        else:
            timezone = _src_timezone

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
            preferred_channel=None if isinstance(preferred_channel, Unset) else preferred_channel,
            channels=None if isinstance(channels, Unset) else channels,
            timezone=None if isinstance(timezone, Unset) else timezone,
        )

        update_channels_request.additional_properties = d
        return update_channels_request

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
from ..models.channels_update import ChannelsUpdate
