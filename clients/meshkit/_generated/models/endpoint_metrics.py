from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.endpoint_health_status import (
    EndpointHealthStatus,
    check_endpoint_health_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="EndpointMetrics")


@_attrs_define(repr=False, getstate_setstate=False)
class EndpointMetrics(Model):
    """An endpoint as registered (body of POST /endpoints, items of GET /endpoints); servers always return every field.

    Attributes:
        endpoint_id (str): Endpoint id; non-empty; upsert key.
        capacity (int): Capacity (>= 0; 0 counts as fully loaded).
        current_load (int): Current load (>= 0, may exceed capacity).
        cost_per_1k_tokens (float): Cost in cents per 1,000 tokens (finite, >= 0).
        latency_p99_ms (float): p99 latency in milliseconds (finite, >= 0).
        error_rate (float): Error rate 0.0-1.0; informational, not used for routing.
        health_status (EndpointHealthStatus | None): Endpoint health; only healthy endpoints are routing candidates
            (HEALTHY, HEALTH_STATUS_HEALTHY, 1... are also accepted).
        last_health_check (int | None): Last health check in epoch nanoseconds; the server fills in the registration
            time when absent or 0.
    """

    endpoint_id: str
    capacity: int
    current_load: int
    cost_per_1k_tokens: float
    latency_p99_ms: float
    error_rate: float
    health_status: EndpointHealthStatus | None = None
    last_health_check: int | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        endpoint_id = self.endpoint_id

        capacity = self.capacity

        current_load = self.current_load

        cost_per_1k_tokens = self.cost_per_1k_tokens

        latency_p99_ms = self.latency_p99_ms

        error_rate = self.error_rate

        _src_health_status: EndpointHealthStatus | Unset = UNSET if self.health_status is None else self.health_status
        health_status: str | Unset = UNSET
        if not isinstance(_src_health_status, Unset):
            health_status = _src_health_status

        _src_last_health_check: int | Unset = UNSET if self.last_health_check is None else self.last_health_check
        last_health_check = _src_last_health_check

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "endpoint_id": endpoint_id,
                "capacity": capacity,
                "current_load": current_load,
                "cost_per_1k_tokens": cost_per_1k_tokens,
                "latency_p99_ms": latency_p99_ms,
                "error_rate": error_rate,
            }
        )
        if health_status is not UNSET:
            field_dict["health_status"] = health_status
        if last_health_check is not UNSET:
            field_dict["last_health_check"] = last_health_check

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        endpoint_id = d.pop("endpoint_id")

        capacity = d.pop("capacity")

        current_load = d.pop("current_load")

        cost_per_1k_tokens = d.pop("cost_per_1k_tokens")

        latency_p99_ms = d.pop("latency_p99_ms")

        error_rate = d.pop("error_rate")

        _health_status = d.pop("health_status", UNSET)
        health_status: EndpointHealthStatus | Unset
        if isinstance(_health_status, Unset):
            health_status = UNSET
        else:
            health_status = check_endpoint_health_status(_health_status)

        last_health_check = d.pop("last_health_check", UNSET)

        endpoint_metrics = cls(
            endpoint_id=endpoint_id,
            capacity=capacity,
            current_load=current_load,
            cost_per_1k_tokens=cost_per_1k_tokens,
            latency_p99_ms=latency_p99_ms,
            error_rate=error_rate,
            health_status=None if isinstance(health_status, Unset) else health_status,
            last_health_check=None if isinstance(last_health_check, Unset) else last_health_check,
        )

        endpoint_metrics.additional_properties = d
        return endpoint_metrics

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
