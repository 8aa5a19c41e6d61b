from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="BrokerStatsLatency")


@_attrs_define(repr=False, getstate_setstate=False)
class BrokerStatsLatency(Model):
    """Latency percentiles over the last 10,000 samples per series (0 without samples).

    Attributes:
        e2e_p50_ms (float | None): End-to-end p50 in milliseconds. Default: 0.0.
        e2e_p99_ms (float | None): End-to-end p99 in milliseconds. Default: 0.0.
        e2e_p999_ms (float | None): End-to-end p99.9 in milliseconds. Default: 0.0.
        routing_p50_us (float | None): Routing p50 in microseconds. Default: 0.0.
        routing_p99_us (float | None): Routing p99 in microseconds. Default: 0.0.
    """

    e2e_p50_ms: float | None = 0.0
    e2e_p99_ms: float | None = 0.0
    e2e_p999_ms: float | None = 0.0
    routing_p50_us: float | None = 0.0
    routing_p99_us: float | None = 0.0
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_e2e_p50_ms: float | Unset = UNSET if self.e2e_p50_ms is None else self.e2e_p50_ms
        e2e_p50_ms = _src_e2e_p50_ms

        _src_e2e_p99_ms: float | Unset = UNSET if self.e2e_p99_ms is None else self.e2e_p99_ms
        e2e_p99_ms = _src_e2e_p99_ms

        _src_e2e_p999_ms: float | Unset = UNSET if self.e2e_p999_ms is None else self.e2e_p999_ms
        e2e_p999_ms = _src_e2e_p999_ms

        _src_routing_p50_us: float | Unset = UNSET if self.routing_p50_us is None else self.routing_p50_us
        routing_p50_us = _src_routing_p50_us

        _src_routing_p99_us: float | Unset = UNSET if self.routing_p99_us is None else self.routing_p99_us
        routing_p99_us = _src_routing_p99_us

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if e2e_p50_ms is not UNSET:
            field_dict["e2e_p50_ms"] = e2e_p50_ms
        if e2e_p99_ms is not UNSET:
            field_dict["e2e_p99_ms"] = e2e_p99_ms
        if e2e_p999_ms is not UNSET:
            field_dict["e2e_p999_ms"] = e2e_p999_ms
        if routing_p50_us is not UNSET:
            field_dict["routing_p50_us"] = routing_p50_us
        if routing_p99_us is not UNSET:
            field_dict["routing_p99_us"] = routing_p99_us

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        e2e_p50_ms = d.pop("e2e_p50_ms", UNSET)

        e2e_p99_ms = d.pop("e2e_p99_ms", UNSET)

        e2e_p999_ms = d.pop("e2e_p999_ms", UNSET)

        routing_p50_us = d.pop("routing_p50_us", UNSET)

        routing_p99_us = d.pop("routing_p99_us", UNSET)

        broker_stats_latency = cls(
            e2e_p50_ms=0.0 if isinstance(e2e_p50_ms, Unset) else e2e_p50_ms,
            e2e_p99_ms=0.0 if isinstance(e2e_p99_ms, Unset) else e2e_p99_ms,
            e2e_p999_ms=0.0 if isinstance(e2e_p999_ms, Unset) else e2e_p999_ms,
            routing_p50_us=0.0 if isinstance(routing_p50_us, Unset) else routing_p50_us,
            routing_p99_us=0.0 if isinstance(routing_p99_us, Unset) else routing_p99_us,
        )

        broker_stats_latency.additional_properties = d
        return broker_stats_latency

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
