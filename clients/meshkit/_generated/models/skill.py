from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="Skill")


@_attrs_define(repr=False, getstate_setstate=False)
class Skill(Model):
    """One skill's metadata (from its SKILL.md front matter) and resource files.

    Attributes:
        name (str):
        description (str):
        license_ (None | str):
        compatibility (None | str):
        allowed_tools (list[str]):
        resources (list[str]): Resource paths ("scripts/run.py"…).
    """

    name: str
    description: str
    license_: None | str
    compatibility: None | str
    allowed_tools: list[str]
    resources: list[str]
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        name = self.name

        description = self.description

        license_: None | str
        license_ = self.license_

        compatibility: None | str
        compatibility = self.compatibility

        allowed_tools = self.allowed_tools

        resources = self.resources

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "license": license_,
                "compatibility": compatibility,
                "allowed_tools": allowed_tools,
                "resources": resources,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        def _parse_license_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        license_ = _parse_license_(d.pop("license"))

        def _parse_compatibility(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        compatibility = _parse_compatibility(d.pop("compatibility"))

        allowed_tools = cast(list[str], d.pop("allowed_tools"))

        resources = cast(list[str], d.pop("resources"))

        skill = cls(
            name=name,
            description=description,
            license_=license_,
            compatibility=compatibility,
            allowed_tools=allowed_tools,
            resources=resources,
        )

        skill.additional_properties = d
        return skill

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
