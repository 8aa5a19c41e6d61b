from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SecretReloadResult")


@_attrs_define
class SecretReloadResult:
    """
    Attributes:
        message (str | Unset):
        added (list[str] | Unset):
        overwritten (list[str] | Unset):
        preserved (list[str] | Unset):
        count (int | Unset):
    """

    message: str | Unset = UNSET
    added: list[str] | Unset = UNSET
    overwritten: list[str] | Unset = UNSET
    preserved: list[str] | Unset = UNSET
    count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        added: list[str] | Unset = UNSET
        if not isinstance(self.added, Unset):
            added = self.added

        overwritten: list[str] | Unset = UNSET
        if not isinstance(self.overwritten, Unset):
            overwritten = self.overwritten

        preserved: list[str] | Unset = UNSET
        if not isinstance(self.preserved, Unset):
            preserved = self.preserved

        count = self.count

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
            message=message,
            added=added,
            overwritten=overwritten,
            preserved=preserved,
            count=count,
        )

        secret_reload_result.additional_properties = d
        return secret_reload_result

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
