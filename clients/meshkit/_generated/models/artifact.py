from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="Artifact")


@_attrs_define(repr=False, getstate_setstate=False)
class Artifact(Model):
    """A file an agent produced for the user (one version of it).

    Attributes:
        id (str):
        name (str):
        version (int):
        is_latest (bool):
        content_type (str):
        category (None | str): text
        summary (str):
        tags (list[JSON]):
        agent_id (None | str): The producing agent (null for the overlord).
        conversation_id (None | str): The session it was produced in.
        size_bytes (int):
        created_at (None | str): ISO 8601 without an offset (UTC).
        updated_at (None | str): ISO 8601 without an offset (UTC).
        last_accessed_at (None | str): ISO 8601 without an offset (UTC).
    """

    id: str
    name: str
    version: int
    is_latest: bool
    content_type: str
    category: None | str
    summary: str
    tags: list[JSON]
    agent_id: None | str
    conversation_id: None | str
    size_bytes: int
    created_at: None | str
    updated_at: None | str
    last_accessed_at: None | str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        name = self.name

        version = self.version

        is_latest = self.is_latest

        content_type = self.content_type

        category: None | str
        category = self.category

        summary = self.summary

        tags = self.tags

        agent_id: None | str
        agent_id = self.agent_id

        conversation_id: None | str
        conversation_id = self.conversation_id

        size_bytes = self.size_bytes

        created_at: None | str
        created_at = self.created_at

        updated_at: None | str
        updated_at = self.updated_at

        last_accessed_at: None | str
        last_accessed_at = self.last_accessed_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "version": version,
                "is_latest": is_latest,
                "content_type": content_type,
                "category": category,
                "summary": summary,
                "tags": tags,
                "agent_id": agent_id,
                "conversation_id": conversation_id,
                "size_bytes": size_bytes,
                "created_at": created_at,
                "updated_at": updated_at,
                "last_accessed_at": last_accessed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        version = d.pop("version")

        is_latest = d.pop("is_latest")

        content_type = d.pop("content_type")

        def _parse_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        category = _parse_category(d.pop("category"))

        summary = d.pop("summary")

        tags = cast(list[Any], d.pop("tags"))

        def _parse_agent_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        agent_id = _parse_agent_id(d.pop("agent_id"))

        def _parse_conversation_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        conversation_id = _parse_conversation_id(d.pop("conversation_id"))

        size_bytes = d.pop("size_bytes")

        def _parse_created_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_updated_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        def _parse_last_accessed_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_accessed_at = _parse_last_accessed_at(d.pop("last_accessed_at"))

        artifact = cls(
            id=id,
            name=name,
            version=version,
            is_latest=is_latest,
            content_type=content_type,
            category=category,
            summary=summary,
            tags=tags,
            agent_id=agent_id,
            conversation_id=conversation_id,
            size_bytes=size_bytes,
            created_at=created_at,
            updated_at=updated_at,
            last_accessed_at=last_accessed_at,
        )

        artifact.additional_properties = d
        return artifact

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
