from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.mcp_tool_access import McpToolAccess, check_mcp_tool_access

T = TypeVar("T", bound="McpTool")


@_attrs_define(repr=False, getstate_setstate=False)
class McpTool(Model):
    """One tool the formation offers over MCP.

    Attributes:
        name (str):
        description (str):
        access (McpToolAccess): The key a caller needs.
        parameters (McpToolParameters): Parameter name → its description.
    """

    name: str
    description: str
    access: McpToolAccess
    parameters: McpToolParameters
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        name = self.name

        description = self.description

        access: str = self.access

        parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "access": access,
                "parameters": parameters,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        access = check_mcp_tool_access(d.pop("access"))

        parameters = McpToolParameters.from_dict(d.pop("parameters"))

        mcp_tool = cls(
            name=name,
            description=description,
            access=access,
            parameters=parameters,
        )

        mcp_tool.additional_properties = d
        return mcp_tool

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
from ..models.mcp_tool_parameters import McpToolParameters
