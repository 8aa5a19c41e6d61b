from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BrokerStatsMessages")


@_attrs_define
class BrokerStatsMessages:
    """Message counters (400s, 429s and dedup hits are not counted).

    Attributes:
        total (int | Unset): Processed plus failed (402/503) messages. Default: 0.
        success (int | Unset): Processed messages. Default: 0.
        failed (int | Unset): Messages that failed at the budget or routing step. Default: 0.
    """

    total: int | Unset = 0
    success: int | Unset = 0
    failed: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        success = self.success

        failed = self.failed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total is not UNSET:
            field_dict["total"] = total
        if success is not UNSET:
            field_dict["success"] = success
        if failed is not UNSET:
            field_dict["failed"] = failed

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        total = d.pop("total", UNSET)

        success = d.pop("success", UNSET)

        failed = d.pop("failed", UNSET)

        broker_stats_messages = cls(
            total=total,
            success=success,
            failed=failed,
        )

        broker_stats_messages.additional_properties = d
        return broker_stats_messages

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
