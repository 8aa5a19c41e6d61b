from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="BrokerStatsCost")


@_attrs_define(repr=False, getstate_setstate=False)
class BrokerStatsCost(Model):
    """Cost counters.

    Attributes:
        total_cents (float | None): Sum of estimated_cost of processed messages, in cents. Default: 0.0.
    """

    total_cents: float | None = 0.0
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_total_cents: float | Unset = UNSET if self.total_cents is None else self.total_cents
        total_cents = _src_total_cents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_cents is not UNSET:
            field_dict["total_cents"] = total_cents

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        total_cents = d.pop("total_cents", UNSET)

        broker_stats_cost = cls(
            total_cents=0.0 if isinstance(total_cents, Unset) else total_cents,
        )

        broker_stats_cost.additional_properties = d
        return broker_stats_cost

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
