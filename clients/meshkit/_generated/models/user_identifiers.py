from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="UserIdentifiers")


@_attrs_define(repr=False, getstate_setstate=False)
class UserIdentifiers(Model):
    """A user's identifiers.

    Attributes:
        muxi_user_id (str):
        internal_user_id (int): The formation's internal id.
        identifiers (list[UserIdentifier]):
        count (int):
    """

    muxi_user_id: str
    internal_user_id: int
    identifiers: list[UserIdentifier]
    count: int
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        muxi_user_id = self.muxi_user_id

        internal_user_id = self.internal_user_id

        identifiers = []
        for identifiers_item_data in self.identifiers:
            identifiers_item = identifiers_item_data.to_dict()
            identifiers.append(identifiers_item)

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "muxi_user_id": muxi_user_id,
                "internal_user_id": internal_user_id,
                "identifiers": identifiers,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        muxi_user_id = d.pop("muxi_user_id")

        internal_user_id = d.pop("internal_user_id")

        identifiers = []
        _identifiers = d.pop("identifiers")
        for identifiers_item_data in _identifiers:
            identifiers_item = UserIdentifier.from_dict(identifiers_item_data)

            identifiers.append(identifiers_item)

        count = d.pop("count")

        user_identifiers = cls(
            muxi_user_id=muxi_user_id,
            internal_user_id=internal_user_id,
            identifiers=identifiers,
            count=count,
        )

        user_identifiers.additional_properties = d
        return user_identifiers

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
from ..models.user_identifier import UserIdentifier
