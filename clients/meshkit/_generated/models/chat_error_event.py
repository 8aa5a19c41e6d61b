from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="ChatErrorEvent")


@_attrs_define(repr=False, getstate_setstate=False)
class ChatErrorEvent(Model):
    """`event: error` — the stream failed after it started; no done follows.

    Example:
        {'error': 'LLM provider timed out', 'type': 'TimeoutError'}

    Attributes:
        error (str): The error text, at most 200 characters, newlines removed.
        type_ (str): The exception class; used as the error code.
    """

    error: str
    type_: str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        error = self.error

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = d.pop("error")

        type_ = d.pop("type")

        chat_error_event = cls(
            error=error,
            type_=type_,
        )

        chat_error_event.additional_properties = d
        return chat_error_event

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
