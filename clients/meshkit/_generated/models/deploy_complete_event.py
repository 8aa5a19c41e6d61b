from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.formation_status import FormationStatus, check_formation_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeployCompleteEvent")


@_attrs_define
class DeployCompleteEvent:
    """Data of an SSE "complete" event; the server then closes the stream.

    Example:
        {'formation_id': 'my-bot', 'port': 8001, 'status': 'running', 'url': 'http://localhost:7890/api/my-bot',
            'health_url': 'http://localhost:7890/api/my-bot/v1/health', 'pid': 4242}

    Attributes:
        formation_id (str): Formation id.
        port (int): Port now serving the formation.
        status (FormationStatus): Formation process status (a live health check can turn running into unhealthy).
        url (str | Unset): Proxy URL of the formation.
        health_url (str | Unset): Health URL of the formation through the proxy.
        pid (int | Unset): Process id.
        previous_version (str | Unset): Previous deployment counter (a string here).
        new_version (str | Unset): New deployment counter (a string here).
        restart_count (int | Unset): Number of restarts.
    """

    formation_id: str
    port: int
    status: FormationStatus
    url: str | Unset = UNSET
    health_url: str | Unset = UNSET
    pid: int | Unset = UNSET
    previous_version: str | Unset = UNSET
    new_version: str | Unset = UNSET
    restart_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        formation_id = self.formation_id

        port = self.port

        status: str = self.status

        url = self.url

        health_url = self.health_url

        pid = self.pid

        previous_version = self.previous_version

        new_version = self.new_version

        restart_count = self.restart_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "formation_id": formation_id,
                "port": port,
                "status": status,
            }
        )
        if url is not UNSET:
            field_dict["url"] = url
        if health_url is not UNSET:
            field_dict["health_url"] = health_url
        if pid is not UNSET:
            field_dict["pid"] = pid
        if previous_version is not UNSET:
            field_dict["previous_version"] = previous_version
        if new_version is not UNSET:
            field_dict["new_version"] = new_version
        if restart_count is not UNSET:
            field_dict["restart_count"] = restart_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        formation_id = d.pop("formation_id")

        port = d.pop("port")

        status = check_formation_status(d.pop("status"))

        url = d.pop("url", UNSET)

        health_url = d.pop("health_url", UNSET)

        pid = d.pop("pid", UNSET)

        previous_version = d.pop("previous_version", UNSET)

        new_version = d.pop("new_version", UNSET)

        restart_count = d.pop("restart_count", UNSET)

        deploy_complete_event = cls(
            formation_id=formation_id,
            port=port,
            status=status,
            url=url,
            health_url=health_url,
            pid=pid,
            previous_version=previous_version,
            new_version=new_version,
            restart_count=restart_count,
        )

        deploy_complete_event.additional_properties = d
        return deploy_complete_event

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
