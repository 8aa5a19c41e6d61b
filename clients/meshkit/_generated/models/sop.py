from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="Sop")


@_attrs_define(repr=False, getstate_setstate=False)
class Sop(Model):
    """One standard operating procedure with its content.

    Attributes:
        name (str):
        title (str):
        type_ (str): template or guide.
        content (str): The SOP's markdown.
        metadata (SopMetadata): Free-form: the SOP file's front matter.
        references (list[str] | None): Referenced files ("file:…").
        agents_used (list[str] | None):
        steps (int | None):
    """

    name: str
    title: str
    type_: str
    content: str
    metadata: SopMetadata
    references: list[str] | None
    agents_used: list[str] | None
    steps: int | None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        name = self.name

        title = self.title

        type_ = self.type_

        content = self.content

        metadata = self.metadata.to_dict()

        references: list[str] | None
        if isinstance(self.references, list):
            references = self.references

        else:
            references = self.references

        agents_used: list[str] | None
        if isinstance(self.agents_used, list):
            agents_used = self.agents_used

        else:
            agents_used = self.agents_used

        steps: int | None
        steps = self.steps

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "title": title,
                "type": type_,
                "content": content,
                "metadata": metadata,
                "references": references,
                "agents_used": agents_used,
                "steps": steps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        title = d.pop("title")

        type_ = d.pop("type")

        content = d.pop("content")

        metadata = SopMetadata.from_dict(d.pop("metadata"))

        def _parse_references(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                references_type_0 = cast(list[str], data)

                return references_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        references = _parse_references(d.pop("references"))

        def _parse_agents_used(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                agents_used_type_0 = cast(list[str], data)

                return agents_used_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        agents_used = _parse_agents_used(d.pop("agents_used"))

        def _parse_steps(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        steps = _parse_steps(d.pop("steps"))

        sop = cls(
            name=name,
            title=title,
            type_=type_,
            content=content,
            metadata=metadata,
            references=references,
            agents_used=agents_used,
            steps=steps,
        )

        sop.additional_properties = d
        return sop

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
from ..models.sop_metadata import SopMetadata
