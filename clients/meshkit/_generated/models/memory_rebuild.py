from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryRebuild")


@_attrs_define
class MemoryRebuild:
    """A projection rebuild: in the background, its job (job_id, status, status_url); inline (dry_run or background false),
    its report (dry_run, projections and, with backfill, the backfill).

        Attributes:
            user_id (str):
            job_id (str | Unset):
            status (str | Unset):
            status_url (str | Unset):
            dry_run (bool | Unset):
            backfill (BackfillReport | Unset): Backfill passes per projection.
            projections (ProjectionReplays | Unset): Replays per projection (flat_facts, knowledge_graph, captains_log,
                artifact_metadata…).
    """

    user_id: str
    job_id: str | Unset = UNSET
    status: str | Unset = UNSET
    status_url: str | Unset = UNSET
    dry_run: bool | Unset = UNSET
    backfill: BackfillReport | Unset = UNSET
    projections: ProjectionReplays | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        job_id = self.job_id

        status = self.status

        status_url = self.status_url

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
            job_id=job_id,
            status=status,
            status_url=status_url,
            dry_run=dry_run,
            backfill=backfill,
            projections=projections,
        )

        memory_rebuild.additional_properties = d
        return memory_rebuild

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
