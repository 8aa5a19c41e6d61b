from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryBuffersCleared")


@_attrs_define
class MemoryBuffersCleared:
    """What clearing every buffer removed (deprecated route). muxi-runtime 1.20260928.0 clears the buffer, then answers 500
    INTERNAL_ERROR instead of this.

        Attributes:
            message (str | Unset):
            entries_cleared (int | Unset):
            kv_entries_cleared (int | Unset):
    """

    message: str | Unset = UNSET
    entries_cleared: int | Unset = UNSET
    kv_entries_cleared: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        entries_cleared = self.entries_cleared

        kv_entries_cleared = self.kv_entries_cleared

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if entries_cleared is not UNSET:
            field_dict["entries_cleared"] = entries_cleared
        if kv_entries_cleared is not UNSET:
            field_dict["kv_entries_cleared"] = kv_entries_cleared

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message = d.pop("message", UNSET)

        entries_cleared = d.pop("entries_cleared", UNSET)

        kv_entries_cleared = d.pop("kv_entries_cleared", UNSET)

        memory_buffers_cleared = cls(
            message=message,
            entries_cleared=entries_cleared,
            kv_entries_cleared=kv_entries_cleared,
        )

        memory_buffers_cleared.additional_properties = d
        return memory_buffers_cleared

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
