from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="TuningDismissed")


@_attrs_define(repr=False, getstate_setstate=False)
class TuningDismissed(Model):
    """The pending suggestion discarded (typed from the runtime's source).

    Attributes:
        learnings_dismissed (int): Learnings that will never be proposed again.
    """

    learnings_dismissed: int
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        learnings_dismissed = self.learnings_dismissed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "learnings_dismissed": learnings_dismissed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        learnings_dismissed = d.pop("learnings_dismissed")

        tuning_dismissed = cls(
            learnings_dismissed=learnings_dismissed,
        )

        tuning_dismissed.additional_properties = d
        return tuning_dismissed

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
