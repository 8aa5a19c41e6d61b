from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="FormationVersionInfo")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationVersionInfo(Model):
    """Opaque bundle hashes of the current and previous versions.

    Attributes:
        current (None | str): Hash of the current bundle.
        previous (None | str): Hash of the previous bundle, if any.
    """

    current: None | str = None
    previous: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_current: None | str | Unset = UNSET if self.current is None else self.current
        current: None | str | Unset
        if isinstance(_src_current, Unset):
            current = UNSET
        else:
            current = _src_current

        _src_previous: None | str | Unset = UNSET if self.previous is None else self.previous
        previous: None | str | Unset
        if isinstance(_src_previous, Unset):
            previous = UNSET
        else:
            previous = _src_previous

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if current is not UNSET:
            field_dict["current"] = current
        if previous is not UNSET:
            field_dict["previous"] = previous

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_current(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current = _parse_current(d.pop("current", UNSET))

        def _parse_previous(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous = _parse_previous(d.pop("previous", UNSET))

        formation_version_info = cls(
            current=None if isinstance(current, Unset) else current,
            previous=None if isinstance(previous, Unset) else previous,
        )

        formation_version_info.additional_properties = d
        return formation_version_info

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
