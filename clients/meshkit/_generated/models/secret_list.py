from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="SecretList")


@_attrs_define(repr=False, getstate_setstate=False)
class SecretList(Model):
    """
    Attributes:
        secrets (SecretListSecrets | None): Secret name → masked value (values are never returned unmasked).
        count (int | None):
    """

    secrets: SecretListSecrets | None = None
    count: int | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_secrets: SecretListSecrets | Unset = UNSET if self.secrets is None else self.secrets
        secrets: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_secrets, Unset):
            secrets = _src_secrets.to_dict()

        _src_count: int | Unset = UNSET if self.count is None else self.count
        count = _src_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if secrets is not UNSET:
            field_dict["secrets"] = secrets
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _secrets = d.pop("secrets", UNSET)
        secrets: SecretListSecrets | Unset
        if isinstance(_secrets, Unset):
            secrets = UNSET
        else:
            secrets = SecretListSecrets.from_dict(_secrets)

        count = d.pop("count", UNSET)

        secret_list = cls(
            secrets=None if isinstance(secrets, Unset) else secrets,
            count=None if isinstance(count, Unset) else count,
        )

        secret_list.additional_properties = d
        return secret_list

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
from ..models.secret_list_secrets import SecretListSecrets
