from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OverlordClarification")


@_attrs_define
class OverlordClarification:
    """How the overlord asks clarifying questions.

    Attributes:
        max_questions (int | Unset):
        style (str | Unset):
        persist_learned_info (bool | Unset):
    """

    max_questions: int | Unset = UNSET
    style: str | Unset = UNSET
    persist_learned_info: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_questions = self.max_questions

        style = self.style

        persist_learned_info = self.persist_learned_info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if max_questions is not UNSET:
            field_dict["max_questions"] = max_questions
        if style is not UNSET:
            field_dict["style"] = style
        if persist_learned_info is not UNSET:
            field_dict["persist_learned_info"] = persist_learned_info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        max_questions = d.pop("max_questions", UNSET)

        style = d.pop("style", UNSET)

        persist_learned_info = d.pop("persist_learned_info", UNSET)

        overlord_clarification = cls(
            max_questions=max_questions,
            style=style,
            persist_learned_info=persist_learned_info,
        )

        overlord_clarification.additional_properties = d
        return overlord_clarification

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
