from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="TuningRun")


@_attrs_define(repr=False, getstate_setstate=False)
class TuningRun(Model):
    """The outcome of one tuning pass (digest, then tune when there was evidence).

    Attributes:
        trigger (str): manual for a pass started through the API.
        events_read (int):
        segments_read (int):
        entries_written (int):
        dropped_sentences (int):
        spool_committed (bool):
        spool_segments_kept (bool):
        benchmark_suites_run (list[str]):
        benchmark_skipped (None | str): Why benchmarks did not run; null when they did.
        duration_ms (float):
        learnings_recorded (int | None):
        learnings_retired (int | None):
        muxi_md_applied (bool | None):
        muxi_md_suggested (bool | None):
        muxi_md_rejected_oversize (bool | None):
        recommendations (int | None):
        report_delivered (bool | None):
        tuner_skipped (str | None):
        tuner_error (str | None):
    """

    trigger: str
    events_read: int
    segments_read: int
    entries_written: int
    dropped_sentences: int
    spool_committed: bool
    spool_segments_kept: bool
    benchmark_suites_run: list[str]
    benchmark_skipped: None | str
    duration_ms: float
    learnings_recorded: int | None = None
    learnings_retired: int | None = None
    muxi_md_applied: bool | None = None
    muxi_md_suggested: bool | None = None
    muxi_md_rejected_oversize: bool | None = None
    recommendations: int | None = None
    report_delivered: bool | None = None
    tuner_skipped: str | None = None
    tuner_error: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        trigger = self.trigger

        events_read = self.events_read

        segments_read = self.segments_read

        entries_written = self.entries_written

        dropped_sentences = self.dropped_sentences

        spool_committed = self.spool_committed

        spool_segments_kept = self.spool_segments_kept

        benchmark_suites_run = self.benchmark_suites_run

        benchmark_skipped: None | str
        benchmark_skipped = self.benchmark_skipped

        duration_ms = self.duration_ms

        _src_learnings_recorded: int | Unset = UNSET if self.learnings_recorded is None else self.learnings_recorded
        learnings_recorded = _src_learnings_recorded

        _src_learnings_retired: int | Unset = UNSET if self.learnings_retired is None else self.learnings_retired
        learnings_retired = _src_learnings_retired

        _src_muxi_md_applied: bool | Unset = UNSET if self.muxi_md_applied is None else self.muxi_md_applied
        muxi_md_applied = _src_muxi_md_applied

        _src_muxi_md_suggested: bool | Unset = UNSET if self.muxi_md_suggested is None else self.muxi_md_suggested
        muxi_md_suggested = _src_muxi_md_suggested

        _src_muxi_md_rejected_oversize: bool | Unset = (
            UNSET if self.muxi_md_rejected_oversize is None else self.muxi_md_rejected_oversize
        )
        muxi_md_rejected_oversize = _src_muxi_md_rejected_oversize

        _src_recommendations: int | Unset = UNSET if self.recommendations is None else self.recommendations
        recommendations = _src_recommendations

        _src_report_delivered: bool | Unset = UNSET if self.report_delivered is None else self.report_delivered
        report_delivered = _src_report_delivered

        _src_tuner_skipped: str | Unset = UNSET if self.tuner_skipped is None else self.tuner_skipped
        tuner_skipped = _src_tuner_skipped

        _src_tuner_error: str | Unset = UNSET if self.tuner_error is None else self.tuner_error
        tuner_error = _src_tuner_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "trigger": trigger,
                "events_read": events_read,
                "segments_read": segments_read,
                "entries_written": entries_written,
                "dropped_sentences": dropped_sentences,
                "spool_committed": spool_committed,
                "spool_segments_kept": spool_segments_kept,
                "benchmark_suites_run": benchmark_suites_run,
                "benchmark_skipped": benchmark_skipped,
                "duration_ms": duration_ms,
            }
        )
        if learnings_recorded is not UNSET:
            field_dict["learnings_recorded"] = learnings_recorded
        if learnings_retired is not UNSET:
            field_dict["learnings_retired"] = learnings_retired
        if muxi_md_applied is not UNSET:
            field_dict["muxi_md_applied"] = muxi_md_applied
        if muxi_md_suggested is not UNSET:
            field_dict["muxi_md_suggested"] = muxi_md_suggested
        if muxi_md_rejected_oversize is not UNSET:
            field_dict["muxi_md_rejected_oversize"] = muxi_md_rejected_oversize
        if recommendations is not UNSET:
            field_dict["recommendations"] = recommendations
        if report_delivered is not UNSET:
            field_dict["report_delivered"] = report_delivered
        if tuner_skipped is not UNSET:
            field_dict["tuner_skipped"] = tuner_skipped
        if tuner_error is not UNSET:
            field_dict["tuner_error"] = tuner_error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        trigger = d.pop("trigger")

        events_read = d.pop("events_read")

        segments_read = d.pop("segments_read")

        entries_written = d.pop("entries_written")

        dropped_sentences = d.pop("dropped_sentences")

        spool_committed = d.pop("spool_committed")

        spool_segments_kept = d.pop("spool_segments_kept")

        benchmark_suites_run = cast(list[str], d.pop("benchmark_suites_run"))

        def _parse_benchmark_skipped(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        benchmark_skipped = _parse_benchmark_skipped(d.pop("benchmark_skipped"))

        duration_ms = d.pop("duration_ms")

        learnings_recorded = d.pop("learnings_recorded", UNSET)

        learnings_retired = d.pop("learnings_retired", UNSET)

        muxi_md_applied = d.pop("muxi_md_applied", UNSET)

        muxi_md_suggested = d.pop("muxi_md_suggested", UNSET)

        muxi_md_rejected_oversize = d.pop("muxi_md_rejected_oversize", UNSET)

        recommendations = d.pop("recommendations", UNSET)

        report_delivered = d.pop("report_delivered", UNSET)

        tuner_skipped = d.pop("tuner_skipped", UNSET)

        tuner_error = d.pop("tuner_error", UNSET)

        tuning_run = cls(
            trigger=trigger,
            events_read=events_read,
            segments_read=segments_read,
            entries_written=entries_written,
            dropped_sentences=dropped_sentences,
            spool_committed=spool_committed,
            spool_segments_kept=spool_segments_kept,
            benchmark_suites_run=benchmark_suites_run,
            benchmark_skipped=benchmark_skipped,
            duration_ms=duration_ms,
            learnings_recorded=None if isinstance(learnings_recorded, Unset) else learnings_recorded,
            learnings_retired=None if isinstance(learnings_retired, Unset) else learnings_retired,
            muxi_md_applied=None if isinstance(muxi_md_applied, Unset) else muxi_md_applied,
            muxi_md_suggested=None if isinstance(muxi_md_suggested, Unset) else muxi_md_suggested,
            muxi_md_rejected_oversize=None
            if isinstance(muxi_md_rejected_oversize, Unset)
            else muxi_md_rejected_oversize,
            recommendations=None if isinstance(recommendations, Unset) else recommendations,
            report_delivered=None if isinstance(report_delivered, Unset) else report_delivered,
            tuner_skipped=None if isinstance(tuner_skipped, Unset) else tuner_skipped,
            tuner_error=None if isinstance(tuner_error, Unset) else tuner_error,
        )

        tuning_run.additional_properties = d
        return tuning_run

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
