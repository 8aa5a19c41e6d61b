from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryBuffersCleared")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryBuffersCleared(Model):
    """What clearing every buffer removed (deprecated route). muxi-runtime 1.20260928.0 clears the buffer, then answers 500
    INTERNAL_ERROR instead of this.

        Attributes:
            message (str | None):
            entries_cleared (int | None):
            kv_entries_cleared (int | None):
    """

    message: str | None = None
    entries_cleared: int | None = None
    kv_entries_cleared: int | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_message: str | Unset = UNSET if self.message is None else self.message
        message = _src_message

        _src_entries_cleared: int | Unset = UNSET if self.entries_cleared is None else self.entries_cleared
        entries_cleared = _src_entries_cleared

        _src_kv_entries_cleared: int | Unset = UNSET if self.kv_entries_cleared is None else self.kv_entries_cleared
        kv_entries_cleared = _src_kv_entries_cleared

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
            message=None if isinstance(message, Unset) else message,
            entries_cleared=None if isinstance(entries_cleared, Unset) else entries_cleared,
            kv_entries_cleared=None if isinstance(kv_entries_cleared, Unset) else kv_entries_cleared,
        )

        memory_buffers_cleared.additional_properties = d
        return memory_buffers_cleared

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
