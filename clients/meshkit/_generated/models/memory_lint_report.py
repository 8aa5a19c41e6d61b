from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="MemoryLintReport")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryLintReport(Model):
    """The memory health report.

    Attributes:
        users (int):
        unresolved_conflicts (int):
        superseded_deleted (int):
        orphans_removed (int):
        log_gaps (int):
        stale_artifacts (int):
        index_regenerated (int):
        findings (MemoryLintReportFindings): Findings per user id, as sentences.
    """

    users: int
    unresolved_conflicts: int
    superseded_deleted: int
    orphans_removed: int
    log_gaps: int
    stale_artifacts: int
    index_regenerated: int
    findings: MemoryLintReportFindings
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        users = self.users

        unresolved_conflicts = self.unresolved_conflicts

        superseded_deleted = self.superseded_deleted

        orphans_removed = self.orphans_removed

        log_gaps = self.log_gaps

        stale_artifacts = self.stale_artifacts

        index_regenerated = self.index_regenerated

        findings = self.findings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "users": users,
                "unresolved_conflicts": unresolved_conflicts,
                "superseded_deleted": superseded_deleted,
                "orphans_removed": orphans_removed,
                "log_gaps": log_gaps,
                "stale_artifacts": stale_artifacts,
                "index_regenerated": index_regenerated,
                "findings": findings,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        users = d.pop("users")

        unresolved_conflicts = d.pop("unresolved_conflicts")

        superseded_deleted = d.pop("superseded_deleted")

        orphans_removed = d.pop("orphans_removed")

        log_gaps = d.pop("log_gaps")

        stale_artifacts = d.pop("stale_artifacts")

        index_regenerated = d.pop("index_regenerated")

        findings = MemoryLintReportFindings.from_dict(d.pop("findings"))

        memory_lint_report = cls(
            users=users,
            unresolved_conflicts=unresolved_conflicts,
            superseded_deleted=superseded_deleted,
            orphans_removed=orphans_removed,
            log_gaps=log_gaps,
            stale_artifacts=stale_artifacts,
            index_regenerated=index_regenerated,
            findings=findings,
        )

        memory_lint_report.additional_properties = d
        return memory_lint_report

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
from ..models.memory_lint_report_findings import MemoryLintReportFindings
