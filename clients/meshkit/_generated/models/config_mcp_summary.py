from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="ConfigMcpSummary")


@_attrs_define(repr=False, getstate_setstate=False)
class ConfigMcpSummary(Model):
    """The MCP defaults of the formation file, and its MCP servers' count and route.

    Attributes:
        default_retry_attempts (int):
        default_timeout_seconds (float):
        servers (ConfigResourceTotal): How many items a configuration section holds, and the route that lists them.
    """

    default_retry_attempts: int
    default_timeout_seconds: float
    servers: ConfigResourceTotal
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        default_retry_attempts = self.default_retry_attempts

        default_timeout_seconds = self.default_timeout_seconds

        servers = self.servers.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "default_retry_attempts": default_retry_attempts,
                "default_timeout_seconds": default_timeout_seconds,
                "servers": servers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        default_retry_attempts = d.pop("default_retry_attempts")

        default_timeout_seconds = d.pop("default_timeout_seconds")

        servers = ConfigResourceTotal.from_dict(d.pop("servers"))

        config_mcp_summary = cls(
            default_retry_attempts=default_retry_attempts,
            default_timeout_seconds=default_timeout_seconds,
            servers=servers,
        )

        config_mcp_summary.additional_properties = d
        return config_mcp_summary

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
from ..models.config_resource_total import ConfigResourceTotal
