from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.broker_health_status import BrokerHealthStatus, check_broker_health_status

T = TypeVar("T", bound="BrokerHealth")


@_attrs_define(repr=False, getstate_setstate=False)
class BrokerHealth(Model):
    """Broker body of GET /health (always HTTP 200, canonical choice); told apart from ServerHealth by uptime_secs.

    Example:
        {'status': 'healthy', 'uptime_secs': 60, 'messages_total': 12, 'endpoints_healthy': 2, 'endpoints_total': 3}

    Attributes:
        status (BrokerHealthStatus): Broker health; "unhealthy" is reserved.
        uptime_secs (int): Whole seconds since the broker started.
        messages_total (int): Equals messages.total in the stats.
        endpoints_healthy (int): Endpoints whose health_status is healthy.
        endpoints_total (int): Registered endpoints.
    """

    status: BrokerHealthStatus
    uptime_secs: int
    messages_total: int
    endpoints_healthy: int
    endpoints_total: int
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        status: str = self.status

        uptime_secs = self.uptime_secs

        messages_total = self.messages_total

        endpoints_healthy = self.endpoints_healthy

        endpoints_total = self.endpoints_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "uptime_secs": uptime_secs,
                "messages_total": messages_total,
                "endpoints_healthy": endpoints_healthy,
                "endpoints_total": endpoints_total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = check_broker_health_status(d.pop("status"))

        uptime_secs = d.pop("uptime_secs")

        messages_total = d.pop("messages_total")

        endpoints_healthy = d.pop("endpoints_healthy")

        endpoints_total = d.pop("endpoints_total")

        broker_health = cls(
            status=status,
            uptime_secs=uptime_secs,
            messages_total=messages_total,
            endpoints_healthy=endpoints_healthy,
            endpoints_total=endpoints_total,
        )

        broker_health.additional_properties = d
        return broker_health

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
