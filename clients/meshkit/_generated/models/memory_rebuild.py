from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryRebuild")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryRebuild(Model):
    """A projection rebuild: in the background, its job (job_id, status, status_url); inline (dry_run or background false),
    its report (dry_run, projections and, with backfill, the backfill).

        Attributes:
            user_id (str):
            job_id (str | None):
            status (str | None):
            status_url (str | None):
            dry_run (bool | None):
            backfill (BackfillReport | None): Backfill passes per projection.
            projections (ProjectionReplays | None): Replays per projection (flat_facts, knowledge_graph, captains_log,
                artifact_metadata…).
    """

    user_id: str
    job_id: str | None = None
    status: str | None = None
    status_url: str | None = None
    dry_run: bool | None = None
    backfill: BackfillReport | None = None
    projections: ProjectionReplays | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        user_id = self.user_id

        _src_job_id: str | Unset = UNSET if self.job_id is None else self.job_id
        job_id = _src_job_id

        _src_status: str | Unset = UNSET if self.status is None else self.status
        status = _src_status

        _src_status_url: str | Unset = UNSET if self.status_url is None else self.status_url
        status_url = _src_status_url

        _src_dry_run: bool | Unset = UNSET if self.dry_run is None else self.dry_run
        dry_run = _src_dry_run

        _src_backfill: BackfillReport | Unset = UNSET if self.backfill is None else self.backfill
        backfill: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_backfill, Unset):
            backfill = _src_backfill.to_dict()

        _src_projections: ProjectionReplays | Unset = UNSET if self.projections is None else self.projections
        projections: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_projections, Unset):
            projections = _src_projections.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
            }
        )
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if status is not UNSET:
            field_dict["status"] = status
        if status_url is not UNSET:
            field_dict["status_url"] = status_url
        if dry_run is not UNSET:
            field_dict["dry_run"] = dry_run
        if backfill is not UNSET:
            field_dict["backfill"] = backfill
        if projections is not UNSET:
            field_dict["projections"] = projections

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        job_id = d.pop("job_id", UNSET)

        status = d.pop("status", UNSET)

        status_url = d.pop("status_url", UNSET)

        dry_run = d.pop("dry_run", UNSET)

        _backfill = d.pop("backfill", UNSET)
        backfill: BackfillReport | Unset
        if isinstance(_backfill, Unset):
            backfill = UNSET
        else:
            backfill = BackfillReport.from_dict(_backfill)

        _projections = d.pop("projections", UNSET)
        projections: ProjectionReplays | Unset
        if isinstance(_projections, Unset):
            projections = UNSET
        else:
            projections = ProjectionReplays.from_dict(_projections)

        memory_rebuild = cls(
            user_id=user_id,
            job_id=None if isinstance(job_id, Unset) else job_id,
            status=None if isinstance(status, Unset) else status,
            status_url=None if isinstance(status_url, Unset) else status_url,
            dry_run=None if isinstance(dry_run, Unset) else dry_run,
            backfill=None if isinstance(backfill, Unset) else backfill,
            projections=None if isinstance(projections, Unset) else projections,
        )

        memory_rebuild.additional_properties = d
        return memory_rebuild

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
from ..models.backfill_report import BackfillReport
from ..models.projection_replays import ProjectionReplays
