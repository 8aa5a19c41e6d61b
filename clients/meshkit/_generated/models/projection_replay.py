from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectionReplay")


@_attrs_define
class ProjectionReplay:
    """One projection's replay of a user's memory events.

    Attributes:
        events (int | Unset):
        applied (int | Unset):
        failed (int | Unset):
        dry_run (bool | Unset): Present (true) on a dry run.
    """

    events: int | Unset = UNSET
    applied: int | Unset = UNSET
    failed: int | Unset = UNSET
    dry_run: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        events = self.events

        applied = self.applied

        failed = self.failed

        dry_run = self.dry_run

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if events is not UNSET:
            field_dict["events"] = events
        if applied is not UNSET:
            field_dict["applied"] = applied
        if failed is not UNSET:
            field_dict["failed"] = failed
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        events = d.pop("events", UNSET)

        applied = d.pop("applied", UNSET)

        failed = d.pop("failed", UNSET)

        dry_run = d.pop("dry_run", UNSET)

        projection_replay = cls(
            events=events,
            applied=applied,
            failed=failed,
            dry_run=dry_run,
        )

        projection_replay.additional_properties = d
        return projection_replay

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
