from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="AssociateIdentifiersRequest")


@_attrs_define(repr=False, getstate_setstate=False)
class AssociateIdentifiersRequest(Model):
    """Request model for associating multiple identifiers to a user.

    Attributes:
        identifiers (list[JSON]): List of identifiers (strings, [id, type] arrays, or {identifier, type} objects)
        muxi_user_id (None | str): MUXI user ID to associate identifiers to. If not provided, creates a new user.
    """

    identifiers: list[JSON]
    muxi_user_id: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        identifiers = self.identifiers

        _src_muxi_user_id: None | str | Unset = UNSET if self.muxi_user_id is None else self.muxi_user_id
        muxi_user_id: None | str | Unset
        if isinstance(_src_muxi_user_id, Unset):
            muxi_user_id = UNSET
        else:
            muxi_user_id = _src_muxi_user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "identifiers": identifiers,
            }
        )
        if muxi_user_id is not UNSET:
            field_dict["muxi_user_id"] = muxi_user_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        identifiers = cast(list[Any], d.pop("identifiers"))

        def _parse_muxi_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        muxi_user_id = _parse_muxi_user_id(d.pop("muxi_user_id", UNSET))

        associate_identifiers_request = cls(
            identifiers=identifiers,
            muxi_user_id=None if isinstance(muxi_user_id, Unset) else muxi_user_id,
        )

        associate_identifiers_request.additional_properties = d
        return associate_identifiers_request

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
