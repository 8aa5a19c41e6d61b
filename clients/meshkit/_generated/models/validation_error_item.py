from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="ValidationErrorItem")


@_attrs_define(repr=False, getstate_setstate=False)
class ValidationErrorItem(Model):
    """One item of `error.data.validation_errors` on a 422.

    Attributes:
        field (str | None): Dot path of the offending field.
        msg (str | None):
        type_ (str | None):
        error (str | None):
    """

    field: str | None = None
    msg: str | None = None
    type_: str | None = None
    error: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_field: str | Unset = UNSET if self.field is None else self.field
        field = _src_field

        _src_msg: str | Unset = UNSET if self.msg is None else self.msg
        msg = _src_msg

        _src_type_: str | Unset = UNSET if self.type_ is None else self.type_
        type_ = _src_type_

        _src_error: str | Unset = UNSET if self.error is None else self.error
        error = _src_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field is not UNSET:
            field_dict["field"] = field
        if msg is not UNSET:
            field_dict["msg"] = msg
        if type_ is not UNSET:
            field_dict["type"] = type_
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        field = d.pop("field", UNSET)

        msg = d.pop("msg", UNSET)

        type_ = d.pop("type", UNSET)

        error = d.pop("error", UNSET)

        validation_error_item = cls(
            field=None if isinstance(field, Unset) else field,
            msg=None if isinstance(msg, Unset) else msg,
            type_=None if isinstance(type_, Unset) else type_,
            error=None if isinstance(error, Unset) else error,
        )

        validation_error_item.additional_properties = d
        return validation_error_item

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
