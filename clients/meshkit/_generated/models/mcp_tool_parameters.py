from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="McpToolParameters")


@_attrs_define(repr=False, getstate_setstate=False)
class McpToolParameters(Model):
    """Parameter name → its description."""

    additional_properties: dict[str, McpToolParameter] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        mcp_tool_parameters = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = McpToolParameter.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        mcp_tool_parameters.additional_properties = additional_properties
        return mcp_tool_parameters

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> McpToolParameter:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: McpToolParameter) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Referenced models, imported once the classes above exist (import cycles resolve).
from ..models.mcp_tool_parameter import McpToolParameter
