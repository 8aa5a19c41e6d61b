from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.formation_status import FormationStatus, check_formation_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeployCompleteEvent")


@_attrs_define(repr=False, getstate_setstate=False)
class DeployCompleteEvent(Model):
    """Data of an SSE "complete" event; the server then closes the stream.

    Example:
        {'formation_id': 'my-bot', 'port': 8001, 'status': 'running', 'url': 'http://localhost:7890/api/my-bot',
            'health_url': 'http://localhost:7890/api/my-bot/v1/health', 'pid': 4242}

    Attributes:
        formation_id (str): Formation id.
        port (int): Port now serving the formation.
        status (FormationStatus): Formation process status (a live health check can turn running into unhealthy).
        url (str | None): Proxy URL of the formation.
        health_url (str | None): Health URL of the formation through the proxy.
        pid (int | None): Process id.
        previous_version (str | None): Previous deployment counter (a string here).
        new_version (str | None): New deployment counter (a string here).
        restart_count (int | None): Number of restarts.
    """

    formation_id: str
    port: int
    status: FormationStatus
    url: str | None = None
    health_url: str | None = None
    pid: int | None = None
    previous_version: str | None = None
    new_version: str | None = None
    restart_count: int | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        formation_id = self.formation_id

        port = self.port

        status: str = self.status

        _src_url: str | Unset = UNSET if self.url is None else self.url
        url = _src_url

        _src_health_url: str | Unset = UNSET if self.health_url is None else self.health_url
        health_url = _src_health_url

        _src_pid: int | Unset = UNSET if self.pid is None else self.pid
        pid = _src_pid

        _src_previous_version: str | Unset = UNSET if self.previous_version is None else self.previous_version
        previous_version = _src_previous_version

        _src_new_version: str | Unset = UNSET if self.new_version is None else self.new_version
        new_version = _src_new_version

        _src_restart_count: int | Unset = UNSET if self.restart_count is None else self.restart_count
        restart_count = _src_restart_count

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
            url=None if isinstance(url, Unset) else url,
            health_url=None if isinstance(health_url, Unset) else health_url,
            pid=None if isinstance(pid, Unset) else pid,
            previous_version=None if isinstance(previous_version, Unset) else previous_version,
            new_version=None if isinstance(new_version, Unset) else new_version,
            restart_count=None if isinstance(restart_count, Unset) else restart_count,
        )

        deploy_complete_event.additional_properties = d
        return deploy_complete_event

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
