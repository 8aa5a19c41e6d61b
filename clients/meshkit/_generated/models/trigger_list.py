from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="TriggerList")


@_attrs_define(repr=False, getstate_setstate=False)
class TriggerList(Model):
    """
    Attributes:
        formation_id (str | None):
        triggers (list[str] | None):
        count (int | None):
    """

    formation_id: str | None = None
    triggers: list[str] | None = None
    count: int | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_formation_id: str | Unset = UNSET if self.formation_id is None else self.formation_id
        formation_id = _src_formation_id

        _src_triggers: list[str] | Unset = UNSET if self.triggers is None else self.triggers
        triggers: list[str] | Unset = UNSET
        if not isinstance(_src_triggers, Unset):
            triggers = _src_triggers

        _src_count: int | Unset = UNSET if self.count is None else self.count
        count = _src_count

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
            formation_id=None if isinstance(formation_id, Unset) else formation_id,
            triggers=None if isinstance(triggers, Unset) else triggers,
            count=None if isinstance(count, Unset) else count,
        )

        trigger_list.additional_properties = d
        return trigger_list

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
