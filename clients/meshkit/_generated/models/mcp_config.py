from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="McpConfig")


@_attrs_define(repr=False, getstate_setstate=False)
class McpConfig(Model):
    """The formation's MCP defaults (the formation file's mcp.defaults, or the runtime's) and its servers.

    Attributes:
        default_retry_attempts (int):
        default_timeout_seconds (float):
        max_tool_iterations (int):
        max_tool_calls (int):
        max_repeated_errors (int):
        max_timeout_in_seconds (float):
        max_tool_timeout_in_seconds (float):
        enhance_user_prompts (bool):
        servers (list[McpServer]):
    """

    default_retry_attempts: int
    default_timeout_seconds: float
    max_tool_iterations: int
    max_tool_calls: int
    max_repeated_errors: int
    max_timeout_in_seconds: float
    max_tool_timeout_in_seconds: float
    enhance_user_prompts: bool
    servers: list[McpServer]
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        default_retry_attempts = self.default_retry_attempts

        default_timeout_seconds = self.default_timeout_seconds

        max_tool_iterations = self.max_tool_iterations

        max_tool_calls = self.max_tool_calls

        max_repeated_errors = self.max_repeated_errors

        max_timeout_in_seconds = self.max_timeout_in_seconds

        max_tool_timeout_in_seconds = self.max_tool_timeout_in_seconds

        enhance_user_prompts = self.enhance_user_prompts

        servers = []
        for servers_item_data in self.servers:
            servers_item = servers_item_data.to_dict()
            servers.append(servers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "default_retry_attempts": default_retry_attempts,
                "default_timeout_seconds": default_timeout_seconds,
                "max_tool_iterations": max_tool_iterations,
                "max_tool_calls": max_tool_calls,
                "max_repeated_errors": max_repeated_errors,
                "max_timeout_in_seconds": max_timeout_in_seconds,
                "max_tool_timeout_in_seconds": max_tool_timeout_in_seconds,
                "enhance_user_prompts": enhance_user_prompts,
                "servers": servers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        default_retry_attempts = d.pop("default_retry_attempts")

        default_timeout_seconds = d.pop("default_timeout_seconds")

        max_tool_iterations = d.pop("max_tool_iterations")

        max_tool_calls = d.pop("max_tool_calls")

        max_repeated_errors = d.pop("max_repeated_errors")

        max_timeout_in_seconds = d.pop("max_timeout_in_seconds")

        max_tool_timeout_in_seconds = d.pop("max_tool_timeout_in_seconds")

        enhance_user_prompts = d.pop("enhance_user_prompts")

        servers = []
        _servers = d.pop("servers")
        for servers_item_data in _servers:
            servers_item = McpServer.from_dict(servers_item_data)

            servers.append(servers_item)

        mcp_config = cls(
            default_retry_attempts=default_retry_attempts,
            default_timeout_seconds=default_timeout_seconds,
            max_tool_iterations=max_tool_iterations,
            max_tool_calls=max_tool_calls,
            max_repeated_errors=max_repeated_errors,
            max_timeout_in_seconds=max_timeout_in_seconds,
            max_tool_timeout_in_seconds=max_tool_timeout_in_seconds,
            enhance_user_prompts=enhance_user_prompts,
            servers=servers,
        )

        mcp_config.additional_properties = d
        return mcp_config

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
from ..models.mcp_server import McpServer
