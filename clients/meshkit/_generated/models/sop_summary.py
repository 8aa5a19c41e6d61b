from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="SopSummary")


@_attrs_define(repr=False, getstate_setstate=False)
class SopSummary(Model):
    """A standard operating procedure of the formation, as listed.

    Attributes:
        name (str):
        title (str): The SOP's title (its name unless its front matter sets one).
        type_ (str): template or guide (template unless the front matter says otherwise).
        steps (int | None): How many numbered lines it has (null for none).
        agents_used (list[str] | None):
    """

    name: str
    title: str
    type_: str
    steps: int | None
    agents_used: list[str] | None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        name = self.name

        title = self.title

        type_ = self.type_

        steps: int | None
        steps = self.steps

        agents_used: list[str] | None
        if isinstance(self.agents_used, list):
            agents_used = self.agents_used

        else:
            agents_used = self.agents_used

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "title": title,
                "type": type_,
                "steps": steps,
                "agents_used": agents_used,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        title = d.pop("title")

        type_ = d.pop("type")

        def _parse_steps(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        steps = _parse_steps(d.pop("steps"))

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

        sop_summary = cls(
            name=name,
            title=title,
            type_=type_,
            steps=steps,
            agents_used=agents_used,
        )

        sop_summary.additional_properties = d
        return sop_summary

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
