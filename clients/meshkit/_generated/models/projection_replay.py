from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="ProjectionReplay")


@_attrs_define(repr=False, getstate_setstate=False)
class ProjectionReplay(Model):
    """One projection's replay of a user's memory events.

    Attributes:
        events (int | None):
        applied (int | None):
        failed (int | None):
        dry_run (bool | None): Present (true) on a dry run.
    """

    events: int | None = None
    applied: int | None = None
    failed: int | None = None
    dry_run: bool | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_events: int | Unset = UNSET if self.events is None else self.events
        events = _src_events

        _src_applied: int | Unset = UNSET if self.applied is None else self.applied
        applied = _src_applied

        _src_failed: int | Unset = UNSET if self.failed is None else self.failed
        failed = _src_failed

        _src_dry_run: bool | Unset = UNSET if self.dry_run is None else self.dry_run
        dry_run = _src_dry_run

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
            events=None if isinstance(events, Unset) else events,
            applied=None if isinstance(applied, Unset) else applied,
            failed=None if isinstance(failed, Unset) else failed,
            dry_run=None if isinstance(dry_run, Unset) else dry_run,
        )

        projection_replay.additional_properties = d
        return projection_replay

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
