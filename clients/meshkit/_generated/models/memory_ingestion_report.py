from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.memory_ingestion_report_disposition import (
    MemoryIngestionReportDisposition,
    check_memory_ingestion_report_disposition,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryIngestionReport")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryIngestionReport(Model):
    """What the ingestion pipeline did with one item.

    Attributes:
        index (int | None):
        event_id (str | None):
        source (str | None):
        source_id (None | str):
        disposition (MemoryIngestionReportDisposition | None):
        classification (MemoryIngestionReportClassification | None): {category, margin}.
        filter_level (str | None):
        tier (int | None):
        tier_reason (str | None):
        facts_extracted (int | None):
        graph_extractions (int | None):
        error (str | None):
    """

    index: int | None = None
    event_id: str | None = None
    source: str | None = None
    source_id: None | str = None
    disposition: MemoryIngestionReportDisposition | None = None
    classification: MemoryIngestionReportClassification | None = None
    filter_level: str | None = None
    tier: int | None = None
    tier_reason: str | None = None
    facts_extracted: int | None = None
    graph_extractions: int | None = None
    error: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_index: int | Unset = UNSET if self.index is None else self.index
        index = _src_index

        _src_event_id: str | Unset = UNSET if self.event_id is None else self.event_id
        event_id = _src_event_id

        _src_source: str | Unset = UNSET if self.source is None else self.source
        source = _src_source

        _src_source_id: None | str | Unset = UNSET if self.source_id is None else self.source_id
        source_id: None | str | Unset
        if isinstance(_src_source_id, Unset):
            source_id = UNSET
        else:
            source_id = _src_source_id

        _src_disposition: MemoryIngestionReportDisposition | Unset = (
            UNSET if self.disposition is None else self.disposition
        )
        disposition: str | Unset = UNSET
        if not isinstance(_src_disposition, Unset):
            disposition = _src_disposition

        _src_classification: MemoryIngestionReportClassification | Unset = (
            UNSET if self.classification is None else self.classification
        )
        classification: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_classification, Unset):
            classification = _src_classification.to_dict()

        _src_filter_level: str | Unset = UNSET if self.filter_level is None else self.filter_level
        filter_level = _src_filter_level

        _src_tier: int | Unset = UNSET if self.tier is None else self.tier
        tier = _src_tier

        _src_tier_reason: str | Unset = UNSET if self.tier_reason is None else self.tier_reason
        tier_reason = _src_tier_reason

        _src_facts_extracted: int | Unset = UNSET if self.facts_extracted is None else self.facts_extracted
        facts_extracted = _src_facts_extracted

        _src_graph_extractions: int | Unset = UNSET if self.graph_extractions is None else self.graph_extractions
        graph_extractions = _src_graph_extractions

        _src_error: str | Unset = UNSET if self.error is None else self.error
        error = _src_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if index is not UNSET:
            field_dict["index"] = index
        if event_id is not UNSET:
            field_dict["event_id"] = event_id
        if source is not UNSET:
            field_dict["source"] = source
        if source_id is not UNSET:
            field_dict["source_id"] = source_id
        if disposition is not UNSET:
            field_dict["disposition"] = disposition
        if classification is not UNSET:
            field_dict["classification"] = classification
        if filter_level is not UNSET:
            field_dict["filter_level"] = filter_level
        if tier is not UNSET:
            field_dict["tier"] = tier
        if tier_reason is not UNSET:
            field_dict["tier_reason"] = tier_reason
        if facts_extracted is not UNSET:
            field_dict["facts_extracted"] = facts_extracted
        if graph_extractions is not UNSET:
            field_dict["graph_extractions"] = graph_extractions
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        index = d.pop("index", UNSET)

        event_id = d.pop("event_id", UNSET)

        source = d.pop("source", UNSET)

        def _parse_source_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_id = _parse_source_id(d.pop("source_id", UNSET))

        _disposition = d.pop("disposition", UNSET)
        disposition: MemoryIngestionReportDisposition | Unset
        if isinstance(_disposition, Unset):
            disposition = UNSET
        else:
            disposition = check_memory_ingestion_report_disposition(_disposition)

        _classification = d.pop("classification", UNSET)
        classification: MemoryIngestionReportClassification | Unset
        if isinstance(_classification, Unset):
            classification = UNSET
        else:
            classification = MemoryIngestionReportClassification.from_dict(_classification)

        filter_level = d.pop("filter_level", UNSET)

        tier = d.pop("tier", UNSET)

        tier_reason = d.pop("tier_reason", UNSET)

        facts_extracted = d.pop("facts_extracted", UNSET)

        graph_extractions = d.pop("graph_extractions", UNSET)

        error = d.pop("error", UNSET)

        memory_ingestion_report = cls(
            index=None if isinstance(index, Unset) else index,
            event_id=None if isinstance(event_id, Unset) else event_id,
            source=None if isinstance(source, Unset) else source,
            source_id=None if isinstance(source_id, Unset) else source_id,
            disposition=None if isinstance(disposition, Unset) else disposition,
            classification=None if isinstance(classification, Unset) else classification,
            filter_level=None if isinstance(filter_level, Unset) else filter_level,
            tier=None if isinstance(tier, Unset) else tier,
            tier_reason=None if isinstance(tier_reason, Unset) else tier_reason,
            facts_extracted=None if isinstance(facts_extracted, Unset) else facts_extracted,
            graph_extractions=None if isinstance(graph_extractions, Unset) else graph_extractions,
            error=None if isinstance(error, Unset) else error,
        )

        memory_ingestion_report.additional_properties = d
        return memory_ingestion_report

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
from ..models.memory_ingestion_report_classification import (
    MemoryIngestionReportClassification,
)
