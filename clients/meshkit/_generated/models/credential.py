from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="Credential")


@_attrs_define(repr=False, getstate_setstate=False)
class Credential(Model):
    """A stored user credential's metadata; the secret itself is never returned.

    Attributes:
        credential_id (str):
        service (str):
        name (str):
        credential_preview (str): The first 7 and last 3 characters of the main value ("ghp_abc*****xyz"), or
            "***redacted***".
        created_at (None | str): ISO 8601.
        updated_at (None | str): ISO 8601.
    """

    credential_id: str
    service: str
    name: str
    credential_preview: str
    created_at: None | str
    updated_at: None | str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        credential_id = self.credential_id

        service = self.service

        name = self.name

        credential_preview = self.credential_preview

        created_at: None | str
        created_at = self.created_at

        updated_at: None | str
        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credential_id": credential_id,
                "service": service,
                "name": name,
                "credential_preview": credential_preview,
                "created_at": created_at,
                "updated_at": updated_at,
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

        def _parse_created_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_updated_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        credential = cls(
            credential_id=credential_id,
            service=service,
            name=name,
            credential_preview=credential_preview,
            created_at=created_at,
            updated_at=updated_at,
        )

        credential.additional_properties = d
        return credential

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
