from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.broker_error_code import BrokerErrorCode, check_broker_error_code

T = TypeVar("T", bound="RateLimitedErrorBody")


@_attrs_define(repr=False, getstate_setstate=False)
class RateLimitedErrorBody(Model):
    """Body of a 429 rate_limited error (the Retry-After header carries the same delay).

    Attributes:
        error (BrokerErrorCode): Broker error code (canonical choice).
        message (str): "Rate limit exceeded for <key>: <limit> requests per <window>s".
        key (str): The limiter key (the agent id, or "global").
        limit (int): Requests admitted per window.
        window_secs (int): Window length in seconds.
        retry_after (int): Seconds until a retry can be admitted (>= 1).
    """

    error: BrokerErrorCode
    message: str
    key: str
    limit: int
    window_secs: int
    retry_after: int
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        error: str = self.error

        message = self.message

        key = self.key

        limit = self.limit

        window_secs = self.window_secs

        retry_after = self.retry_after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "message": message,
                "key": key,
                "limit": limit,
                "window_secs": window_secs,
                "retry_after": retry_after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = check_broker_error_code(d.pop("error"))

        message = d.pop("message")

        key = d.pop("key")

        limit = d.pop("limit")

        window_secs = d.pop("window_secs")

        retry_after = d.pop("retry_after")

        rate_limited_error_body = cls(
            error=error,
            message=message,
            key=key,
            limit=limit,
            window_secs=window_secs,
            retry_after=retry_after,
        )

        rate_limited_error_body.additional_properties = d
        return rate_limited_error_body

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
