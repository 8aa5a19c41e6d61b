from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="BrokerStatsThroughput")


@_attrs_define(repr=False, getstate_setstate=False)
class BrokerStatsThroughput(Model):
    """Throughput.

    Attributes:
        per_sec (float | None): messages.total / max(uptime_secs, 1). Default: 0.0.
    """

    per_sec: float | None = 0.0
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_per_sec: float | Unset = UNSET if self.per_sec is None else self.per_sec
        per_sec = _src_per_sec

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if per_sec is not UNSET:
            field_dict["per_sec"] = per_sec

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        per_sec = d.pop("per_sec", UNSET)

        broker_stats_throughput = cls(
            per_sec=0.0 if isinstance(per_sec, Unset) else per_sec,
        )

        broker_stats_throughput.additional_properties = d
        return broker_stats_throughput

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
