from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="SecretReloadResult")


@_attrs_define(repr=False, getstate_setstate=False)
class SecretReloadResult(Model):
    """
    Attributes:
        message (str | None):
        added (list[str] | None):
        overwritten (list[str] | None):
        preserved (list[str] | None):
        count (int | None):
    """

    message: str | None = None
    added: list[str] | None = None
    overwritten: list[str] | None = None
    preserved: list[str] | None = None
    count: int | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_message: str | Unset = UNSET if self.message is None else self.message
        message = _src_message

        _src_added: list[str] | Unset = UNSET if self.added is None else self.added
        added: list[str] | Unset = UNSET
        if not isinstance(_src_added, Unset):
            added = _src_added

        _src_overwritten: list[str] | Unset = UNSET if self.overwritten is None else self.overwritten
        overwritten: list[str] | Unset = UNSET
        if not isinstance(_src_overwritten, Unset):
            overwritten = _src_overwritten

        _src_preserved: list[str] | Unset = UNSET if self.preserved is None else self.preserved
        preserved: list[str] | Unset = UNSET
        if not isinstance(_src_preserved, Unset):
            preserved = _src_preserved

        _src_count: int | Unset = UNSET if self.count is None else self.count
        count = _src_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if added is not UNSET:
            field_dict["added"] = added
        if overwritten is not UNSET:
            field_dict["overwritten"] = overwritten
        if preserved is not UNSET:
            field_dict["preserved"] = preserved
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message = d.pop("message", UNSET)

        added = cast(list[str], d.pop("added", UNSET))

        overwritten = cast(list[str], d.pop("overwritten", UNSET))

        preserved = cast(list[str], d.pop("preserved", UNSET))

        count = d.pop("count", UNSET)

        secret_reload_result = cls(
            message=None if isinstance(message, Unset) else message,
            added=None if isinstance(added, Unset) else added,
            overwritten=None if isinstance(overwritten, Unset) else overwritten,
            preserved=None if isinstance(preserved, Unset) else preserved,
            count=None if isinstance(count, Unset) else count,
        )

        secret_reload_result.additional_properties = d
        return secret_reload_result

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
