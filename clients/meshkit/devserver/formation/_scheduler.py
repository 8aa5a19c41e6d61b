"""The scheduler: jobs with a cron expression or a one-time moment, validated like the runtime's."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ._audit import audit
from ._chat import iso_now
from ._core import Call, FormationError, Reply, not_found
from ._logs import logged_operation
from ._shared import body_field, iso, new_id, parse_datetime, required_field, user_of

if TYPE_CHECKING:
    from . import FormationRuntime

JOB_TYPES = ("one_time", "recurring")
CRON_FIELDS = (  # name, lowest, highest, names
    ("minute", 0, 59, ()),
    ("hour", 0, 23, ()),
    ("day of month", 1, 31, ()),
    ("month", 1, 12, ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
    ("day of week", 0, 7, ("sun", "mon", "tue", "wed", "thu", "fri", "sat")),
)
CRON_HORIZON = timedelta(days=5 * 366)


@dataclass
class ScheduledJob:
    """One scheduled job, with the fields the runtime's scheduler stores and answers
    (services/scheduler/models.py: a cron expression, or the moment of a one-time job)."""

    id: str
    user_id: str
    title: str
    original_prompt: str
    execution_prompt: str
    is_recurring: bool
    cron_expression: str | None
    scheduled_for: str | None
    exclusion_rules: list[dict[str, Any]] = field(default_factory=list)
    status: str = "ACTIVE"
    created_at: str = field(default_factory=iso_now)
    updated_at: str = field(default_factory=iso_now)
    last_run_at: str | None = None
    last_run_status: str | None = None
    last_run_failure_message: str | None = None
    total_runs: int = 0
    total_failures: int = 0
    consecutive_failures: int = 0
    job_metadata: dict[str, Any] = field(default_factory=dict)

    def view(self) -> dict[str, Any]:
        return copy.deepcopy(vars(self))


def scheduler_jobs(runtime: FormationRuntime) -> dict[str, ScheduledJob]:
    """The runtime's scheduled jobs by id."""
    return runtime.area("scheduler", dict)


def _schedule_error(status: int, name: str, value: Any, expected: Any, error: str) -> FormationError:
    """The runtime's handler-level validation error: VALIDATION_ERROR with ``{field, value, expected, error}``."""
    return FormationError(
        status, error, "VALIDATION_ERROR", {"field": name, "value": value, "expected": expected, "error": error}
    )


def _cron_values(text: str, name: str, low: int, high: int, names: tuple[str, ...]) -> set[int]:
    """The values one cron field allows (``*``, ``n``, ``a-b``, ``*/s``, ``a-b/s``, lists, month/day names)."""
    values: set[int] = set()
    for part in text.lower().split(","):
        base, _, step_text = part.partition("/")
        for index, alias in enumerate(names):
            base = base.replace(alias, str(index + (1 if name == "month" else 0)))
        first, _, last = base.partition("-")
        try:
            start, stop = (low, high) if base == "*" else (int(first), int(last or first))
            if step_text and not last and base != "*":
                stop = high  # "a/s" means from a to the end, every s
            step = int(step_text) if step_text else 1
        except ValueError:
            raise ValueError(f"invalid {name} field '{text}'") from None
        if not low <= start <= stop <= high or step < 1:
            raise ValueError(f"{name} field '{text}' is outside {low}-{high}")
        values.update(range(start, stop + 1, step))
    return values


def parse_cron(expression: str) -> list[set[int]]:
    """The allowed values of the five fields of a cron expression (ValueError when it is not one)."""
    parts = expression.split()
    if len(parts) != len(CRON_FIELDS):
        raise ValueError("a cron expression has 5 fields: minute hour day-of-month month day-of-week")
    fields = [_cron_values(text, *spec) for text, spec in zip(parts, CRON_FIELDS, strict=True)]
    if 7 in fields[4]:
        fields[4].add(0)  # 0 and 7 are both Sunday
    return fields


def _cron_day_matches(fields: list[set[int]], expression: str, moment: datetime) -> bool:
    day_of_month, weekday = moment.day in fields[2], (moment.weekday() + 1) % 7 in fields[4]
    parts = expression.split()
    if not parts[2].startswith("*") and not parts[4].startswith("*"):
        return day_of_month or weekday  # cron's rule: with both restricted, either one suffices
    return day_of_month and weekday


def next_cron_run(expression: str, after: datetime) -> datetime | None:
    """The first minute after ``after`` that the cron expression names (None when it never fires)."""
    minutes, hours, _, months, _ = fields = parse_cron(expression)
    moment = after.replace(second=0, microsecond=0) + timedelta(minutes=1)
    while moment - after < CRON_HORIZON:
        if moment.month not in months:
            moment = (moment.replace(day=1, hour=0, minute=0) + timedelta(days=32)).replace(day=1)
        elif not _cron_day_matches(fields, expression, moment):
            moment = moment.replace(hour=0, minute=0) + timedelta(days=1)
        elif moment.hour not in hours:
            moment = moment.replace(minute=0) + timedelta(hours=1)
        elif moment.minute not in minutes:
            moment += timedelta(minutes=1)
        else:
            return moment
    return None


