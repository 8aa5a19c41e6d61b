from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatContentPart")


@_attrs_define(repr=False, getstate_setstate=False)
class ChatContentPart(Model):
    """An item of array content: {"type":"text","text":…} or {"type":"tool_calls","tool_calls":[…]}.

    Attributes:
        type_ (str):
        text (str | None):
        tool_calls (list[ChatContentPartToolCallsItem] | None):
    """

    type_: str
    text: str | None = None
    tool_calls: list[ChatContentPartToolCallsItem] | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        type_ = self.type_

        _src_text: str | Unset = UNSET if self.text is None else self.text
        text = _src_text

        _src_tool_calls: list[ChatContentPartToolCallsItem] | Unset = (
            UNSET if self.tool_calls is None else self.tool_calls
        )
        tool_calls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_src_tool_calls, Unset):
            tool_calls = []
            for tool_calls_item_data in _src_tool_calls:
                tool_calls_item = tool_calls_item_data.to_dict()
                tool_calls.append(tool_calls_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text
        if tool_calls is not UNSET:
            field_dict["tool_calls"] = tool_calls

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        text = d.pop("text", UNSET)

        _tool_calls = d.pop("tool_calls", UNSET)
        tool_calls: list[ChatContentPartToolCallsItem] | Unset = UNSET
        if _tool_calls is not UNSET:
            tool_calls = []
            for tool_calls_item_data in _tool_calls:
                tool_calls_item = ChatContentPartToolCallsItem.from_dict(tool_calls_item_data)

                tool_calls.append(tool_calls_item)

        chat_content_part = cls(
            type_=type_,
            text=None if isinstance(text, Unset) else text,
            tool_calls=None if isinstance(tool_calls, Unset) else tool_calls,
        )

        chat_content_part.additional_properties = d
        return chat_content_part

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
from ..models.chat_content_part_tool_calls_item import ChatContentPartToolCallsItem
