from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="UIResponseHint")


@_attrs_define(repr=False, getstate_setstate=False)
class UIResponseHint(Model):
    """Structured reply to a UI widget from a previous response envelope.

    A hint alongside the (always sufficient) message text: when the id
    matches a clarification-produced widget in this conversation's
    recent history, the runtime pins the selection deterministically;
    unknown/stale ids are ignored and the message stands alone.

        Attributes:
            id (str):
            value (JSON):
    """

    id: str
    value: JSON
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        value = d.pop("value")

        ui_response_hint = cls(
            id=id,
            value=value,
        )

        ui_response_hint.additional_properties = d
        return ui_response_hint

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
