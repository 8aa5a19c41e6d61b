from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="RoutingDecision")


@_attrs_define(repr=False, getstate_setstate=False)
class RoutingDecision(Model):
    """Routing outcome of a processed (non-dedup) message (extension, canonical choice).

    Example:
        {'message_id': '5b0f5c3e-2f6d-4d4b-9a57-1f3e2f0c9a11', 'target_endpoint': 'local-llama', 'fallback_endpoints':
            ['anthropic-claude', 'openai-gpt4'], 'estimated_latency_ms': 100, 'estimated_cost': 0.0025, 'routing_reason':
            'Best score 30.0400 (cost: 0.10, load: 0%, latency: 100ms)', 'score_breakdown': {'cost_score': 0.04,
            'load_score': 0.0, 'latency_score': 30.0, 'total_score': 30.04}}

    Attributes:
        message_id (str): The routed message's id.
        target_endpoint (str): Endpoint with the lowest total score (ties break on the smaller endpoint_id).
        fallback_endpoints (list[str]): The next two endpoints in score order.
        estimated_latency_ms (int): The target's latency_p99_ms truncated to an integer.
        estimated_cost (float): Estimated cost in cents (cost_per_1k_tokens x charged tokens / 1000).
        routing_reason (str): Human text, e.g. "Best score 30.0400 (cost: 0.10, load: 0%, latency: 100ms)".
        score_breakdown (ScoreBreakdown): Score components of the target endpoint; lower wins.
    """

    message_id: str
    target_endpoint: str
    fallback_endpoints: list[str]
    estimated_latency_ms: int
    estimated_cost: float
    routing_reason: str
    score_breakdown: ScoreBreakdown
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        message_id = self.message_id

        target_endpoint = self.target_endpoint

        fallback_endpoints = self.fallback_endpoints

        estimated_latency_ms = self.estimated_latency_ms

        estimated_cost = self.estimated_cost

        routing_reason = self.routing_reason

        score_breakdown = self.score_breakdown.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message_id": message_id,
                "target_endpoint": target_endpoint,
                "fallback_endpoints": fallback_endpoints,
                "estimated_latency_ms": estimated_latency_ms,
                "estimated_cost": estimated_cost,
                "routing_reason": routing_reason,
                "score_breakdown": score_breakdown,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message_id = d.pop("message_id")

        target_endpoint = d.pop("target_endpoint")

        fallback_endpoints = cast(list[str], d.pop("fallback_endpoints"))

        estimated_latency_ms = d.pop("estimated_latency_ms")

        estimated_cost = d.pop("estimated_cost")

        routing_reason = d.pop("routing_reason")

        score_breakdown = ScoreBreakdown.from_dict(d.pop("score_breakdown"))

        routing_decision = cls(
            message_id=message_id,
            target_endpoint=target_endpoint,
            fallback_endpoints=fallback_endpoints,
            estimated_latency_ms=estimated_latency_ms,
            estimated_cost=estimated_cost,
            routing_reason=routing_reason,
            score_breakdown=score_breakdown,
        )

        routing_decision.additional_properties = d
        return routing_decision

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
from ..models.score_breakdown import ScoreBreakdown
