from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TriggerList")


@_attrs_define
class TriggerList:
    """
    Attributes:
        formation_id (str | Unset):
        triggers (list[str] | Unset):
        count (int | Unset):
    """

    formation_id: str | Unset = UNSET
    triggers: list[str] | Unset = UNSET
    count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        formation_id = self.formation_id

        triggers: list[str] | Unset = UNSET
        if not isinstance(self.triggers, Unset):
            triggers = self.triggers

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if formation_id is not UNSET:
            field_dict["formation_id"] = formation_id
        if triggers is not UNSET:
            field_dict["triggers"] = triggers
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        formation_id = d.pop("formation_id", UNSET)

        triggers = cast(list[str], d.pop("triggers", UNSET))

        count = d.pop("count", UNSET)

        trigger_list = cls(
            formation_id=formation_id,
            triggers=triggers,
            count=count,
        )

        trigger_list.additional_properties = d
        return trigger_list

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
