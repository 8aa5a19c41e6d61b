from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="FormationList")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationList(Model):
    """Data of GET /rpc/formations.

    Attributes:
        formations (list[FormationSummary]): Every formation.
        total (int): Number of formations.
    """

    formations: list[FormationSummary]
    total: int
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        formations = []
        for formations_item_data in self.formations:
            formations_item = formations_item_data.to_dict()
            formations.append(formations_item)

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "formations": formations,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        formations = []
        _formations = d.pop("formations")
        for formations_item_data in _formations:
            formations_item = FormationSummary.from_dict(formations_item_data)

            formations.append(formations_item)

        total = d.pop("total")

        formation_list = cls(
            formations=formations,
            total=total,
        )

        formation_list.additional_properties = d
        return formation_list

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
from ..models.formation_summary import FormationSummary
