from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UserIdentifiers")


@_attrs_define
class UserIdentifiers:
    """
    Attributes:
        muxi_user_id (str | Unset):
        internal_user_id (Any | Unset): The formation's internal id.
        identifiers (list[UserIdentifier] | Unset):
        count (int | Unset):
    """

    muxi_user_id: str | Unset = UNSET
    internal_user_id: Any | Unset = UNSET
    identifiers: list[UserIdentifier] | Unset = UNSET
    count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        muxi_user_id = self.muxi_user_id

        internal_user_id = self.internal_user_id

        identifiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.identifiers, Unset):
            identifiers = []
            for identifiers_item_data in self.identifiers:
                identifiers_item = identifiers_item_data.to_dict()
                identifiers.append(identifiers_item)

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if muxi_user_id is not UNSET:
            field_dict["muxi_user_id"] = muxi_user_id
        if internal_user_id is not UNSET:
            field_dict["internal_user_id"] = internal_user_id
        if identifiers is not UNSET:
            field_dict["identifiers"] = identifiers
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        muxi_user_id = d.pop("muxi_user_id", UNSET)

        internal_user_id = d.pop("internal_user_id", UNSET)

        _identifiers = d.pop("identifiers", UNSET)
        identifiers: list[UserIdentifier] | Unset = UNSET
        if _identifiers is not UNSET:
            identifiers = []
            for identifiers_item_data in _identifiers:
                identifiers_item = UserIdentifier.from_dict(identifiers_item_data)

                identifiers.append(identifiers_item)

        count = d.pop("count", UNSET)

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

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Referenced models, imported once the classes above exist (import cycles resolve).
from ..models.user_identifier import UserIdentifier
