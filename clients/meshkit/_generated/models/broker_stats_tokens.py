from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="BrokerStatsTokens")


@_attrs_define(repr=False, getstate_setstate=False)
class BrokerStatsTokens(Model):
    """Token counters.

    Attributes:
        consumed (float | None): Tokens charged in total. Default: 0.0.
    """

    consumed: float | None = 0.0
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_consumed: float | Unset = UNSET if self.consumed is None else self.consumed
        consumed = _src_consumed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if consumed is not UNSET:
            field_dict["consumed"] = consumed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        consumed = d.pop("consumed", UNSET)

        broker_stats_tokens = cls(
            consumed=0.0 if isinstance(consumed, Unset) else consumed,
        )

        broker_stats_tokens.additional_properties = d
        return broker_stats_tokens

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
