from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.formation_status import FormationStatus, check_formation_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="FormationSummary")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationSummary(Model):
    """One formation in the list.

    Attributes:
        id (str): Formation id.
        name (str): Formation name.
        port (int): Port the formation listens on.
        status (FormationStatus): Formation process status (a live health check can turn running into unhealthy).
        pid (int): Process id.
        uptime (float): Uptime in seconds.
        restart_count (int): Number of restarts.
        healthy (bool | None): Last health result; null while starting.
        version (FormationVersionInfo | None): Opaque bundle hashes of the current and previous versions.
    """

    id: str
    name: str
    port: int
    status: FormationStatus
    pid: int
    uptime: float
    restart_count: int
    healthy: bool | None
    version: FormationVersionInfo | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        name = self.name

        port = self.port

        status: str = self.status

        pid = self.pid

        uptime = self.uptime

        restart_count = self.restart_count

        healthy: bool | None
        healthy = self.healthy

        _src_version: FormationVersionInfo | Unset = UNSET if self.version is None else self.version
        version: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_version, Unset):
            version = _src_version.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "port": port,
                "status": status,
                "pid": pid,
                "uptime": uptime,
                "restart_count": restart_count,
                "healthy": healthy,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        port = d.pop("port")

        status = check_formation_status(d.pop("status"))

        pid = d.pop("pid")

        uptime = d.pop("uptime")

        restart_count = d.pop("restart_count")

        def _parse_healthy(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        healthy = _parse_healthy(d.pop("healthy"))

        _version = d.pop("version", UNSET)
        version: FormationVersionInfo | Unset
        if isinstance(_version, Unset):
            version = UNSET
        else:
            version = FormationVersionInfo.from_dict(_version)

        formation_summary = cls(
            id=id,
            name=name,
            port=port,
            status=status,
            pid=pid,
            uptime=uptime,
            restart_count=restart_count,
            healthy=healthy,
            version=None if isinstance(version, Unset) else version,
        )

        formation_summary.additional_properties = d
        return formation_summary

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
from ..models.formation_version_info import FormationVersionInfo
