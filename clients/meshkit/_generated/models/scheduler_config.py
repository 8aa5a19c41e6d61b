from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="SchedulerConfig")


@_attrs_define(repr=False, getstate_setstate=False)
class SchedulerConfig(Model):
    """The scheduler configuration: the formation file's scheduler section over the runtime's defaults (other keys of that
    section appear as they are written).

        Attributes:
            enabled (bool):
            timezone (str):
            check_interval_minutes (float):
            max_concurrent_jobs (int):
            max_failures_before_pause (int):
            default_time (str): Time of day ("HH:MM") used when a schedule names none.
    """

    enabled: bool
    timezone: str
    check_interval_minutes: float
    max_concurrent_jobs: int
    max_failures_before_pause: int
    default_time: str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        enabled = self.enabled

        timezone = self.timezone

        check_interval_minutes = self.check_interval_minutes

        max_concurrent_jobs = self.max_concurrent_jobs

        max_failures_before_pause = self.max_failures_before_pause

        default_time = self.default_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enabled": enabled,
                "timezone": timezone,
                "check_interval_minutes": check_interval_minutes,
                "max_concurrent_jobs": max_concurrent_jobs,
                "max_failures_before_pause": max_failures_before_pause,
                "default_time": default_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        enabled = d.pop("enabled")

        timezone = d.pop("timezone")

        check_interval_minutes = d.pop("check_interval_minutes")

        max_concurrent_jobs = d.pop("max_concurrent_jobs")

        max_failures_before_pause = d.pop("max_failures_before_pause")

        default_time = d.pop("default_time")

        scheduler_config = cls(
            enabled=enabled,
            timezone=timezone,
            check_interval_minutes=check_interval_minutes,
            max_concurrent_jobs=max_concurrent_jobs,
            max_failures_before_pause=max_failures_before_pause,
            default_time=default_time,
        )

        scheduler_config.additional_properties = d
        return scheduler_config

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
