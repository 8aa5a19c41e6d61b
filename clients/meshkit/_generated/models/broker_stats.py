from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BrokerStats")


@_attrs_define
class BrokerStats:
    """Body of GET /stats (the core's nested shape, canonical choice); clients also read flat or camelCase keys, missing
    values read as 0.

        Example:
            {'messages': {'total': 12, 'success': 10, 'failed': 2}, 'tokens': {'consumed': 5400.0}, 'cost': {'total_cents':
                16.2}, 'latency': {'e2e_p50_ms': 1.0, 'e2e_p99_ms': 3.0, 'e2e_p999_ms': 3.0, 'routing_p50_us': 12.0,
                'routing_p99_us': 40.0}, 'throughput': {'per_sec': 0.2}, 'uptime_secs': 60, 'router': {'endpoints_total': 3,
                'endpoints_healthy': 2, 'decisions_total': 10, 'agents_with_budget': 1}}

        Attributes:
            messages (BrokerStatsMessages | Unset): Message counters (400s, 429s and dedup hits are not counted).
            tokens (BrokerStatsTokens | Unset): Token counters.
            cost (BrokerStatsCost | Unset): Cost counters.
            latency (BrokerStatsLatency | Unset): Latency percentiles over the last 10,000 samples per series (0 without
                samples).
            throughput (BrokerStatsThroughput | Unset): Throughput.
            uptime_secs (int | Unset): Whole seconds since the broker started. Default: 0.
            router (BrokerStatsRouter | Unset): Router counters.
    """

    messages: BrokerStatsMessages | Unset = UNSET
    tokens: BrokerStatsTokens | Unset = UNSET
    cost: BrokerStatsCost | Unset = UNSET
    latency: BrokerStatsLatency | Unset = UNSET
    throughput: BrokerStatsThroughput | Unset = UNSET
    uptime_secs: int | Unset = 0
    router: BrokerStatsRouter | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        messages: dict[str, Any] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = self.messages.to_dict()

        tokens: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tokens, Unset):
            tokens = self.tokens.to_dict()

        cost: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cost, Unset):
            cost = self.cost.to_dict()

        latency: dict[str, Any] | Unset = UNSET
        if not isinstance(self.latency, Unset):
            latency = self.latency.to_dict()

        throughput: dict[str, Any] | Unset = UNSET
        if not isinstance(self.throughput, Unset):
            throughput = self.throughput.to_dict()

        uptime_secs = self.uptime_secs

        router: dict[str, Any] | Unset = UNSET
        if not isinstance(self.router, Unset):
            router = self.router.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if messages is not UNSET:
            field_dict["messages"] = messages
        if tokens is not UNSET:
            field_dict["tokens"] = tokens
        if cost is not UNSET:
            field_dict["cost"] = cost
        if latency is not UNSET:
            field_dict["latency"] = latency
        if throughput is not UNSET:
            field_dict["throughput"] = throughput
        if uptime_secs is not UNSET:
            field_dict["uptime_secs"] = uptime_secs
        if router is not UNSET:
            field_dict["router"] = router

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _messages = d.pop("messages", UNSET)
        messages: BrokerStatsMessages | Unset
        if isinstance(_messages, Unset):
            messages = UNSET
        else:
            messages = BrokerStatsMessages.from_dict(_messages)

        _tokens = d.pop("tokens", UNSET)
        tokens: BrokerStatsTokens | Unset
        if isinstance(_tokens, Unset):
            tokens = UNSET
        else:
            tokens = BrokerStatsTokens.from_dict(_tokens)

        _cost = d.pop("cost", UNSET)
        cost: BrokerStatsCost | Unset
        if isinstance(_cost, Unset):
            cost = UNSET
        else:
            cost = BrokerStatsCost.from_dict(_cost)

        _latency = d.pop("latency", UNSET)
        latency: BrokerStatsLatency | Unset
        if isinstance(_latency, Unset):
            latency = UNSET
        else:
            latency = BrokerStatsLatency.from_dict(_latency)

        _throughput = d.pop("throughput", UNSET)
        throughput: BrokerStatsThroughput | Unset
        if isinstance(_throughput, Unset):
            throughput = UNSET
        else:
            throughput = BrokerStatsThroughput.from_dict(_throughput)

        uptime_secs = d.pop("uptime_secs", UNSET)

        _router = d.pop("router", UNSET)
        router: BrokerStatsRouter | Unset
        if isinstance(_router, Unset):
            router = UNSET
        else:
            router = BrokerStatsRouter.from_dict(_router)

        broker_stats = cls(
            messages=messages,
            tokens=tokens,
            cost=cost,
            latency=latency,
            throughput=throughput,
            uptime_secs=uptime_secs,
            router=router,
        )

        broker_stats.additional_properties = d
        return broker_stats

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


# Referenced models, imported once the classes above exist (import cycles resolve).
from ..models.broker_stats_cost import BrokerStatsCost
from ..models.broker_stats_latency import BrokerStatsLatency
from ..models.broker_stats_messages import BrokerStatsMessages
from ..models.broker_stats_router import BrokerStatsRouter
from ..models.broker_stats_throughput import BrokerStatsThroughput
from ..models.broker_stats_tokens import BrokerStatsTokens
