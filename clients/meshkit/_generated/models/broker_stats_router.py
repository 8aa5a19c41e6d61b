from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="BrokerStatsRouter")


@_attrs_define(repr=False, getstate_setstate=False)
class BrokerStatsRouter(Model):
    """Router counters.

    Attributes:
        endpoints_total (int | None): Registered endpoints. Default: 0.
        endpoints_healthy (int | None): Endpoints whose health_status is healthy. Default: 0.
        decisions_total (int | None): Routing decisions committed. Default: 0.
        agents_with_budget (int | None): Agents with a budget. Default: 0.
    """

    endpoints_total: int | None = 0
    endpoints_healthy: int | None = 0
    decisions_total: int | None = 0
    agents_with_budget: int | None = 0
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_endpoints_total: int | Unset = UNSET if self.endpoints_total is None else self.endpoints_total
        endpoints_total = _src_endpoints_total

        _src_endpoints_healthy: int | Unset = UNSET if self.endpoints_healthy is None else self.endpoints_healthy
        endpoints_healthy = _src_endpoints_healthy

        _src_decisions_total: int | Unset = UNSET if self.decisions_total is None else self.decisions_total
        decisions_total = _src_decisions_total

        _src_agents_with_budget: int | Unset = UNSET if self.agents_with_budget is None else self.agents_with_budget
        agents_with_budget = _src_agents_with_budget

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
            endpoints_total=0 if isinstance(endpoints_total, Unset) else endpoints_total,
            endpoints_healthy=0 if isinstance(endpoints_healthy, Unset) else endpoints_healthy,
            decisions_total=0 if isinstance(decisions_total, Unset) else decisions_total,
            agents_with_budget=0 if isinstance(agents_with_budget, Unset) else agents_with_budget,
        )

        broker_stats_router.additional_properties = d
        return broker_stats_router

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
