from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="CaptainsLogEntry")


@_attrs_define(repr=False, getstate_setstate=False)
class CaptainsLogEntry(Model):
    """One day of the user's captain's log.

    Attributes:
        id (str | None):
        date (None | str): ISO date.
        summary (None | str):
        decisions (list[JSON] | None):
        projects (list[JSON] | None):
        context (None | str):
        created_at (None | str):
        updated_at (None | str):
        sources (list[CaptainsLogEntrySourcesItem] | None): With include_sources only.
    """

    id: str | None = None
    date: None | str = None
    summary: None | str = None
    decisions: list[JSON] | None = None
    projects: list[JSON] | None = None
    context: None | str = None
    created_at: None | str = None
    updated_at: None | str = None
    sources: list[CaptainsLogEntrySourcesItem] | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_id: str | Unset = UNSET if self.id is None else self.id
        id = _src_id

        _src_date: None | str | Unset = UNSET if self.date is None else self.date
        date: None | str | Unset
        if isinstance(_src_date, Unset):
            date = UNSET
        else:
            date = _src_date

        _src_summary: None | str | Unset = UNSET if self.summary is None else self.summary
        summary: None | str | Unset
        if isinstance(_src_summary, Unset):
            summary = UNSET
        else:
            summary = _src_summary

        _src_decisions: list[JSON] | Unset = UNSET if self.decisions is None else self.decisions
        decisions: list[Any] | Unset = UNSET
        if not isinstance(_src_decisions, Unset):
            decisions = _src_decisions

        _src_projects: list[JSON] | Unset = UNSET if self.projects is None else self.projects
        projects: list[Any] | Unset = UNSET
        if not isinstance(_src_projects, Unset):
            projects = _src_projects

        _src_context: None | str | Unset = UNSET if self.context is None else self.context
        context: None | str | Unset
        if isinstance(_src_context, Unset):
            context = UNSET
        else:
            context = _src_context

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

        _src_sources: list[CaptainsLogEntrySourcesItem] | Unset = UNSET if self.sources is None else self.sources
        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_src_sources, Unset):
            sources = []
            for sources_item_data in _src_sources:
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
            id=None if isinstance(id, Unset) else id,
            date=None if isinstance(date, Unset) else date,
            summary=None if isinstance(summary, Unset) else summary,
            decisions=None if isinstance(decisions, Unset) else decisions,
            projects=None if isinstance(projects, Unset) else projects,
            context=None if isinstance(context, Unset) else context,
            created_at=None if isinstance(created_at, Unset) else created_at,
            updated_at=None if isinstance(updated_at, Unset) else updated_at,
            sources=None if isinstance(sources, Unset) else sources,
        )

        captains_log_entry.additional_properties = d
        return captains_log_entry

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
from ..models.captains_log_entry_sources_item import CaptainsLogEntrySourcesItem
