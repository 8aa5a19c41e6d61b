from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BrokerStatsRouter")


@_attrs_define
class BrokerStatsRouter:
    """Router counters.

    Attributes:
        endpoints_total (int | Unset): Registered endpoints. Default: 0.
        endpoints_healthy (int | Unset): Endpoints whose health_status is healthy. Default: 0.
        decisions_total (int | Unset): Routing decisions committed. Default: 0.
        agents_with_budget (int | Unset): Agents with a budget. Default: 0.
    """

    endpoints_total: int | Unset = 0
    endpoints_healthy: int | Unset = 0
    decisions_total: int | Unset = 0
    agents_with_budget: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        endpoints_total = self.endpoints_total

        endpoints_healthy = self.endpoints_healthy

        decisions_total = self.decisions_total

        agents_with_budget = self.agents_with_budget

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if endpoints_total is not UNSET:
            field_dict["endpoints_total"] = endpoints_total
        if endpoints_healthy is not UNSET:
            field_dict["endpoints_healthy"] = endpoints_healthy
        if decisions_total is not UNSET:
            field_dict["decisions_total"] = decisions_total
        if agents_with_budget is not UNSET:
            field_dict["agents_with_budget"] = agents_with_budget

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        endpoints_total = d.pop("endpoints_total", UNSET)

        endpoints_healthy = d.pop("endpoints_healthy", UNSET)

        decisions_total = d.pop("decisions_total", UNSET)

        agents_with_budget = d.pop("agents_with_budget", UNSET)

        broker_stats_router = cls(
            endpoints_total=endpoints_total,
            endpoints_healthy=endpoints_healthy,
            decisions_total=decisions_total,
            agents_with_budget=agents_with_budget,
        )

        broker_stats_router.additional_properties = d
        return broker_stats_router

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
