from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.job_status_change_status import (
    JobStatusChangeStatus,
    check_job_status_change_status,
)

T = TypeVar("T", bound="JobStatusChange")


@_attrs_define(repr=False, getstate_setstate=False)
class JobStatusChange(Model):
    """A paused or resumed job's id and new status.

    Attributes:
        id (str):
        status (JobStatusChangeStatus):
    """

    id: str
    status: JobStatusChangeStatus
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        status: str = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_job_status_change_status(d.pop("status"))

        job_status_change = cls(
            id=id,
            status=status,
        )

        job_status_change.additional_properties = d
        return job_status_change

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
