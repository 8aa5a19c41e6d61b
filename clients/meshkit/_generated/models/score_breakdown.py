from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="ScoreBreakdown")


@_attrs_define(repr=False, getstate_setstate=False)
class ScoreBreakdown(Model):
    """Score components of the target endpoint; lower wins.

    Attributes:
        cost_score (float): 0.4 x cost_per_1k_tokens.
        load_score (float): 0.3 x load percentage (current_load / capacity x 100; 100 when capacity is 0).
        latency_score (float): 0.3 x latency_p99_ms.
        total_score (float): Sum of the three scores.
    """

    cost_score: float
    load_score: float
    latency_score: float
    total_score: float
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        cost_score = self.cost_score

        load_score = self.load_score

        latency_score = self.latency_score

        total_score = self.total_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cost_score": cost_score,
                "load_score": load_score,
                "latency_score": latency_score,
                "total_score": total_score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cost_score = d.pop("cost_score")

        load_score = d.pop("load_score")

        latency_score = d.pop("latency_score")

        total_score = d.pop("total_score")

        score_breakdown = cls(
            cost_score=cost_score,
            load_score=load_score,
            latency_score=latency_score,
            total_score=total_score,
        )

        score_breakdown.additional_properties = d
        return score_breakdown

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
