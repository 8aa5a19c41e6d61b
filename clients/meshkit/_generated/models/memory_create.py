from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.model_base import OMITTED, Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryCreate")


@_attrs_define(repr=False)
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
            content (Any | None):
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

    content: Any | None = OMITTED
    type_: None | str = OMITTED
    detail: None | str = OMITTED
    metadata: MemoryCreateMetadata | None = OMITTED
    scope: None | str = OMITTED
    scope_id: None | str = OMITTED
    source: None | str = OMITTED
    source_id: None | str = OMITTED
    timestamp: None | str = OMITTED
    subject: None | str = OMITTED
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The nullable fields that were not given: to_dict() leaves them out instead of sending null.
    _omitted: frozenset[str] = _attrs_field(init=False, eq=False, default=frozenset())

    def __attrs_post_init__(self) -> None:
        omitted: list[str] = []
        if self.content is OMITTED:
            self.content = None
            omitted.append("content")
        if self.type_ is OMITTED:
            self.type_ = None
            omitted.append("type_")
        if self.detail is OMITTED:
            self.detail = None
            omitted.append("detail")
        if self.metadata is OMITTED:
            self.metadata = None
            omitted.append("metadata")
        if self.scope is OMITTED:
            self.scope = None
            omitted.append("scope")
        if self.scope_id is OMITTED:
            self.scope_id = None
            omitted.append("scope_id")
        if self.source is OMITTED:
            self.source = None
            omitted.append("source")
        if self.source_id is OMITTED:
            self.source_id = None
            omitted.append("source_id")
        if self.timestamp is OMITTED:
            self.timestamp = None
            omitted.append("timestamp")
        if self.subject is OMITTED:
            self.subject = None
            omitted.append("subject")
        if omitted:
            self._omitted = frozenset(omitted)

    def to_dict(self) -> dict[str, Any]:
        _src_content: Any | None | Unset = (
            UNSET if self.content is None and "content" in self._omitted else self.content
        )
        content: Any | None | Unset
        if isinstance(_src_content, Unset):
            content = UNSET
        else:
            content = _src_content

        _src_type_: None | str | Unset = UNSET if self.type_ is None and "type_" in self._omitted else self.type_
        type_: None | str | Unset
        if isinstance(_src_type_, Unset):
            type_ = UNSET
        else:
            type_ = _src_type_

        _src_detail: None | str | Unset = UNSET if self.detail is None and "detail" in self._omitted else self.detail
        detail: None | str | Unset
        if isinstance(_src_detail, Unset):
            detail = UNSET
        else:
            detail = _src_detail

        _src_metadata: MemoryCreateMetadata | None | Unset = (
            UNSET if self.metadata is None and "metadata" in self._omitted else self.metadata
        )
        metadata: dict[str, Any] | None | Unset
        if isinstance(_src_metadata, Unset):
            metadata = UNSET
        elif isinstance(_src_metadata, MemoryCreateMetadata):
            metadata = _src_metadata.to_dict()
        else:
            metadata = _src_metadata

        _src_scope: None | str | Unset = UNSET if self.scope is None and "scope" in self._omitted else self.scope
        scope: None | str | Unset
        if isinstance(_src_scope, Unset):
            scope = UNSET
        else:
            scope = _src_scope

        _src_scope_id: None | str | Unset = (
            UNSET if self.scope_id is None and "scope_id" in self._omitted else self.scope_id
        )
        scope_id: None | str | Unset
        if isinstance(_src_scope_id, Unset):
            scope_id = UNSET
        else:
            scope_id = _src_scope_id

        _src_source: None | str | Unset = UNSET if self.source is None and "source" in self._omitted else self.source
        source: None | str | Unset
        if isinstance(_src_source, Unset):
            source = UNSET
        else:
            source = _src_source

        _src_source_id: None | str | Unset = (
            UNSET if self.source_id is None and "source_id" in self._omitted else self.source_id
        )
        source_id: None | str | Unset
        if isinstance(_src_source_id, Unset):
            source_id = UNSET
        else:
            source_id = _src_source_id

        _src_timestamp: None | str | Unset = (
            UNSET if self.timestamp is None and "timestamp" in self._omitted else self.timestamp
        )
        timestamp: None | str | Unset
        if isinstance(_src_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = _src_timestamp

        _src_subject: None | str | Unset = (
            UNSET if self.subject is None and "subject" in self._omitted else self.subject
        )
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
            content=OMITTED if isinstance(content, Unset) else content,
            type_=OMITTED if isinstance(type_, Unset) else type_,
            detail=OMITTED if isinstance(detail, Unset) else detail,
            metadata=OMITTED if isinstance(metadata, Unset) else metadata,
            scope=OMITTED if isinstance(scope, Unset) else scope,
            scope_id=OMITTED if isinstance(scope_id, Unset) else scope_id,
            source=OMITTED if isinstance(source, Unset) else source,
            source_id=OMITTED if isinstance(source_id, Unset) else source_id,
            timestamp=OMITTED if isinstance(timestamp, Unset) else timestamp,
            subject=OMITTED if isinstance(subject, Unset) else subject,
        )

        memory_create.additional_properties = d
        return memory_create

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
from ..models.memory_create_metadata import MemoryCreateMetadata
