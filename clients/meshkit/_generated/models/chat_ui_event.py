from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="ChatUiEvent")


@_attrs_define(repr=False, getstate_setstate=False)
class ChatUiEvent(Model):
    """`event: ui`, at most once, just before done.

    Example:
        {'ui': [{'type': 'options', 'id': 'w1', 'options': ['Yes', 'No']}]}

    Attributes:
        ui (list[UiWidget]):
    """

    ui: list[UiWidget]
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        ui = []
        for ui_item_data in self.ui:
            ui_item = ui_item_data.to_dict()
            ui.append(ui_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ui": ui,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ui = []
        _ui = d.pop("ui")
        for ui_item_data in _ui:
            ui_item = UiWidget.from_dict(ui_item_data)

            ui.append(ui_item)

        chat_ui_event = cls(
            ui=ui,
        )

        chat_ui_event.additional_properties = d
        return chat_ui_event

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
from ..models.ui_widget import UiWidget
