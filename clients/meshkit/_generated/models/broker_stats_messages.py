from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="BrokerStatsMessages")


@_attrs_define(repr=False, getstate_setstate=False)
class BrokerStatsMessages(Model):
    """Message counters (400s, 429s and dedup hits are not counted).

    Attributes:
        total (int | None): Processed plus failed (402/503) messages. Default: 0.
        success (int | None): Processed messages. Default: 0.
        failed (int | None): Messages that failed at the budget or routing step. Default: 0.
    """

    total: int | None = 0
    success: int | None = 0
    failed: int | None = 0
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_total: int | Unset = UNSET if self.total is None else self.total
        total = _src_total

        _src_success: int | Unset = UNSET if self.success is None else self.success
        success = _src_success

        _src_failed: int | Unset = UNSET if self.failed is None else self.failed
        failed = _src_failed

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
            total=0 if isinstance(total, Unset) else total,
            success=0 if isinstance(success, Unset) else success,
            failed=0 if isinstance(failed, Unset) else failed,
        )

        broker_stats_messages.additional_properties = d
        return broker_stats_messages

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
