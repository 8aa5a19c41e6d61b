from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="OverlordResponseSettings")


@_attrs_define(repr=False, getstate_setstate=False)
class OverlordResponseSettings(Model):
    """How the overlord shapes its answers.

    Attributes:
        format_ (str | None): markdown by default.
        widgets (bool | None):
        streaming (bool | None):
    """

    format_: str | None = None
    widgets: bool | None = None
    streaming: bool | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_format_: str | Unset = UNSET if self.format_ is None else self.format_
        format_ = _src_format_

        _src_widgets: bool | Unset = UNSET if self.widgets is None else self.widgets
        widgets = _src_widgets

        _src_streaming: bool | Unset = UNSET if self.streaming is None else self.streaming
        streaming = _src_streaming

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if format_ is not UNSET:
            field_dict["format"] = format_
        if widgets is not UNSET:
            field_dict["widgets"] = widgets
        if streaming is not UNSET:
            field_dict["streaming"] = streaming

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        format_ = d.pop("format", UNSET)

        widgets = d.pop("widgets", UNSET)

        streaming = d.pop("streaming", UNSET)

        overlord_response_settings = cls(
            format_=None if isinstance(format_, Unset) else format_,
            widgets=None if isinstance(widgets, Unset) else widgets,
            streaming=None if isinstance(streaming, Unset) else streaming,
        )

        overlord_response_settings.additional_properties = d
        return overlord_response_settings

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
