from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.memory_ingestion_report_disposition import (
    MemoryIngestionReportDisposition,
    check_memory_ingestion_report_disposition,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryIngestionReport")


@_attrs_define
class MemoryIngestionReport:
    """What the ingestion pipeline did with one item.

    Attributes:
        index (int | Unset):
        event_id (str | Unset):
        source (str | Unset):
        source_id (None | str | Unset):
        disposition (MemoryIngestionReportDisposition | Unset):
        classification (MemoryIngestionReportClassification | Unset): {category, margin}.
        filter_level (str | Unset):
        tier (int | Unset):
        tier_reason (str | Unset):
        facts_extracted (int | Unset):
        graph_extractions (int | Unset):
        error (str | Unset):
    """

    index: int | Unset = UNSET
    event_id: str | Unset = UNSET
    source: str | Unset = UNSET
    source_id: None | str | Unset = UNSET
    disposition: MemoryIngestionReportDisposition | Unset = UNSET
    classification: MemoryIngestionReportClassification | Unset = UNSET
    filter_level: str | Unset = UNSET
    tier: int | Unset = UNSET
    tier_reason: str | Unset = UNSET
    facts_extracted: int | Unset = UNSET
    graph_extractions: int | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        event_id = self.event_id

        source = self.source

        source_id: None | str | Unset
        if isinstance(self.source_id, Unset):
            source_id = UNSET
        else:
            source_id = self.source_id

        disposition: str | Unset = UNSET
        if not isinstance(self.disposition, Unset):
            disposition = self.disposition

        classification: dict[str, Any] | Unset = UNSET
        if not isinstance(self.classification, Unset):
            classification = self.classification.to_dict()

        filter_level = self.filter_level

        tier = self.tier

        tier_reason = self.tier_reason

        facts_extracted = self.facts_extracted

        graph_extractions = self.graph_extractions

        error = self.error

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
            index=index,
            event_id=event_id,
            source=source,
            source_id=source_id,
            disposition=disposition,
            classification=classification,
            filter_level=filter_level,
            tier=tier,
            tier_reason=tier_reason,
            facts_extracted=facts_extracted,
            graph_extractions=graph_extractions,
            error=error,
        )

        memory_ingestion_report.additional_properties = d
        return memory_ingestion_report

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


# Referenced models, imported once the classes above exist (import cycles resolve).
from ..models.memory_ingestion_report_classification import (
    MemoryIngestionReportClassification,
)
