from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="CredentialCreate")


@_attrs_define(repr=False, getstate_setstate=False)
class CredentialCreate(Model):
    """Request model for creating a credential.

    Attributes:
        service (str): Service name (e.g., github, gmail, slack)
        credential (CredentialCreateCredential): Credential data (structure varies by service)
        name (None | str): Optional friendly name. Auto-discovered if omitted.
    """

    service: str
    credential: CredentialCreateCredential
    name: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        service = self.service

        credential = self.credential.to_dict()

        _src_name: None | str | Unset = UNSET if self.name is None else self.name
        name: None | str | Unset
        if isinstance(_src_name, Unset):
            name = UNSET
        else:
            name = _src_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "service": service,
                "credential": credential,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        service = d.pop("service")

        credential = CredentialCreateCredential.from_dict(d.pop("credential"))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        credential_create = cls(
            service=service,
            credential=credential,
            name=None if isinstance(name, Unset) else name,
        )

        credential_create.additional_properties = d
        return credential_create

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
from ..models.credential_create_credential import CredentialCreateCredential
