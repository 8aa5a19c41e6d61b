from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="ScheduledJobCreate")


@_attrs_define(repr=False, getstate_setstate=False)
class ScheduledJobCreate(Model):
    """Model for creating a scheduled job.

    Attributes:
        type_ (str): Job type: 'one_time' or 'recurring'
        schedule (str): Cron expression (recurring) or ISO 8601 datetime (one_time)
        message (str): Prompt to send to the AI when job executes
    """

    type_: str
    schedule: str
    message: str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        type_ = self.type_

        schedule = self.schedule

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "schedule": schedule,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        schedule = d.pop("schedule")

        message = d.pop("message")

        scheduled_job_create = cls(
            type_=type_,
            schedule=schedule,
            message=message,
        )

        scheduled_job_create.additional_properties = d
        return scheduled_job_create

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
