from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryBufferList")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryBufferList(Model):
    """The buffers of the formation (deprecated route; use the buffer stats).

    Attributes:
        buffers (list[BufferSummary]):
        total_entries (int | None): Sent only when the formation has no buffer memory (then 0).
    """

    buffers: list[BufferSummary]
    total_entries: int | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        buffers = []
        for buffers_item_data in self.buffers:
            buffers_item = buffers_item_data.to_dict()
            buffers.append(buffers_item)

        _src_total_entries: int | Unset = UNSET if self.total_entries is None else self.total_entries
        total_entries = _src_total_entries

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "buffers": buffers,
            }
        )
        if total_entries is not UNSET:
            field_dict["total_entries"] = total_entries

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        buffers = []
        _buffers = d.pop("buffers")
        for buffers_item_data in _buffers:
            buffers_item = BufferSummary.from_dict(buffers_item_data)

            buffers.append(buffers_item)

        total_entries = d.pop("total_entries", UNSET)

        memory_buffer_list = cls(
            buffers=buffers,
            total_entries=None if isinstance(total_entries, Unset) else total_entries,
        )

        memory_buffer_list.additional_properties = d
        return memory_buffer_list

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
from ..models.buffer_summary import BufferSummary
