from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryForgotten")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryForgotten(Model):
    """A forgotten source: the events soft-deleted, then the rebuild's job (background), its report (inline) or the
    projections left to rebuild (rebuild false).

        Attributes:
            user_id (str):
            source (str):
            deleted_events (int):
            grace_period_days (int): Days the deletion stays reversible.
            job_id (str | None):
            status (str | None):
            status_url (str | None):
            projections (ProjectionReplays | None): Replays per projection (flat_facts, knowledge_graph, captains_log,
                artifact_metadata…).
            rebuild_required (list[str] | None):
    """

    user_id: str
    source: str
    deleted_events: int
    grace_period_days: int
    job_id: str | None = None
    status: str | None = None
    status_url: str | None = None
    projections: ProjectionReplays | None = None
    rebuild_required: list[str] | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        user_id = self.user_id

        source = self.source

        deleted_events = self.deleted_events

        grace_period_days = self.grace_period_days

        _src_job_id: str | Unset = UNSET if self.job_id is None else self.job_id
        job_id = _src_job_id

        _src_status: str | Unset = UNSET if self.status is None else self.status
        status = _src_status

        _src_status_url: str | Unset = UNSET if self.status_url is None else self.status_url
        status_url = _src_status_url

        _src_projections: ProjectionReplays | Unset = UNSET if self.projections is None else self.projections
        projections: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_projections, Unset):
            projections = _src_projections.to_dict()

        _src_rebuild_required: list[str] | Unset = UNSET if self.rebuild_required is None else self.rebuild_required
        rebuild_required: list[str] | Unset = UNSET
        if not isinstance(_src_rebuild_required, Unset):
            rebuild_required = _src_rebuild_required

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "source": source,
                "deleted_events": deleted_events,
                "grace_period_days": grace_period_days,
            }
        )
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if status is not UNSET:
            field_dict["status"] = status
        if status_url is not UNSET:
            field_dict["status_url"] = status_url
        if projections is not UNSET:
            field_dict["projections"] = projections
        if rebuild_required is not UNSET:
            field_dict["rebuild_required"] = rebuild_required

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        source = d.pop("source")

        deleted_events = d.pop("deleted_events")

        grace_period_days = d.pop("grace_period_days")

        job_id = d.pop("job_id", UNSET)

        status = d.pop("status", UNSET)

        status_url = d.pop("status_url", UNSET)

        _projections = d.pop("projections", UNSET)
        projections: ProjectionReplays | Unset
        if isinstance(_projections, Unset):
            projections = UNSET
        else:
            projections = ProjectionReplays.from_dict(_projections)

        rebuild_required = cast(list[str], d.pop("rebuild_required", UNSET))

        memory_forgotten = cls(
            user_id=user_id,
            source=source,
            deleted_events=deleted_events,
            grace_period_days=grace_period_days,
            job_id=None if isinstance(job_id, Unset) else job_id,
            status=None if isinstance(status, Unset) else status,
            status_url=None if isinstance(status_url, Unset) else status_url,
            projections=None if isinstance(projections, Unset) else projections,
            rebuild_required=None if isinstance(rebuild_required, Unset) else rebuild_required,
        )

        memory_forgotten.additional_properties = d
        return memory_forgotten

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
from ..models.projection_replays import ProjectionReplays
