from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="FormationLogs")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationLogs(Model):
    """Data of GET /rpc/formations/{formation_id}/logs without follow.

    Attributes:
        formation_id (str): Formation id.
        logs (FormationLogStreams): Lines per stream, oldest first, without newlines (only the selected streams' keys
            when stream is not all).
        total_lines (FormationLogLineCounts): Line counts per stream.
    """

    formation_id: str
    logs: FormationLogStreams
    total_lines: FormationLogLineCounts
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        formation_id = self.formation_id

        logs = self.logs.to_dict()

        total_lines = self.total_lines.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "formation_id": formation_id,
                "logs": logs,
                "total_lines": total_lines,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        formation_id = d.pop("formation_id")

        logs = FormationLogStreams.from_dict(d.pop("logs"))

        total_lines = FormationLogLineCounts.from_dict(d.pop("total_lines"))

        formation_logs = cls(
            formation_id=formation_id,
            logs=logs,
            total_lines=total_lines,
        )

        formation_logs.additional_properties = d
        return formation_logs

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
from ..models.formation_log_line_counts import FormationLogLineCounts
from ..models.formation_log_streams import FormationLogStreams
