from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryIngestionCounts")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryIngestionCounts(Model):
    """How many batch items were accepted, duplicates or invalid.

    Attributes:
        accepted (int | None):
        duplicate (int | None):
        invalid (int | None):
    """

    accepted: int | None = None
    duplicate: int | None = None
    invalid: int | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_accepted: int | Unset = UNSET if self.accepted is None else self.accepted
        accepted = _src_accepted

        _src_duplicate: int | Unset = UNSET if self.duplicate is None else self.duplicate
        duplicate = _src_duplicate

        _src_invalid: int | Unset = UNSET if self.invalid is None else self.invalid
        invalid = _src_invalid

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
            accepted=None if isinstance(accepted, Unset) else accepted,
            duplicate=None if isinstance(duplicate, Unset) else duplicate,
            invalid=None if isinstance(invalid, Unset) else invalid,
        )

        memory_ingestion_counts.additional_properties = d
        return memory_ingestion_counts

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
