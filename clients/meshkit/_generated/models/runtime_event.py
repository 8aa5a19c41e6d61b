from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="RuntimeEvent")


@_attrs_define(repr=False, getstate_setstate=False)
class RuntimeEvent(Model):
    """A request-stream frame: stream_open, runtime events shaped like chat tokens, stream_completed, or {error}.

    Attributes:
        type_ (str | None):
        error (str | None):
    """

    type_: str | None = None
    error: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_type_: str | Unset = UNSET if self.type_ is None else self.type_
        type_ = _src_type_

        _src_error: str | Unset = UNSET if self.error is None else self.error
        error = _src_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type", UNSET)

        error = d.pop("error", UNSET)

        runtime_event = cls(
            type_=None if isinstance(type_, Unset) else type_,
            error=None if isinstance(error, Unset) else error,
        )

        runtime_event.additional_properties = d
        return runtime_event

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
