from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="FormationMemoryUsage")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationMemoryUsage(Model):
    """The working-memory budget and the process's resident memory.

    Attributes:
        working_memory_mb (float): memory.working.max_memory_mb of the formation file (512 by default).
        memory_usage_mb (float | None): Resident memory of the runtime process in MB; null when it cannot be read.
    """

    working_memory_mb: float
    memory_usage_mb: float | None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        working_memory_mb = self.working_memory_mb

        memory_usage_mb: float | None
        memory_usage_mb = self.memory_usage_mb

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "working_memory_mb": working_memory_mb,
                "memory_usage_mb": memory_usage_mb,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        working_memory_mb = d.pop("working_memory_mb")

        def _parse_memory_usage_mb(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        memory_usage_mb = _parse_memory_usage_mb(d.pop("memory_usage_mb"))

        formation_memory_usage = cls(
            working_memory_mb=working_memory_mb,
            memory_usage_mb=memory_usage_mb,
        )

        formation_memory_usage.additional_properties = d
        return formation_memory_usage

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
