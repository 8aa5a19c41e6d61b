from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="McpToolParameter")


@_attrs_define(repr=False, getstate_setstate=False)
class McpToolParameter(Model):
    """One parameter of an MCP tool.

    Attributes:
        type_ (str): The JSON type: string, integer, object, array…
        required (bool):
        enum (list[str] | None):
        default (JSON | None): The value used when the parameter is left out.
    """

    type_: str
    required: bool
    enum: list[str] | None = None
    default: JSON | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        type_ = self.type_

        required = self.required

        _src_enum: list[str] | Unset = UNSET if self.enum is None else self.enum
        enum: list[str] | Unset = UNSET
        if not isinstance(_src_enum, Unset):
            enum = _src_enum

        _src_default: JSON | Unset = UNSET if self.default is None else self.default
        default = _src_default

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "required": required,
            }
        )
        if enum is not UNSET:
            field_dict["enum"] = enum
        if default is not UNSET:
            field_dict["default"] = default

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        required = d.pop("required")

        enum = cast(list[str], d.pop("enum", UNSET))

        default = d.pop("default", UNSET)

        mcp_tool_parameter = cls(
            type_=type_,
            required=required,
            enum=None if isinstance(enum, Unset) else enum,
            default=None if isinstance(default, Unset) else default,
        )

        mcp_tool_parameter.additional_properties = d
        return mcp_tool_parameter

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
