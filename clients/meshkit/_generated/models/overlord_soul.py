from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="OverlordSoul")


@_attrs_define(repr=False, getstate_setstate=False)
class OverlordSoul(Model):
    """The overlord's persona text.

    Attributes:
        soul (None | str): Empty when the formation file sets none.
    """

    soul: None | str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        soul: None | str
        soul = self.soul

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "soul": soul,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_soul(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        soul = _parse_soul(d.pop("soul"))

        overlord_soul = cls(
            soul=soul,
        )

        overlord_soul.additional_properties = d
        return overlord_soul

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
