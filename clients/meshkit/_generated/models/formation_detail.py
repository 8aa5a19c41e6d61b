from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.formation_status import FormationStatus, check_formation_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="FormationDetail")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationDetail(Model):
    """Data of GET /rpc/formations/{formation_id}; timestamps are RFC 3339 strings.

    Attributes:
        id (str): Formation id.
        name (str): Formation name.
        status (FormationStatus): Formation process status (a live health check can turn running into unhealthy).
        port (int): Port the formation listens on.
        pid (int): Process id.
        restart_count (int): Number of restarts.
        uptime (float): Uptime in seconds.
        created_at (datetime.datetime): Creation time (RFC 3339).
        deployed_at (datetime.datetime): Time of the last deployment (RFC 3339).
        updated_at (datetime.datetime): Time of the last update (RFC 3339).
        healthy (bool | None): Live health check result; null while starting.
        version (FormationVersionInfo | None): Opaque bundle hashes of the current and previous versions.
        last_health_check (datetime.datetime | None): Time of the last health check (RFC 3339).
    """

    id: str
    name: str
    status: FormationStatus
    port: int
    pid: int
    restart_count: int
    uptime: float
    created_at: datetime.datetime
    deployed_at: datetime.datetime
    updated_at: datetime.datetime
    healthy: bool | None
    version: FormationVersionInfo | None = None
    last_health_check: datetime.datetime | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        name = self.name

        status: str = self.status

        port = self.port

        pid = self.pid

        restart_count = self.restart_count

        uptime = self.uptime

        created_at = self.created_at.isoformat()

        deployed_at = self.deployed_at.isoformat()

        updated_at = self.updated_at.isoformat()

        healthy: bool | None
        healthy = self.healthy

        _src_version: FormationVersionInfo | Unset = UNSET if self.version is None else self.version
        version: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_version, Unset):
            version = _src_version.to_dict()

        _src_last_health_check: datetime.datetime | None | Unset = (
            UNSET if self.last_health_check is None else self.last_health_check
        )
        last_health_check: None | str | Unset
        if isinstance(_src_last_health_check, Unset):
            last_health_check = UNSET
        elif isinstance(_src_last_health_check, datetime.datetime):
            last_health_check = _src_last_health_check.isoformat()
        else:
            last_health_check = _src_last_health_check

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "status": status,
                "port": port,
                "pid": pid,
                "restart_count": restart_count,
                "uptime": uptime,
                "created_at": created_at,
                "deployed_at": deployed_at,
                "updated_at": updated_at,
                "healthy": healthy,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if last_health_check is not UNSET:
            field_dict["last_health_check"] = last_health_check

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        status = check_formation_status(d.pop("status"))

        port = d.pop("port")

        pid = d.pop("pid")

        restart_count = d.pop("restart_count")

        uptime = d.pop("uptime")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        deployed_at = datetime.datetime.fromisoformat(d.pop("deployed_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

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

        def _parse_last_health_check(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_health_check_type_0 = datetime.datetime.fromisoformat(data)

                return last_health_check_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_health_check = _parse_last_health_check(d.pop("last_health_check", UNSET))

        formation_detail = cls(
            id=id,
            name=name,
            status=status,
            port=port,
            pid=pid,
            restart_count=restart_count,
            uptime=uptime,
            created_at=created_at,
            deployed_at=deployed_at,
            updated_at=updated_at,
            healthy=healthy,
            version=None if isinstance(version, Unset) else version,
            last_health_check=None if isinstance(last_health_check, Unset) else last_health_check,
        )

        formation_detail.additional_properties = d
        return formation_detail

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
