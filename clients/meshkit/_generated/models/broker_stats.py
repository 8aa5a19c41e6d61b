from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="BrokerStats")


@_attrs_define(repr=False, getstate_setstate=False)
class BrokerStats(Model):
    """Body of GET /stats (the core's nested shape, canonical choice); clients also read flat or camelCase keys, missing
    values read as 0.

        Example:
            {'messages': {'total': 12, 'success': 10, 'failed': 2}, 'tokens': {'consumed': 5400.0}, 'cost': {'total_cents':
                16.2}, 'latency': {'e2e_p50_ms': 1.0, 'e2e_p99_ms': 3.0, 'e2e_p999_ms': 3.0, 'routing_p50_us': 12.0,
                'routing_p99_us': 40.0}, 'throughput': {'per_sec': 0.2}, 'uptime_secs': 60, 'router': {'endpoints_total': 3,
                'endpoints_healthy': 2, 'decisions_total': 10, 'agents_with_budget': 1}}

        Attributes:
            messages (BrokerStatsMessages | None): Message counters (400s, 429s and dedup hits are not counted).
            tokens (BrokerStatsTokens | None): Token counters.
            cost (BrokerStatsCost | None): Cost counters.
            latency (BrokerStatsLatency | None): Latency percentiles over the last 10,000 samples per series (0 without
                samples).
            throughput (BrokerStatsThroughput | None): Throughput.
            uptime_secs (int | None): Whole seconds since the broker started. Default: 0.
            router (BrokerStatsRouter | None): Router counters.
    """

    messages: BrokerStatsMessages | None = None
    tokens: BrokerStatsTokens | None = None
    cost: BrokerStatsCost | None = None
    latency: BrokerStatsLatency | None = None
    throughput: BrokerStatsThroughput | None = None
    uptime_secs: int | None = 0
    router: BrokerStatsRouter | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_messages: BrokerStatsMessages | Unset = UNSET if self.messages is None else self.messages
        messages: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_messages, Unset):
            messages = _src_messages.to_dict()

        _src_tokens: BrokerStatsTokens | Unset = UNSET if self.tokens is None else self.tokens
        tokens: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_tokens, Unset):
            tokens = _src_tokens.to_dict()

        _src_cost: BrokerStatsCost | Unset = UNSET if self.cost is None else self.cost
        cost: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_cost, Unset):
            cost = _src_cost.to_dict()

        _src_latency: BrokerStatsLatency | Unset = UNSET if self.latency is None else self.latency
        latency: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_latency, Unset):
            latency = _src_latency.to_dict()

        _src_throughput: BrokerStatsThroughput | Unset = UNSET if self.throughput is None else self.throughput
        throughput: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_throughput, Unset):
            throughput = _src_throughput.to_dict()

        _src_uptime_secs: int | Unset = UNSET if self.uptime_secs is None else self.uptime_secs
        uptime_secs = _src_uptime_secs

        _src_router: BrokerStatsRouter | Unset = UNSET if self.router is None else self.router
        router: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_router, Unset):
            router = _src_router.to_dict()

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
            messages=None if isinstance(messages, Unset) else messages,
            tokens=None if isinstance(tokens, Unset) else tokens,
            cost=None if isinstance(cost, Unset) else cost,
            latency=None if isinstance(latency, Unset) else latency,
            throughput=None if isinstance(throughput, Unset) else throughput,
            uptime_secs=0 if isinstance(uptime_secs, Unset) else uptime_secs,
            router=None if isinstance(router, Unset) else router,
        )

        broker_stats.additional_properties = d
        return broker_stats

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


# Referenced models, imported once the classes above exist (import cycles resolve).
from ..models.broker_stats_cost import BrokerStatsCost
from ..models.broker_stats_latency import BrokerStatsLatency
from ..models.broker_stats_messages import BrokerStatsMessages
from ..models.broker_stats_router import BrokerStatsRouter
from ..models.broker_stats_throughput import BrokerStatsThroughput
from ..models.broker_stats_tokens import BrokerStatsTokens
