from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="DistilleryList")


@_attrs_define(repr=False, getstate_setstate=False)
class DistilleryList(Model):
    """The formation's distilleries, newest first, revoked ones included.

    Attributes:
        distilleries (list[Distillery]):
        count (int):
    """

    distilleries: list[Distillery]
    count: int
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        distilleries = []
        for distilleries_item_data in self.distilleries:
            distilleries_item = distilleries_item_data.to_dict()
            distilleries.append(distilleries_item)

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "distilleries": distilleries,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        distilleries = []
        _distilleries = d.pop("distilleries")
        for distilleries_item_data in _distilleries:
            distilleries_item = Distillery.from_dict(distilleries_item_data)

            distilleries.append(distilleries_item)

        count = d.pop("count")

        distillery_list = cls(
            distilleries=distilleries,
            count=count,
        )

        distillery_list.additional_properties = d
        return distillery_list

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
from ..models.distillery import Distillery
