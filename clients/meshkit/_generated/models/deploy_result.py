from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.formation_status import FormationStatus, check_formation_status

T = TypeVar("T", bound="DeployResult")


@_attrs_define(repr=False, getstate_setstate=False)
class DeployResult(Model):
    """Data of a successful deploy (201).

    Attributes:
        formation_id (str): Formation id.
        port (int): Allocated port.
        status (FormationStatus): Formation process status (a live health check can turn running into unhealthy).
        url (str): Proxy URL of the formation on the server.
        health_url (str): Health URL of the formation through the proxy.
        pid (int): Process id.
    """

    formation_id: str
    port: int
    status: FormationStatus
    url: str
    health_url: str
    pid: int
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        formation_id = self.formation_id

        port = self.port

        status: str = self.status

        url = self.url

        health_url = self.health_url

        pid = self.pid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "formation_id": formation_id,
                "port": port,
                "status": status,
                "url": url,
                "health_url": health_url,
                "pid": pid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        formation_id = d.pop("formation_id")

        port = d.pop("port")

        status = check_formation_status(d.pop("status"))

        url = d.pop("url")

        health_url = d.pop("health_url")

        pid = d.pop("pid")

        deploy_result = cls(
            formation_id=formation_id,
            port=port,
            status=status,
            url=url,
            health_url=health_url,
            pid=pid,
        )

        deploy_result.additional_properties = d
        return deploy_result

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
