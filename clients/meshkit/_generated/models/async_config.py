from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="AsyncConfig")


@_attrs_define(repr=False, getstate_setstate=False)
class AsyncConfig(Model):
    """The async section of the formation file, secrets masked (empty when the file has none). Free-form beyond the typed
    keys: the formation file decides them.

        Attributes:
            threshold_seconds (float | None):
            enable_estimation (bool | None):
            webhook_url (None | str):
            webhook_retries (int | None):
            webhook_timeout (float | None):
    """

    threshold_seconds: float | None = None
    enable_estimation: bool | None = None
    webhook_url: None | str = None
    webhook_retries: int | None = None
    webhook_timeout: float | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_threshold_seconds: float | Unset = UNSET if self.threshold_seconds is None else self.threshold_seconds
        threshold_seconds = _src_threshold_seconds

        _src_enable_estimation: bool | Unset = UNSET if self.enable_estimation is None else self.enable_estimation
        enable_estimation = _src_enable_estimation

        _src_webhook_url: None | str | Unset = UNSET if self.webhook_url is None else self.webhook_url
        webhook_url: None | str | Unset
        if isinstance(_src_webhook_url, Unset):
            webhook_url = UNSET
        else:
            webhook_url = _src_webhook_url

        _src_webhook_retries: int | Unset = UNSET if self.webhook_retries is None else self.webhook_retries
        webhook_retries = _src_webhook_retries

        _src_webhook_timeout: float | Unset = UNSET if self.webhook_timeout is None else self.webhook_timeout
        webhook_timeout = _src_webhook_timeout

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
            threshold_seconds=None if isinstance(threshold_seconds, Unset) else threshold_seconds,
            enable_estimation=None if isinstance(enable_estimation, Unset) else enable_estimation,
            webhook_url=None if isinstance(webhook_url, Unset) else webhook_url,
            webhook_retries=None if isinstance(webhook_retries, Unset) else webhook_retries,
            webhook_timeout=None if isinstance(webhook_timeout, Unset) else webhook_timeout,
        )

        async_config.additional_properties = d
        return async_config

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