def checked_schedule(kind: str, schedule: str) -> str:
    """The next run of a job, after validating its type and schedule (400 bad type, 422 bad schedule)."""
    if kind not in JOB_TYPES:
        raise _schedule_error(400, "type", kind, list(JOB_TYPES), "type must be 'one_time' or 'recurring'")
    now = datetime.now(UTC)
    if kind == "one_time":
        run_at = parse_datetime(schedule)
        if run_at is None or run_at <= now:
            error = "schedule must be a future ISO 8601 datetime for a one_time job"
            raise _schedule_error(422, "schedule", schedule, "future ISO 8601 datetime", error)
        return iso(run_at)
    try:
        next_run = next_cron_run(schedule, now)
    except ValueError as exc:
        raise _schedule_error(422, "schedule", schedule, "5-field cron expression", f"invalid cron: {exc}") from None
    if next_run is None:
        raise _schedule_error(422, "schedule", schedule, "5-field cron expression", "the cron expression never fires")
    return iso(next_run)


def job_of(call: Call) -> ScheduledJob:
    """The job named by the path; a user header, when given, must name its owner (404 otherwise)."""
    job_id = call.path_params["job_id"]
    job = scheduler_jobs(call.runtime).get(job_id)
    user = call.user("filter")
    if job is None or (user is not None and job.user_id != user):
        raise not_found(f"Job '{job_id}' not found")
    return job


@logged_operation("list_scheduler_jobs", object="scheduled_job_list", type="scheduler.jobs.list")
async def list_scheduler_jobs(call: Call) -> Any:
    """``{jobs, count}`` filtered by the user header (required with the client key), newest first."""
    user = call.user("filter")
    jobs = [job.view() for job in scheduler_jobs(call.runtime).values() if user is None or job.user_id == user]
    return {"jobs": jobs[::-1], "count": len(jobs)}


@logged_operation("create_scheduler_job", idempotent=True, object="scheduled_job", type="scheduler.job.created")
async def create_scheduler_job(call: Call) -> Any:
    """201 Job owned by the header's user; 400/422 VALIDATION_ERROR for a bad type or schedule."""
    body = await call.body()
    kind, schedule = required_field(body, "type", str), required_field(body, "schedule", str)
    message = required_field(body, "message", str)
    moment = checked_schedule(kind, schedule)
    job = ScheduledJob(
        id=new_id("job"),
        user_id=user_of(call, "optional"),  # the owner is the header's user ("0" without one)
        title=message[:500],
        original_prompt=message,
        execution_prompt=message,
        is_recurring=kind == "recurring",
        cron_expression=schedule if kind == "recurring" else None,
        scheduled_for=moment if kind == "one_time" else None,
    )
    scheduler_jobs(call.runtime)[job.id] = job
    audit(call, "scheduler.job.created", "scheduler_job", job.id, type=kind, user_id=job.user_id)
    return Reply(job.view(), status=201)


@logged_operation("get_scheduler_job", object="scheduled_job", type="scheduler.job.retrieved")
async def get_scheduler_job(call: Call) -> Any:
    """One Job; 404 when unknown (or not the header user's)."""
    return job_of(call).view()


@logged_operation("update_scheduler_job", object="scheduled_job", type="scheduler.job.updated")
async def update_scheduler_job(call: Call) -> Any:
    """Change ``message`` (the prompt), ``schedule`` and/or ``title``; the schedule is validated again."""
    body = await call.body()
    job = job_of(call)
    changes = {name: body_field(body, name, str) for name in ("message", "schedule", "title")}
    if changes["schedule"]:
        moment = checked_schedule("recurring" if job.is_recurring else "one_time", changes["schedule"])
        if job.is_recurring:
            job.cron_expression = changes["schedule"]
        else:
            job.scheduled_for = moment
    if changes["message"]:
        job.original_prompt = job.execution_prompt = changes["message"]
    if changes["title"]:
        job.title = changes["title"]
    job.updated_at = iso_now()
    audit(call, "scheduler.job.updated", "scheduler_job", job.id, fields=[k for k, v in changes.items() if v])
    return job.view()


def _job_status_change(call: Call, before: str, after: str, action: str) -> dict[str, Any]:
    """``{id, status}``, as the runtime answers a pause or resume; 404 unless the job was ``before``."""
    job = job_of(call)
    if job.status != before:
        raise not_found(f"Scheduled job '{job.id}' not found or not in {before} state")
    job.status, job.updated_at = after, iso_now()
    audit(call, f"scheduler.job.{action}", "scheduler_job", job.id)
    return {"id": job.id, "status": after}


@logged_operation("pause_scheduler_job", object="scheduled_job", type="scheduler.job.paused")
async def pause_scheduler_job(call: Call) -> Any:
    """``{id, status: "PAUSED"}``; 404 unless the job is active."""
    return _job_status_change(call, "ACTIVE", "PAUSED", "paused")


@logged_operation("resume_scheduler_job", object="scheduled_job", type="scheduler.job.resumed")
async def resume_scheduler_job(call: Call) -> Any:
    """``{id, status: "ACTIVE"}``; 404 unless the job is paused."""
    return _job_status_change(call, "PAUSED", "ACTIVE", "resumed")


@logged_operation("delete_scheduler_job", object="message", type="scheduler.job.deleted")
async def delete_scheduler_job(call: Call) -> Any:
    """``{message}``; 404 when unknown."""
    job = job_of(call)
    del scheduler_jobs(call.runtime)[job.id]
    audit(call, "scheduler.job.deleted", "scheduler_job", job.id)
    return {"message": f"Scheduled job '{job.id}' removed successfully"}
