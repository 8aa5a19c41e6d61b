from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.server_health_status import ServerHealthStatus, check_server_health_status

T = TypeVar("T", bound="ServerHealth")


@_attrs_define(repr=False, getstate_setstate=False)
class ServerHealth(Model):
    """MUXI Server body of GET /health (no data envelope); told apart from BrokerHealth by success.

    Example:
        {'success': True, 'status': 'ok', 'version': '1.0.0'}

    Attributes:
        success (bool): Always true.
        status (ServerHealthStatus): Always "ok".
        version (str): Server version.
    """

    success: bool
    status: ServerHealthStatus
    version: str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        success = self.success

        status: str = self.status

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "status": status,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        status = check_server_health_status(d.pop("status"))

        version = d.pop("version")

        server_health = cls(
            success=success,
            status=status,
            version=version,
        )

        server_health.additional_properties = d
        return server_health

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
