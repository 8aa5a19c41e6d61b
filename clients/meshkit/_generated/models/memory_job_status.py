from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.memory_job_status_status import (
    MemoryJobStatusStatus,
    check_memory_job_status_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryJobStatus")


@_attrs_define
class MemoryJobStatus:
    """A background memory job (rebuild or forget); a finished job carries its report.

    Attributes:
        job_id (str):
        status (MemoryJobStatusStatus):
        error (str | Unset):
        user_id (str | Unset):
        dry_run (bool | Unset):
        backfill (BackfillReport | Unset): Backfill passes per projection.
        projections (ProjectionReplays | Unset): Replays per projection (flat_facts, knowledge_graph, captains_log,
            artifact_metadata…).
    """

    job_id: str
    status: MemoryJobStatusStatus
    error: str | Unset = UNSET
    user_id: str | Unset = UNSET
    dry_run: bool | Unset = UNSET
    backfill: BackfillReport | Unset = UNSET
    projections: ProjectionReplays | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        status: str = self.status

        error = self.error

        user_id = self.user_id

        dry_run = self.dry_run

        backfill: dict[str, Any] | Unset = UNSET
        if not isinstance(self.backfill, Unset):
            backfill = self.backfill.to_dict()

        projections: dict[str, Any] | Unset = UNSET
        if not isinstance(self.projections, Unset):
            projections = self.projections.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "job_id": job_id,
                "status": status,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
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
        job_id = d.pop("job_id")

        status = check_memory_job_status_status(d.pop("status"))

        error = d.pop("error", UNSET)

        user_id = d.pop("user_id", UNSET)

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

        memory_job_status = cls(
            job_id=job_id,
            status=status,
            error=error,
            user_id=user_id,
            dry_run=dry_run,
            backfill=backfill,
            projections=projections,
        )

        memory_job_status.additional_properties = d
        return memory_job_status

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


# Referenced models, imported once the classes above exist (import cycles resolve).
from ..models.backfill_report import BackfillReport
from ..models.projection_replays import ProjectionReplays
