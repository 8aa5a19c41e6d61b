from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.memory_created_status import (
    MemoryCreatedStatus,
    check_memory_created_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryCreated")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryCreated(Model):
    """A created memory (content is then {type, detail}, unlike the listing's text) or, when the request had a source, the
    ingestion receipt (status, event_id, processing_id…).

        Attributes:
            scope (str): user, group or formation.
            scope_id (None | str):
            id (None | str): The new memory's id (direct write only).
            content (MemoryContent | None): A created memory's content as the runtime echoes it.
            created_at (str | None): ISO 8601 with a Z (direct write only).
            metadata (MemoryCreatedMetadata | None):
            status (MemoryCreatedStatus | None): Ingestion only.
            duplicate (bool | None): Ingestion only.
            event_id (str | None): Ingestion only; the memory event recorded (or the original one).
            source (str | None):
            source_id (None | str):
            processing_id (str | None): Ingestion of a new item only; poll it with get_ingestion_status.
            status_url (str | None):
            derived_events (list[DerivedMemoryEvent] | None): A duplicate's events already derived from the original.
    """

    scope: str
    scope_id: None | str
    id: None | str = None
    content: MemoryContent | None = None
    created_at: str | None = None
    metadata: MemoryCreatedMetadata | None = None
    status: MemoryCreatedStatus | None = None
    duplicate: bool | None = None
    event_id: str | None = None
    source: str | None = None
    source_id: None | str = None
    processing_id: str | None = None
    status_url: str | None = None
    derived_events: list[DerivedMemoryEvent] | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        scope = self.scope

        scope_id: None | str
        scope_id = self.scope_id

        _src_id: None | str | Unset = UNSET if self.id is None else self.id
        id: None | str | Unset
        if isinstance(_src_id, Unset):
            id = UNSET
        else:
            id = _src_id

        _src_content: MemoryContent | Unset = UNSET if self.content is None else self.content
        content: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_content, Unset):
            content = _src_content.to_dict()

        _src_created_at: str | Unset = UNSET if self.created_at is None else self.created_at
        created_at = _src_created_at

        _src_metadata: MemoryCreatedMetadata | Unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_metadata, Unset):
            metadata = _src_metadata.to_dict()

        _src_status: MemoryCreatedStatus | Unset = UNSET if self.status is None else self.status
        status: str | Unset = UNSET
        if not isinstance(_src_status, Unset):
            status = _src_status

        _src_duplicate: bool | Unset = UNSET if self.duplicate is None else self.duplicate
        duplicate = _src_duplicate

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

        _src_processing_id: str | Unset = UNSET if self.processing_id is None else self.processing_id
        processing_id = _src_processing_id

        _src_status_url: str | Unset = UNSET if self.status_url is None else self.status_url
        status_url = _src_status_url

        _src_derived_events: list[DerivedMemoryEvent] | Unset = (
            UNSET if self.derived_events is None else self.derived_events
        )
        derived_events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_src_derived_events, Unset):
            derived_events = []
            for derived_events_item_data in _src_derived_events:
                derived_events_item = derived_events_item_data.to_dict()
                derived_events.append(derived_events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scope": scope,
                "scope_id": scope_id,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if content is not UNSET:
            field_dict["content"] = content
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if status is not UNSET:
            field_dict["status"] = status
        if duplicate is not UNSET:
            field_dict["duplicate"] = duplicate
        if event_id is not UNSET:
            field_dict["event_id"] = event_id
        if source is not UNSET:
            field_dict["source"] = source
        if source_id is not UNSET:
            field_dict["source_id"] = source_id
        if processing_id is not UNSET:
            field_dict["processing_id"] = processing_id
        if status_url is not UNSET:
            field_dict["status_url"] = status_url
        if derived_events is not UNSET:
            field_dict["derived_events"] = derived_events

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        scope = d.pop("scope")

        def _parse_scope_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        scope_id = _parse_scope_id(d.pop("scope_id"))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        _content = d.pop("content", UNSET)
        content: MemoryContent | Unset
        if isinstance(_content, Unset):
            content = UNSET
        else:
            content = MemoryContent.from_dict(_content)

        created_at = d.pop("created_at", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: MemoryCreatedMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = MemoryCreatedMetadata.from_dict(_metadata)

        _status = d.pop("status", UNSET)
        status: MemoryCreatedStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_memory_created_status(_status)

        duplicate = d.pop("duplicate", UNSET)

        event_id = d.pop("event_id", UNSET)

        source = d.pop("source", UNSET)

        def _parse_source_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_id = _parse_source_id(d.pop("source_id", UNSET))

        processing_id = d.pop("processing_id", UNSET)

        status_url = d.pop("status_url", UNSET)

        _derived_events = d.pop("derived_events", UNSET)
        derived_events: list[DerivedMemoryEvent] | Unset = UNSET
        if _derived_events is not UNSET:
            derived_events = []
            for derived_events_item_data in _derived_events:
                derived_events_item = DerivedMemoryEvent.from_dict(derived_events_item_data)

                derived_events.append(derived_events_item)

        memory_created = cls(
            scope=scope,
            scope_id=scope_id,
            id=None if isinstance(id, Unset) else id,
            content=None if isinstance(content, Unset) else content,
            created_at=None if isinstance(created_at, Unset) else created_at,
            metadata=None if isinstance(metadata, Unset) else metadata,
            status=None if isinstance(status, Unset) else status,
            duplicate=None if isinstance(duplicate, Unset) else duplicate,
            event_id=None if isinstance(event_id, Unset) else event_id,
            source=None if isinstance(source, Unset) else source,
            source_id=None if isinstance(source_id, Unset) else source_id,
            processing_id=None if isinstance(processing_id, Unset) else processing_id,
            status_url=None if isinstance(status_url, Unset) else status_url,
            derived_events=None if isinstance(derived_events, Unset) else derived_events,
        )

        memory_created.additional_properties = d
        return memory_created

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
from ..models.derived_memory_event import DerivedMemoryEvent
from ..models.memory_content import MemoryContent
from ..models.memory_created_metadata import MemoryCreatedMetadata
