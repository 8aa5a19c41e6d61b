from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="BufferStats")


@_attrs_define(repr=False, getstate_setstate=False)
class BufferStats(Model):
    """Aggregate statistics of the buffer memory across every user.

    Attributes:
        total_entries (int): Messages in the buffer.
        total_users (int):
        total_sessions (int):
        buffer_size_kb (float): Approximate size in KiB (0 when empty, otherwise rounded to 2 decimals).
        max_size (int): The buffer's capacity in messages (0 when it has none).
        utilization (float): total_entries / max_size, from 0 to 1 (0 without a capacity).
    """

    total_entries: int
    total_users: int
    total_sessions: int
    buffer_size_kb: float
    max_size: int
    utilization: float
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        total_entries = self.total_entries

        total_users = self.total_users

        total_sessions = self.total_sessions

        buffer_size_kb = self.buffer_size_kb

        max_size = self.max_size

        utilization = self.utilization

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_entries": total_entries,
                "total_users": total_users,
                "total_sessions": total_sessions,
                "buffer_size_kb": buffer_size_kb,
                "max_size": max_size,
                "utilization": utilization,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        total_entries = d.pop("total_entries")

        total_users = d.pop("total_users")

        total_sessions = d.pop("total_sessions")

        buffer_size_kb = d.pop("buffer_size_kb")

        max_size = d.pop("max_size")

        utilization = d.pop("utilization")

        buffer_stats = cls(
            total_entries=total_entries,
            total_users=total_users,
            total_sessions=total_sessions,
            buffer_size_kb=buffer_size_kb,
            max_size=max_size,
            utilization=utilization,
        )

        buffer_stats.additional_properties = d
        return buffer_stats

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
