from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="SopList")


@_attrs_define(repr=False, getstate_setstate=False)
class SopList(Model):
    """The formation's SOPs.

    Attributes:
        sops (list[SopSummary]):
        count (int):
    """

    sops: list[SopSummary]
    count: int
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        sops = []
        for sops_item_data in self.sops:
            sops_item = sops_item_data.to_dict()
            sops.append(sops_item)

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sops": sops,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        sops = []
        _sops = d.pop("sops")
        for sops_item_data in _sops:
            sops_item = SopSummary.from_dict(sops_item_data)

            sops.append(sops_item)

        count = d.pop("count")

        sop_list = cls(
            sops=sops,
            count=count,
        )

        sop_list.additional_properties = d
        return sop_list

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
from ..models.sop_summary import SopSummary
