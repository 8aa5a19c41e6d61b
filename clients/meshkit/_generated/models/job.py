from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_type import JobType, check_job_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="Job")


@_attrs_define
class Job:
    """
    Attributes:
        id (str | Unset): job_…
        type_ (JobType | Unset):
        schedule (str | Unset): Cron expression or ISO 8601 datetime.
        message (str | Unset):
        user_id (str | Unset):
        next_run (None | str | Unset):
        title (None | str | Unset):
        run_at (None | str | Unset):
        session_id (None | str | Unset):
        enabled (bool | None | Unset):
        last_run (None | str | Unset):
        failure_count (int | None | Unset):
    """

    id: str | Unset = UNSET
    type_: JobType | Unset = UNSET
    schedule: str | Unset = UNSET
    message: str | Unset = UNSET
    user_id: str | Unset = UNSET
    next_run: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    run_at: None | str | Unset = UNSET
    session_id: None | str | Unset = UNSET
    enabled: bool | None | Unset = UNSET
    last_run: None | str | Unset = UNSET
    failure_count: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_

        schedule = self.schedule

        message = self.message

        user_id = self.user_id

        next_run: None | str | Unset
        if isinstance(self.next_run, Unset):
            next_run = UNSET
        else:
            next_run = self.next_run

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        run_at: None | str | Unset
        if isinstance(self.run_at, Unset):
            run_at = UNSET
        else:
            run_at = self.run_at

        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        else:
            session_id = self.session_id

        enabled: bool | None | Unset
        if isinstance(self.enabled, Unset):
            enabled = UNSET
        else:
            enabled = self.enabled

        last_run: None | str | Unset
        if isinstance(self.last_run, Unset):
            last_run = UNSET
        else:
            last_run = self.last_run

        failure_count: int | None | Unset
        if isinstance(self.failure_count, Unset):
            failure_count = UNSET
        else:
            failure_count = self.failure_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if schedule is not UNSET:
            field_dict["schedule"] = schedule
        if message is not UNSET:
            field_dict["message"] = message
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if next_run is not UNSET:
            field_dict["next_run"] = next_run
        if title is not UNSET:
            field_dict["title"] = title
        if run_at is not UNSET:
            field_dict["run_at"] = run_at
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if last_run is not UNSET:
            field_dict["last_run"] = last_run
        if failure_count is not UNSET:
            field_dict["failure_count"] = failure_count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: JobType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = check_job_type(_type_)

        schedule = d.pop("schedule", UNSET)

        message = d.pop("message", UNSET)

        user_id = d.pop("user_id", UNSET)

        def _parse_next_run(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_run = _parse_next_run(d.pop("next_run", UNSET))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        def _parse_run_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        run_at = _parse_run_at(d.pop("run_at", UNSET))

        def _parse_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))

        def _parse_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enabled = _parse_enabled(d.pop("enabled", UNSET))

        def _parse_last_run(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_run = _parse_last_run(d.pop("last_run", UNSET))

        def _parse_failure_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        failure_count = _parse_failure_count(d.pop("failure_count", UNSET))

        job = cls(
            id=id,
            type_=type_,
            schedule=schedule,
            message=message,
            user_id=user_id,
            next_run=next_run,
            title=title,
            run_at=run_at,
            session_id=session_id,
            enabled=enabled,
            last_run=last_run,
            failure_count=failure_count,
        )

        job.additional_properties = d
        return job

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
