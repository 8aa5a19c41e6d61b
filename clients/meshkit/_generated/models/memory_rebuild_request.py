from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryRebuildRequest")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryRebuildRequest(Model):
    """Model for a memory projection rebuild request.

    ``background`` (default True, the PRD's recommended posture) runs the
    rebuild as a tracked background job and returns a ``job_id`` pollable
    at GET /memory/rebuild/{job_id}; ``background: false`` blocks until
    the rebuild finishes and returns the report inline (the CLI's forced
    rebuild). ``backfill`` first synthesizes legacy events for
    pre-event-log rows (Phase B migration) so the rebuild reproduces them.

        Attributes:
            user_id (str):
            projection (None | str):
            dry_run (bool | None):  Default: False.
            background (bool | None):  Default: True.
            backfill (bool | None):  Default: False.
    """

    user_id: str
    projection: None | str = None
    dry_run: bool | None = False
    background: bool | None = True
    backfill: bool | None = False
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        user_id = self.user_id

        _src_projection: None | str | Unset = UNSET if self.projection is None else self.projection
        projection: None | str | Unset
        if isinstance(_src_projection, Unset):
            projection = UNSET
        else:
            projection = _src_projection

        _src_dry_run: bool | Unset = UNSET if self.dry_run is None else self.dry_run
        dry_run = _src_dry_run

        _src_background: bool | Unset = UNSET if self.background is None else self.background
        background = _src_background

        _src_backfill: bool | Unset = UNSET if self.backfill is None else self.backfill
        backfill = _src_backfill

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
            }
        )
        if projection is not UNSET:
            field_dict["projection"] = projection
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if background is not UNSET:
            field_dict["background"] = background
        if backfill is not UNSET:
            field_dict["backfill"] = backfill

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        def _parse_projection(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        projection = _parse_projection(d.pop("projection", UNSET))

        dry_run = d.pop("dry_run", UNSET)

        background = d.pop("background", UNSET)

        backfill = d.pop("backfill", UNSET)

        memory_rebuild_request = cls(
            user_id=user_id,
            projection=None if isinstance(projection, Unset) else projection,
            dry_run=False if isinstance(dry_run, Unset) else dry_run,
            background=True if isinstance(background, Unset) else background,
            backfill=False if isinstance(backfill, Unset) else backfill,
        )

        memory_rebuild_request.additional_properties = d
        return memory_rebuild_request

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
