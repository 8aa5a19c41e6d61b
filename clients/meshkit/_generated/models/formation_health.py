from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.formation_health_status import (
    FormationHealthStatus,
    check_formation_health_status,
)

T = TypeVar("T", bound="FormationHealth")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationHealth(Model):
    """The formation's health (not enveloped); 503 with the same body when unhealthy.

    Attributes:
        status (FormationHealthStatus):
        version (str): The formation's version (1.0.0 when its file sets none).
        uptime_seconds (int): Whole seconds since the formation's server started.
    """

    status: FormationHealthStatus
    version: str
    uptime_seconds: int
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        status: str = self.status

        version = self.version

        uptime_seconds = self.uptime_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "version": version,
                "uptime_seconds": uptime_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = check_formation_health_status(d.pop("status"))

        version = d.pop("version")

        uptime_seconds = d.pop("uptime_seconds")

        formation_health = cls(
            status=status,
            version=version,
            uptime_seconds=uptime_seconds,
        )

        formation_health.additional_properties = d
        return formation_health

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
