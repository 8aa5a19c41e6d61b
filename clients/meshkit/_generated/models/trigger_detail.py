from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="TriggerDetail")


@_attrs_define(repr=False, getstate_setstate=False)
class TriggerDetail(Model):
    """
    Attributes:
        name (str | None):
        content (str | None):
        data_fields (list[str] | None):
    """

    name: str | None = None
    content: str | None = None
    data_fields: list[str] | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_name: str | Unset = UNSET if self.name is None else self.name
        name = _src_name

        _src_content: str | Unset = UNSET if self.content is None else self.content
        content = _src_content

        _src_data_fields: list[str] | None | Unset = UNSET if self.data_fields is None else self.data_fields
        data_fields: list[str] | None | Unset
        if isinstance(_src_data_fields, Unset):
            data_fields = UNSET
        elif isinstance(_src_data_fields, list):
            data_fields = _src_data_fields

        else:
            data_fields = _src_data_fields

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if content is not UNSET:
            field_dict["content"] = content
        if data_fields is not UNSET:
            field_dict["data_fields"] = data_fields

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        content = d.pop("content", UNSET)

        def _parse_data_fields(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                data_fields_type_0 = cast(list[str], data)

                return data_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        data_fields = _parse_data_fields(d.pop("data_fields", UNSET))

        trigger_detail = cls(
            name=None if isinstance(name, Unset) else name,
            content=None if isinstance(content, Unset) else content,
            data_fields=None if isinstance(data_fields, Unset) else data_fields,
        )

        trigger_detail.additional_properties = d
        return trigger_detail

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
