from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.memory_created_status import (
    MemoryCreatedStatus,
    check_memory_created_status,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryCreated")


@_attrs_define
class MemoryCreated:
    """A created memory (content is then {type, detail}, unlike the listing's text) or, when the request had a source, the
    ingestion receipt (status, event_id, processing_id…).

        Attributes:
            scope (str): user, group or formation.
            scope_id (None | str):
            id (None | str | Unset): The new memory's id (direct write only).
            content (MemoryContent | Unset): A created memory's content as the runtime echoes it.
            created_at (str | Unset): ISO 8601 with a Z (direct write only).
            metadata (MemoryCreatedMetadata | Unset):
            status (MemoryCreatedStatus | Unset): Ingestion only.
            duplicate (bool | Unset): Ingestion only.
            event_id (str | Unset): Ingestion only; the memory event recorded (or the original one).
            source (str | Unset):
            source_id (None | str | Unset):
            processing_id (str | Unset): Ingestion of a new item only; poll it with get_ingestion_status.
            status_url (str | Unset):
            derived_events (list[DerivedMemoryEvent] | Unset): A duplicate's events already derived from the original.
    """

    scope: str
    scope_id: None | str
    id: None | str | Unset = UNSET
    content: MemoryContent | Unset = UNSET
    created_at: str | Unset = UNSET
    metadata: MemoryCreatedMetadata | Unset = UNSET
    status: MemoryCreatedStatus | Unset = UNSET
    duplicate: bool | Unset = UNSET
    event_id: str | Unset = UNSET
    source: str | Unset = UNSET
    source_id: None | str | Unset = UNSET
    processing_id: str | Unset = UNSET
    status_url: str | Unset = UNSET
    derived_events: list[DerivedMemoryEvent] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scope = self.scope

        scope_id: None | str
        scope_id = self.scope_id

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        content: dict[str, Any] | Unset = UNSET
        if not isinstance(self.content, Unset):
            content = self.content.to_dict()

        created_at = self.created_at

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        duplicate = self.duplicate

        event_id = self.event_id

        source = self.source

        source_id: None | str | Unset
        if isinstance(self.source_id, Unset):
            source_id = UNSET
        else:
            source_id = self.source_id

        processing_id = self.processing_id

        status_url = self.status_url

        derived_events: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.derived_events, Unset):
            derived_events = []
            for derived_events_item_data in self.derived_events:
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
            id=id,
            content=content,
            created_at=created_at,
            metadata=metadata,
            status=status,
            duplicate=duplicate,
            event_id=event_id,
            source=source,
            source_id=source_id,
            processing_id=processing_id,
            status_url=status_url,
            derived_events=derived_events,
        )

        memory_created.additional_properties = d
        return memory_created

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
from ..models.derived_memory_event import DerivedMemoryEvent
from ..models.memory_content import MemoryContent
from ..models.memory_created_metadata import MemoryCreatedMetadata
