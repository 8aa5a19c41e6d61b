from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="ResolveUserRequest")


@_attrs_define(repr=False, getstate_setstate=False)
class ResolveUserRequest(Model):
    """
    Attributes:
        identifier (str):
        identifier_type (None | str):
    """

    identifier: str
    identifier_type: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        identifier = self.identifier

        _src_identifier_type: None | str | Unset = UNSET if self.identifier_type is None else self.identifier_type
        identifier_type: None | str | Unset
        if isinstance(_src_identifier_type, Unset):
            identifier_type = UNSET
        else:
            identifier_type = _src_identifier_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "identifier": identifier,
            }
        )
        if identifier_type is not UNSET:
            field_dict["identifier_type"] = identifier_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        identifier = d.pop("identifier")

        def _parse_identifier_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identifier_type = _parse_identifier_type(d.pop("identifier_type", UNSET))

        resolve_user_request = cls(
            identifier=identifier,
            identifier_type=None if isinstance(identifier_type, Unset) else identifier_type,
        )

        resolve_user_request.additional_properties = d
        return resolve_user_request

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
