from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.job_status import JobStatus, check_job_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="Job")


@_attrs_define(repr=False, getstate_setstate=False)
class Job(Model):
    """A scheduled job: a prompt the formation runs on a cron expression (recurring) or once at a moment (scheduled_for).

    Attributes:
        id (str): job_…
        user_id (int | str | None): The owner's user id (the formation's internal integer id when it has no external
            one).
        title (str | None):
        original_prompt (str | None): The message the job was created with.
        execution_prompt (str | None): The prompt sent to the formation when the job runs.
        is_recurring (bool | None):
        cron_expression (None | str): The schedule of a recurring job.
        scheduled_for (None | str): When a one-time job runs (ISO 8601, UTC, "Z").
        exclusion_rules (list[JobExclusionRulesItem] | None):
        status (JobStatus | None):
        created_at (None | str): ISO 8601, UTC ("Z").
        updated_at (None | str): ISO 8601, UTC ("Z").
        last_run_at (None | str): ISO 8601, UTC ("Z").
        last_run_status (None | str): success or failed.
        last_run_failure_message (None | str):
        total_runs (int | None):
        total_failures (int | None):
        consecutive_failures (int | None):
        job_metadata (JobJobMetadata | None): Free-form: metadata stored with the job.
    """

    id: str
    user_id: int | str | None = None
    title: str | None = None
    original_prompt: str | None = None
    execution_prompt: str | None = None
    is_recurring: bool | None = None
    cron_expression: None | str = None
    scheduled_for: None | str = None
    exclusion_rules: list[JobExclusionRulesItem] | None = None
    status: JobStatus | None = None
    created_at: None | str = None
    updated_at: None | str = None
    last_run_at: None | str = None
    last_run_status: None | str = None
    last_run_failure_message: None | str = None
    total_runs: int | None = None
    total_failures: int | None = None
    consecutive_failures: int | None = None
    job_metadata: JobJobMetadata | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        _src_user_id: int | str | Unset = UNSET if self.user_id is None else self.user_id
        user_id: int | str | Unset
        if isinstance(_src_user_id, Unset):
            user_id = UNSET
        else:
            user_id = _src_user_id

        _src_title: str | Unset = UNSET if self.title is None else self.title
        title = _src_title

        _src_original_prompt: str | Unset = UNSET if self.original_prompt is None else self.original_prompt
        original_prompt = _src_original_prompt

        _src_execution_prompt: str | Unset = UNSET if self.execution_prompt is None else self.execution_prompt
        execution_prompt = _src_execution_prompt

        _src_is_recurring: bool | Unset = UNSET if self.is_recurring is None else self.is_recurring
        is_recurring = _src_is_recurring

        _src_cron_expression: None | str | Unset = UNSET if self.cron_expression is None else self.cron_expression
        cron_expression: None | str | Unset
        if isinstance(_src_cron_expression, Unset):
            cron_expression = UNSET
        else:
            cron_expression = _src_cron_expression

        _src_scheduled_for: None | str | Unset = UNSET if self.scheduled_for is None else self.scheduled_for
        scheduled_for: None | str | Unset
        if isinstance(_src_scheduled_for, Unset):
            scheduled_for = UNSET
        else:
            scheduled_for = _src_scheduled_for

        _src_exclusion_rules: list[JobExclusionRulesItem] | Unset = (
            UNSET if self.exclusion_rules is None else self.exclusion_rules
        )
        exclusion_rules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_src_exclusion_rules, Unset):
            exclusion_rules = []
            for exclusion_rules_item_data in _src_exclusion_rules:
                exclusion_rules_item = exclusion_rules_item_data.to_dict()
                exclusion_rules.append(exclusion_rules_item)

        _src_status: JobStatus | Unset = UNSET if self.status is None else self.status
        status: str | Unset = UNSET
        if not isinstance(_src_status, Unset):
            status = _src_status

        _src_created_at: None | str | Unset = UNSET if self.created_at is None else self.created_at
        created_at: None | str | Unset
        if isinstance(_src_created_at, Unset):
            created_at = UNSET
        else:
            created_at = _src_created_at

        _src_updated_at: None | str | Unset = UNSET if self.updated_at is None else self.updated_at
        updated_at: None | str | Unset
        if isinstance(_src_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = _src_updated_at

        _src_last_run_at: None | str | Unset = UNSET if self.last_run_at is None else self.last_run_at
        last_run_at: None | str | Unset
        if isinstance(_src_last_run_at, Unset):
            last_run_at = UNSET
        else:
            last_run_at = _src_last_run_at

        _src_last_run_status: None | str | Unset = UNSET if self.last_run_status is None else self.last_run_status
        last_run_status: None | str | Unset
        if isinstance(_src_last_run_status, Unset):
            last_run_status = UNSET
        else:
            last_run_status = _src_last_run_status

        _src_last_run_failure_message: None | str | Unset = (
            UNSET if self.last_run_failure_message is None else self.last_run_failure_message
        )
        last_run_failure_message: None | str | Unset
        if isinstance(_src_last_run_failure_message, Unset):
            last_run_failure_message = UNSET
        else:
            last_run_failure_message = _src_last_run_failure_message

        _src_total_runs: int | Unset = UNSET if self.total_runs is None else self.total_runs
        total_runs = _src_total_runs

        _src_total_failures: int | Unset = UNSET if self.total_failures is None else self.total_failures
        total_failures = _src_total_failures

        _src_consecutive_failures: int | Unset = (
            UNSET if self.consecutive_failures is None else self.consecutive_failures
        )
        consecutive_failures = _src_consecutive_failures

        _src_job_metadata: JobJobMetadata | Unset = UNSET if self.job_metadata is None else self.job_metadata
        job_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_job_metadata, Unset):
            job_metadata = _src_job_metadata.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if title is not UNSET:
            field_dict["title"] = title
        if original_prompt is not UNSET:
            field_dict["original_prompt"] = original_prompt
        if execution_prompt is not UNSET:
            field_dict["execution_prompt"] = execution_prompt
        if is_recurring is not UNSET:
            field_dict["is_recurring"] = is_recurring
        if cron_expression is not UNSET:
            field_dict["cron_expression"] = cron_expression
        if scheduled_for is not UNSET:
            field_dict["scheduled_for"] = scheduled_for
        if exclusion_rules is not UNSET:
            field_dict["exclusion_rules"] = exclusion_rules
        if status is not UNSET:
            field_dict["status"] = status
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if last_run_at is not UNSET:
            field_dict["last_run_at"] = last_run_at
        if last_run_status is not UNSET:
            field_dict["last_run_status"] = last_run_status
        if last_run_failure_message is not UNSET:
            field_dict["last_run_failure_message"] = last_run_failure_message
        if total_runs is not UNSET:
            field_dict["total_runs"] = total_runs
        if total_failures is not UNSET:
            field_dict["total_failures"] = total_failures
        if consecutive_failures is not UNSET:
            field_dict["consecutive_failures"] = consecutive_failures
        if job_metadata is not UNSET:
            field_dict["job_metadata"] = job_metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_user_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        title = d.pop("title", UNSET)

        original_prompt = d.pop("original_prompt", UNSET)

        execution_prompt = d.pop("execution_prompt", UNSET)

        is_recurring = d.pop("is_recurring", UNSET)

        def _parse_cron_expression(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cron_expression = _parse_cron_expression(d.pop("cron_expression", UNSET))

        def _parse_scheduled_for(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scheduled_for = _parse_scheduled_for(d.pop("scheduled_for", UNSET))

        _exclusion_rules = d.pop("exclusion_rules", UNSET)
        exclusion_rules: list[JobExclusionRulesItem] | Unset = UNSET
        if _exclusion_rules is not UNSET:
            exclusion_rules = []
            for exclusion_rules_item_data in _exclusion_rules:
                exclusion_rules_item = JobExclusionRulesItem.from_dict(exclusion_rules_item_data)

                exclusion_rules.append(exclusion_rules_item)

        _status = d.pop("status", UNSET)
        status: JobStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_job_status(_status)

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        def _parse_last_run_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_run_at = _parse_last_run_at(d.pop("last_run_at", UNSET))

        def _parse_last_run_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_run_status = _parse_last_run_status(d.pop("last_run_status", UNSET))

        def _parse_last_run_failure_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_run_failure_message = _parse_last_run_failure_message(d.pop("last_run_failure_message", UNSET))

        total_runs = d.pop("total_runs", UNSET)

        total_failures = d.pop("total_failures", UNSET)

        consecutive_failures = d.pop("consecutive_failures", UNSET)

        _job_metadata = d.pop("job_metadata", UNSET)
        job_metadata: JobJobMetadata | Unset
        if isinstance(_job_metadata, Unset):
            job_metadata = UNSET
        else:
            job_metadata = JobJobMetadata.from_dict(_job_metadata)

        job = cls(
            id=id,
            user_id=None if isinstance(user_id, Unset) else user_id,
            title=None if isinstance(title, Unset) else title,
            original_prompt=None if isinstance(original_prompt, Unset) else original_prompt,
            execution_prompt=None if isinstance(execution_prompt, Unset) else execution_prompt,
            is_recurring=None if isinstance(is_recurring, Unset) else is_recurring,
            cron_expression=None if isinstance(cron_expression, Unset) else cron_expression,
            scheduled_for=None if isinstance(scheduled_for, Unset) else scheduled_for,
            exclusion_rules=None if isinstance(exclusion_rules, Unset) else exclusion_rules,
            status=None if isinstance(status, Unset) else status,
            created_at=None if isinstance(created_at, Unset) else created_at,
            updated_at=None if isinstance(updated_at, Unset) else updated_at,
            last_run_at=None if isinstance(last_run_at, Unset) else last_run_at,
            last_run_status=None if isinstance(last_run_status, Unset) else last_run_status,
            last_run_failure_message=None if isinstance(last_run_failure_message, Unset) else last_run_failure_message,
            total_runs=None if isinstance(total_runs, Unset) else total_runs,
            total_failures=None if isinstance(total_failures, Unset) else total_failures,
            consecutive_failures=None if isinstance(consecutive_failures, Unset) else consecutive_failures,
            job_metadata=None if isinstance(job_metadata, Unset) else job_metadata,
        )

        job.additional_properties = d
        return job

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
from ..models.job_exclusion_rules_item import JobExclusionRulesItem
from ..models.job_job_metadata import JobJobMetadata
