from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="AuditLogCleared")


@_attrs_define(repr=False, getstate_setstate=False)
class AuditLogCleared(Model):
    """The outcome of clearing the audit log (one audit.cleared entry remains).

    Attributes:
        previous_entries_count (int):
        cleared_by (str):
        message (str):
    """

    previous_entries_count: int
    cleared_by: str
    message: str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        previous_entries_count = self.previous_entries_count

        cleared_by = self.cleared_by

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "previous_entries_count": previous_entries_count,
                "cleared_by": cleared_by,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        previous_entries_count = d.pop("previous_entries_count")

        cleared_by = d.pop("cleared_by")

        message = d.pop("message")

        audit_log_cleared = cls(
            previous_entries_count=previous_entries_count,
            cleared_by=cleared_by,
            message=message,
        )

        audit_log_cleared.additional_properties = d
        return audit_log_cleared

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
