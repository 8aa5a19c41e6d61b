from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="ServerStatusServer")


@_attrs_define(repr=False, getstate_setstate=False)
class ServerStatusServer(Model):
    """Server identity.

    Attributes:
        id (str): Server id.
        version (str): Server version.
        uptime (float | str): Server uptime (seconds; the contract does not fix the type).
    """

    id: str
    version: str
    uptime: float | str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        version = self.version

        uptime: float | str
        uptime = self.uptime

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "version": version,
                "uptime": uptime,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        version = d.pop("version")

        def _parse_uptime(data: object) -> float | str:
            return cast(float | str, data)

        uptime = _parse_uptime(d.pop("uptime"))

        server_status_server = cls(
            id=id,
            version=version,
            uptime=uptime,
        )

        server_status_server.additional_properties = d
        return server_status_server

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
