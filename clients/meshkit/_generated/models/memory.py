from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="Memory")


@_attrs_define(repr=False, getstate_setstate=False)
class Memory(Model):
    """A stored memory, as listed.

    Attributes:
        id (None | str):
        content (None | str): The memory's text.
        created_at (None | str): ISO 8601, without a zone (UTC).
        metadata (MemoryMetadata | None):
        scope (str): user, group or formation.
        scope_id (None | str): The scope's id (for a user memory
    """

    id: None | str
    content: None | str
    created_at: None | str
    metadata: MemoryMetadata | None
    scope: str
    scope_id: None | str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id: None | str
        id = self.id

        content: None | str
        content = self.content

        created_at: None | str
        created_at = self.created_at

        metadata: dict[str, Any] | None
        if isinstance(self.metadata, MemoryMetadata):
            metadata = self.metadata.to_dict()
        else:
            metadata = self.metadata

        scope = self.scope

        scope_id: None | str
        scope_id = self.scope_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "content": content,
                "created_at": created_at,
                "metadata": metadata,
                "scope": scope,
                "scope_id": scope_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        id = _parse_id(d.pop("id"))

        def _parse_content(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        content = _parse_content(d.pop("content"))

        def _parse_created_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_metadata(data: object) -> MemoryMetadata | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = MemoryMetadata.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MemoryMetadata | None, data)

        metadata = _parse_metadata(d.pop("metadata"))

        scope = d.pop("scope")

        def _parse_scope_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        scope_id = _parse_scope_id(d.pop("scope_id"))

        memory = cls(
            id=id,
            content=content,
            created_at=created_at,
            metadata=metadata,
            scope=scope,
            scope_id=scope_id,
        )

        memory.additional_properties = d
        return memory

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
from ..models.memory_metadata import MemoryMetadata
