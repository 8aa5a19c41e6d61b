from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="CredentialCreated")


@_attrs_define(repr=False, getstate_setstate=False)
class CredentialCreated(Model):
    """A newly stored credential's metadata.

    Attributes:
        credential_id (str):
        service (str): The service name in lower case.
        name (str): The name given
        credential_preview (str): Masked preview ("ghp_abc*****xyz" or "***redacted***").
        created_at (str): ISO 8601, UTC ("Z").
    """

    credential_id: str
    service: str
    name: str
    credential_preview: str
    created_at: str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        credential_id = self.credential_id

        service = self.service

        name = self.name

        credential_preview = self.credential_preview

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credential_id": credential_id,
                "service": service,
                "name": name,
                "credential_preview": credential_preview,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        credential_id = d.pop("credential_id")

        service = d.pop("service")

        name = d.pop("name")

        credential_preview = d.pop("credential_preview")

        created_at = d.pop("created_at")

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

    def __getitem__(self, key: str) -> JSON:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: JSON) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
