from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryCreate")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryCreate(Model):
    """Model for creating a memory.

    Accepts the SDK/spec format: { type, detail } and/or the flat format: { content }.

    Memory namespaces (Phases 2+3): ``scope`` selects the namespace the
    memory is written to -- ``user`` (default, ungated), ``group``
    (requires ``scope_id`` = the group id), or ``formation``. Shared
    scopes require a ``memory.write`` grant in the caller's group YAML;
    without one the request is rejected with 403.

    Memory ingestion (Phase 3a): providing ``source`` switches the
    request onto the ingestion contract -- the item is validated,
    appended to the event log under the (source, source_id) idempotency
    key, and processed asynchronously (classify -> filter -> extract ->
    embed -> link -> store). The response returns fast with a
    ``processing_id`` pollable at GET /v1/memories/ingestion/{id}.
    ``content`` may be structured (an object) on the ingestion path.

        Attributes:
            content (JSON | None):
            type_ (None | str):
            detail (None | str):
            metadata (MemoryCreateMetadata | None):
            scope (None | str):
            scope_id (None | str):
            source (None | str):
            source_id (None | str):
            timestamp (None | str):
            subject (None | str):
    """

    content: JSON | None = None
    type_: None | str = None
    detail: None | str = None
    metadata: MemoryCreateMetadata | None = None
    scope: None | str = None
    scope_id: None | str = None
    source: None | str = None
    source_id: None | str = None
    timestamp: None | str = None
    subject: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_content: JSON | Unset = UNSET if self.content is None else self.content
        content: Any | None | Unset
        if isinstance(_src_content, Unset):
            content = UNSET
        else:
            content = _src_content

        _src_type_: None | str | Unset = UNSET if self.type_ is None else self.type_
        type_: None | str | Unset
        if isinstance(_src_type_, Unset):
            type_ = UNSET
        else:
            type_ = _src_type_

        _src_detail: None | str | Unset = UNSET if self.detail is None else self.detail
        detail: None | str | Unset
        if isinstance(_src_detail, Unset):
            detail = UNSET
        else:
            detail = _src_detail

        _src_metadata: MemoryCreateMetadata | None | Unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | None | Unset
        if isinstance(_src_metadata, Unset):
            metadata = UNSET
        elif isinstance(_src_metadata, MemoryCreateMetadata):
            metadata = _src_metadata.to_dict()
        else:
            metadata = _src_metadata

        _src_scope: None | str | Unset = UNSET if self.scope is None else self.scope
        scope: None | str | Unset
        if isinstance(_src_scope, Unset):
            scope = UNSET
        else:
            scope = _src_scope

        _src_scope_id: None | str | Unset = UNSET if self.scope_id is None else self.scope_id
        scope_id: None | str | Unset
        if isinstance(_src_scope_id, Unset):
            scope_id = UNSET
        else:
            scope_id = _src_scope_id

        _src_source: None | str | Unset = UNSET if self.source is None else self.source
        source: None | str | Unset
        if isinstance(_src_source, Unset):
            source = UNSET
        else:
            source = _src_source

        _src_source_id: None | str | Unset = UNSET if self.source_id is None else self.source_id
        source_id: None | str | Unset
        if isinstance(_src_source_id, Unset):
            source_id = UNSET
        else:
            source_id = _src_source_id

        _src_timestamp: None | str | Unset = UNSET if self.timestamp is None else self.timestamp
        timestamp: None | str | Unset
        if isinstance(_src_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = _src_timestamp

        _src_subject: None | str | Unset = UNSET if self.subject is None else self.subject
        subject: None | str | Unset
        if isinstance(_src_subject, Unset):
            subject = UNSET
        else:
            subject = _src_subject

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if content is not UNSET:
            field_dict["content"] = content
        if type_ is not UNSET:
            field_dict["type"] = type_
        if detail is not UNSET:
            field_dict["detail"] = detail
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if scope is not UNSET:
            field_dict["scope"] = scope
        if scope_id is not UNSET:
            field_dict["scope_id"] = scope_id
        if source is not UNSET:
            field_dict["source"] = source
        if source_id is not UNSET:
            field_dict["source_id"] = source_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if subject is not UNSET:
            field_dict["subject"] = subject

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_content(data: object) -> Any | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(Any | None | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        def _parse_metadata(data: object) -> MemoryCreateMetadata | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = MemoryCreateMetadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MemoryCreateMetadata | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        def _parse_scope(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scope = _parse_scope(d.pop("scope", UNSET))

        def _parse_scope_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scope_id = _parse_scope_id(d.pop("scope_id", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_source_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_id = _parse_source_id(d.pop("source_id", UNSET))

        def _parse_timestamp(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timestamp = _parse_timestamp(d.pop("timestamp", UNSET))

        def _parse_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subject = _parse_subject(d.pop("subject", UNSET))

        memory_create = cls(
            content=None if isinstance(content, Unset) else content,
            type_=None if isinstance(type_, Unset) else type_,
            detail=None if isinstance(detail, Unset) else detail,
            metadata=None if isinstance(metadata, Unset) else metadata,
            scope=None if isinstance(scope, Unset) else scope,
            scope_id=None if isinstance(scope_id, Unset) else scope_id,
            source=None if isinstance(source, Unset) else source,
            source_id=None if isinstance(source_id, Unset) else source_id,
            timestamp=None if isinstance(timestamp, Unset) else timestamp,
            subject=None if isinstance(subject, Unset) else subject,
        )

        memory_create.additional_properties = d
        return memory_create

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
from ..models.memory_create_metadata import MemoryCreateMetadata
