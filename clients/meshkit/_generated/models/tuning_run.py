from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TuningRun")


@_attrs_define
class TuningRun:
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
        learnings_recorded (int | Unset):
        learnings_retired (int | Unset):
        muxi_md_applied (bool | Unset):
        muxi_md_suggested (bool | Unset):
        muxi_md_rejected_oversize (bool | Unset):
        recommendations (int | Unset):
        report_delivered (bool | Unset):
        tuner_skipped (str | Unset):
        tuner_error (str | Unset):
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
    learnings_recorded: int | Unset = UNSET
    learnings_retired: int | Unset = UNSET
    muxi_md_applied: bool | Unset = UNSET
    muxi_md_suggested: bool | Unset = UNSET
    muxi_md_rejected_oversize: bool | Unset = UNSET
    recommendations: int | Unset = UNSET
    report_delivered: bool | Unset = UNSET
    tuner_skipped: str | Unset = UNSET
    tuner_error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        learnings_recorded = self.learnings_recorded

        learnings_retired = self.learnings_retired

        muxi_md_applied = self.muxi_md_applied

        muxi_md_suggested = self.muxi_md_suggested

        muxi_md_rejected_oversize = self.muxi_md_rejected_oversize

        recommendations = self.recommendations

        report_delivered = self.report_delivered

        tuner_skipped = self.tuner_skipped

        tuner_error = self.tuner_error

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
            learnings_recorded=learnings_recorded,
            learnings_retired=learnings_retired,
            muxi_md_applied=muxi_md_applied,
            muxi_md_suggested=muxi_md_suggested,
            muxi_md_rejected_oversize=muxi_md_rejected_oversize,
            recommendations=recommendations,
            report_delivered=report_delivered,
            tuner_skipped=tuner_skipped,
            tuner_error=tuner_error,
        )

        tuning_run.additional_properties = d
        return tuning_run

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
