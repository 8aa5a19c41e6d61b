from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="ServerStatus")


@_attrs_define(repr=False, getstate_setstate=False)
class ServerStatus(Model):
    """Data of GET /rpc/server/status.

    Attributes:
        server (ServerStatusServer): Server identity.
        formations (ServerStatusFormations): Formation counts by status.
        port_pool (ServerStatusPortPool): Formation port pool.
        runtime (ServerStatusRuntime): Go runtime of the server.
    """

    server: ServerStatusServer
    formations: ServerStatusFormations
    port_pool: ServerStatusPortPool
    runtime: ServerStatusRuntime
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        server = self.server.to_dict()

        formations = self.formations.to_dict()

        port_pool = self.port_pool.to_dict()

        runtime = self.runtime.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "server": server,
                "formations": formations,
                "port_pool": port_pool,
                "runtime": runtime,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        server = ServerStatusServer.from_dict(d.pop("server"))

        formations = ServerStatusFormations.from_dict(d.pop("formations"))

        port_pool = ServerStatusPortPool.from_dict(d.pop("port_pool"))

        runtime = ServerStatusRuntime.from_dict(d.pop("runtime"))

        server_status = cls(
            server=server,
            formations=formations,
            port_pool=port_pool,
            runtime=runtime,
        )

        server_status.additional_properties = d
        return server_status

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
from ..models.server_status_formations import ServerStatusFormations
from ..models.server_status_port_pool import ServerStatusPortPool
from ..models.server_status_runtime import ServerStatusRuntime
from ..models.server_status_server import ServerStatusServer
