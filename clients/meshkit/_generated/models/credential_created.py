from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CredentialCreated")


@_attrs_define
class CredentialCreated:
    """
    Attributes:
        credential_id (str | Unset):
        service (str | Unset):
        name (None | str | Unset):
        credential_preview (Any | Unset): Masked preview of the credential.
        created_at (None | str | Unset):
    """

    credential_id: str | Unset = UNSET
    service: str | Unset = UNSET
    name: None | str | Unset = UNSET
    credential_preview: Any | Unset = UNSET
    created_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credential_id = self.credential_id

        service = self.service

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        credential_preview = self.credential_preview

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if credential_id is not UNSET:
            field_dict["credential_id"] = credential_id
        if service is not UNSET:
            field_dict["service"] = service
        if name is not UNSET:
            field_dict["name"] = name
        if credential_preview is not UNSET:
            field_dict["credential_preview"] = credential_preview
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        credential_id = d.pop("credential_id", UNSET)

        service = d.pop("service", UNSET)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        credential_preview = d.pop("credential_preview", UNSET)

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        credential_created = cls(
            credential_id=credential_id,
            service=service,
            name=name,
            credential_preview=credential_preview,
            created_at=created_at,
        )

        credential_created.additional_properties = d
        return credential_created

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
