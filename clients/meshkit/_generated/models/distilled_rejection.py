from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="DistilledRejection")


@_attrs_define(repr=False, getstate_setstate=False)
class DistilledRejection(Model):
    """An event of a distilled batch that was refused, and why.

    Attributes:
        index (int | None):
        reason (str | None):
    """

    index: int | None = None
    reason: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_index: int | Unset = UNSET if self.index is None else self.index
        index = _src_index

        _src_reason: str | Unset = UNSET if self.reason is None else self.reason
        reason = _src_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if index is not UNSET:
            field_dict["index"] = index
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        index = d.pop("index", UNSET)

        reason = d.pop("reason", UNSET)

        distilled_rejection = cls(
            index=None if isinstance(index, Unset) else index,
            reason=None if isinstance(reason, Unset) else reason,
        )

        distilled_rejection.additional_properties = d
        return distilled_rejection

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
