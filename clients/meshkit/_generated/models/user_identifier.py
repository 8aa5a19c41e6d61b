from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserIdentifier")


@_attrs_define(repr=False, getstate_setstate=False)
class UserIdentifier(Model):
    """An identifier (email, handle…) linked to a user.

    Attributes:
        identifier (str):
        type_ (str): Defaults to "unknown".
        created_at (None | str): ISO 8601 (listing only).
    """

    identifier: str
    type_: str
    created_at: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        identifier = self.identifier

        type_ = self.type_

        _src_created_at: None | str | Unset = UNSET if self.created_at is None else self.created_at
        created_at: None | str | Unset
        if isinstance(_src_created_at, Unset):
            created_at = UNSET
        else:
            created_at = _src_created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "identifier": identifier,
                "type": type_,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        identifier = d.pop("identifier")

        type_ = d.pop("type")

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        user_identifier = cls(
            identifier=identifier,
            type_=type_,
            created_at=None if isinstance(created_at, Unset) else created_at,
        )

        user_identifier.additional_properties = d
        return user_identifier

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
