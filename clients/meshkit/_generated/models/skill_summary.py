from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.skill_summary_scope import SkillSummaryScope, check_skill_summary_scope

T = TypeVar("T", bound="SkillSummary")


@_attrs_define(repr=False, getstate_setstate=False)
class SkillSummary(Model):
    """A skill loaded by the formation, as listed.

    Attributes:
        name (str):
        description (str):
        scope (SkillSummaryScope):
        has_scripts (bool):
        resource_count (int):
        has_execution_context (bool):
    """

    name: str
    description: str
    scope: SkillSummaryScope
    has_scripts: bool
    resource_count: int
    has_execution_context: bool
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        name = self.name

        description = self.description

        scope: str = self.scope

        has_scripts = self.has_scripts

        resource_count = self.resource_count

        has_execution_context = self.has_execution_context

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "scope": scope,
                "has_scripts": has_scripts,
                "resource_count": resource_count,
                "has_execution_context": has_execution_context,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        scope = check_skill_summary_scope(d.pop("scope"))

        has_scripts = d.pop("has_scripts")

        resource_count = d.pop("resource_count")

        has_execution_context = d.pop("has_execution_context")

        skill_summary = cls(
            name=name,
            description=description,
            scope=scope,
            has_scripts=has_scripts,
            resource_count=resource_count,
            has_execution_context=has_execution_context,
        )

        skill_summary.additional_properties = d
        return skill_summary

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
