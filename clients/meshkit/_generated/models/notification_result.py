from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="NotificationResult")


@_attrs_define(repr=False, getstate_setstate=False)
class NotificationResult(Model):
    """Where a notification went.

    Attributes:
        request_id (None | str):
        channels (list[str]): The channels it was routed to.
        delivered (list[str]):
        failed (list[str]):
    """

    request_id: None | str
    channels: list[str]
    delivered: list[str]
    failed: list[str]
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        request_id: None | str
        request_id = self.request_id

        channels = self.channels

        delivered = self.delivered

        failed = self.failed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
                "channels": channels,
                "delivered": delivered,
                "failed": failed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        channels = cast(list[str], d.pop("channels"))

        delivered = cast(list[str], d.pop("delivered"))

        failed = cast(list[str], d.pop("failed"))

        notification_result = cls(
            request_id=request_id,
            channels=channels,
            delivered=delivered,
            failed=failed,
        )

        notification_result.additional_properties = d
        return notification_result

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
