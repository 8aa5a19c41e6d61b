from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="OverlordClarification")


@_attrs_define(repr=False, getstate_setstate=False)
class OverlordClarification(Model):
    """How the overlord asks clarifying questions.

    Attributes:
        max_questions (int | None):
        style (str | None):
        persist_learned_info (bool | None):
    """

    max_questions: int | None = None
    style: str | None = None
    persist_learned_info: bool | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_max_questions: int | Unset = UNSET if self.max_questions is None else self.max_questions
        max_questions = _src_max_questions

        _src_style: str | Unset = UNSET if self.style is None else self.style
        style = _src_style

        _src_persist_learned_info: bool | Unset = (
            UNSET if self.persist_learned_info is None else self.persist_learned_info
        )
        persist_learned_info = _src_persist_learned_info

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
            max_questions=None if isinstance(max_questions, Unset) else max_questions,
            style=None if isinstance(style, Unset) else style,
            persist_learned_info=None if isinstance(persist_learned_info, Unset) else persist_learned_info,
        )

        overlord_clarification.additional_properties = d
        return overlord_clarification

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
