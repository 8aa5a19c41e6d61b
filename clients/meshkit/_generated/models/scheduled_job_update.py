from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="ScheduledJobUpdate")


@_attrs_define(repr=False, getstate_setstate=False)
class ScheduledJobUpdate(Model):
    """Model for updating a scheduled job.

    Attributes:
        message (None | str): New prompt message
        schedule (None | str): New cron expression or ISO 8601 datetime
        title (None | str): New job title
    """

    message: None | str = None
    schedule: None | str = None
    title: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_message: None | str | Unset = UNSET if self.message is None else self.message
        message: None | str | Unset
        if isinstance(_src_message, Unset):
            message = UNSET
        else:
            message = _src_message

        _src_schedule: None | str | Unset = UNSET if self.schedule is None else self.schedule
        schedule: None | str | Unset
        if isinstance(_src_schedule, Unset):
            schedule = UNSET
        else:
            schedule = _src_schedule

        _src_title: None | str | Unset = UNSET if self.title is None else self.title
        title: None | str | Unset
        if isinstance(_src_title, Unset):
            title = UNSET
        else:
            title = _src_title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message is not UNSET:
            field_dict["message"] = message
        if schedule is not UNSET:
            field_dict["schedule"] = schedule
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_schedule(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        schedule = _parse_schedule(d.pop("schedule", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        scheduled_job_update = cls(
            message=None if isinstance(message, Unset) else message,
            schedule=None if isinstance(schedule, Unset) else schedule,
            title=None if isinstance(title, Unset) else title,
        )

        scheduled_job_update.additional_properties = d
        return scheduled_job_update

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
