from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AsyncConfig")


@_attrs_define
class AsyncConfig:
    """The async section of the formation file, secrets masked (empty when the file has none). Free-form beyond the typed
    keys: the formation file decides them.

        Attributes:
            threshold_seconds (float | Unset):
            enable_estimation (bool | Unset):
            webhook_url (None | str | Unset):
            webhook_retries (int | Unset):
            webhook_timeout (float | Unset):
    """

    threshold_seconds: float | Unset = UNSET
    enable_estimation: bool | Unset = UNSET
    webhook_url: None | str | Unset = UNSET
    webhook_retries: int | Unset = UNSET
    webhook_timeout: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        threshold_seconds = self.threshold_seconds

        enable_estimation = self.enable_estimation

        webhook_url: None | str | Unset
        if isinstance(self.webhook_url, Unset):
            webhook_url = UNSET
        else:
            webhook_url = self.webhook_url

        webhook_retries = self.webhook_retries

        webhook_timeout = self.webhook_timeout

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if threshold_seconds is not UNSET:
            field_dict["threshold_seconds"] = threshold_seconds
        if enable_estimation is not UNSET:
            field_dict["enable_estimation"] = enable_estimation
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url
        if webhook_retries is not UNSET:
            field_dict["webhook_retries"] = webhook_retries
        if webhook_timeout is not UNSET:
            field_dict["webhook_timeout"] = webhook_timeout

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        threshold_seconds = d.pop("threshold_seconds", UNSET)

        enable_estimation = d.pop("enable_estimation", UNSET)

        def _parse_webhook_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook_url = _parse_webhook_url(d.pop("webhook_url", UNSET))

        webhook_retries = d.pop("webhook_retries", UNSET)

        webhook_timeout = d.pop("webhook_timeout", UNSET)

        async_config = cls(
            threshold_seconds=threshold_seconds,
            enable_estimation=enable_estimation,
            webhook_url=webhook_url,
            webhook_retries=webhook_retries,
            webhook_timeout=webhook_timeout,
        )

        async_config.additional_properties = d
        return async_config

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
