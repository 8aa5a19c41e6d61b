from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CaptainsLogEntry")


@_attrs_define
class CaptainsLogEntry:
    """One day of the user's captain's log.

    Attributes:
        id (str | Unset):
        date (None | str | Unset): ISO date.
        summary (None | str | Unset):
        decisions (list[Any] | Unset):
        projects (list[Any] | Unset):
        context (None | str | Unset):
        created_at (None | str | Unset):
        updated_at (None | str | Unset):
        sources (list[CaptainsLogEntrySourcesItem] | Unset): With include_sources only.
    """

    id: str | Unset = UNSET
    date: None | str | Unset = UNSET
    summary: None | str | Unset = UNSET
    decisions: list[Any] | Unset = UNSET
    projects: list[Any] | Unset = UNSET
    context: None | str | Unset = UNSET
    created_at: None | str | Unset = UNSET
    updated_at: None | str | Unset = UNSET
    sources: list[CaptainsLogEntrySourcesItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        else:
            date = self.date

        summary: None | str | Unset
        if isinstance(self.summary, Unset):
            summary = UNSET
        else:
            summary = self.summary

        decisions: list[Any] | Unset = UNSET
        if not isinstance(self.decisions, Unset):
            decisions = self.decisions

        projects: list[Any] | Unset = UNSET
        if not isinstance(self.projects, Unset):
            projects = self.projects

        context: None | str | Unset
        if isinstance(self.context, Unset):
            context = UNSET
        else:
            context = self.context

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = sources_item_data.to_dict()
                sources.append(sources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if date is not UNSET:
            field_dict["date"] = date
        if summary is not UNSET:
            field_dict["summary"] = summary
        if decisions is not UNSET:
            field_dict["decisions"] = decisions
        if projects is not UNSET:
            field_dict["projects"] = projects
        if context is not UNSET:
            field_dict["context"] = context
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if sources is not UNSET:
            field_dict["sources"] = sources

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        date = _parse_date(d.pop("date", UNSET))

        def _parse_summary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        summary = _parse_summary(d.pop("summary", UNSET))

        decisions = cast(list[Any], d.pop("decisions", UNSET))

        projects = cast(list[Any], d.pop("projects", UNSET))

        def _parse_context(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        context = _parse_context(d.pop("context", UNSET))

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

        _sources = d.pop("sources", UNSET)
        sources: list[CaptainsLogEntrySourcesItem] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = CaptainsLogEntrySourcesItem.from_dict(sources_item_data)

                sources.append(sources_item)

        captains_log_entry = cls(
            id=id,
            date=date,
            summary=summary,
            decisions=decisions,
            projects=projects,
            context=context,
            created_at=created_at,
            updated_at=updated_at,
            sources=sources,
        )

        captains_log_entry.additional_properties = d
        return captains_log_entry

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
from ..models.captains_log_entry_sources_item import CaptainsLogEntrySourcesItem
