from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryIngestionCounts")


@_attrs_define
class MemoryIngestionCounts:
    """How many batch items were accepted, duplicates or invalid.

    Attributes:
        accepted (int | Unset):
        duplicate (int | Unset):
        invalid (int | Unset):
    """

    accepted: int | Unset = UNSET
    duplicate: int | Unset = UNSET
    invalid: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        duplicate = self.duplicate

        invalid = self.invalid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if accepted is not UNSET:
            field_dict["accepted"] = accepted
        if duplicate is not UNSET:
            field_dict["duplicate"] = duplicate
        if invalid is not UNSET:
            field_dict["invalid"] = invalid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        accepted = d.pop("accepted", UNSET)

        duplicate = d.pop("duplicate", UNSET)

        invalid = d.pop("invalid", UNSET)

        memory_ingestion_counts = cls(
            accepted=accepted,
            duplicate=duplicate,
            invalid=invalid,
        )

        memory_ingestion_counts.additional_properties = d
        return memory_ingestion_counts

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
