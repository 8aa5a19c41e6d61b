from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="DistilleryRegistration")


@_attrs_define(repr=False, getstate_setstate=False)
class DistilleryRegistration(Model):
    """Model for registering an on-prem distillery.

    ``public_key`` is the distillery's Ed25519 public key
    (``ed25519:<base64 DER or raw 32 bytes>``). ``scope`` limits what the
    distillery may write: ``user_ids`` ("all" | "pattern:<glob>" | [ids]),
    ``event_types``, ``max_events_per_day``, ``max_batch_size`` -- omitted
    keys fall back to the formation's memory.distillery defaults.

        Attributes:
            name (str):
            public_key (str):
            description (None | str):
            scope (DistilleryScope | None):
            trust_level (None | str):
    """

    name: str
    public_key: str
    description: None | str = None
    scope: DistilleryScope | None = None
    trust_level: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        name = self.name

        public_key = self.public_key

        _src_description: None | str | Unset = UNSET if self.description is None else self.description
        description: None | str | Unset
        if isinstance(_src_description, Unset):
            description = UNSET
        else:
            description = _src_description

        _src_scope: DistilleryScope | None | Unset = UNSET if self.scope is None else self.scope
        scope: dict[str, Any] | None | Unset
        if isinstance(_src_scope, Unset):
            scope = UNSET
        elif isinstance(_src_scope, DistilleryScope):
            scope = _src_scope.to_dict()
        else:
            scope = _src_scope

        _src_trust_level: None | str | Unset = UNSET if self.trust_level is None else self.trust_level
        trust_level: None | str | Unset
        if isinstance(_src_trust_level, Unset):
            trust_level = UNSET
        else:
            trust_level = _src_trust_level

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "public_key": public_key,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if scope is not UNSET:
            field_dict["scope"] = scope
        if trust_level is not UNSET:
            field_dict["trust_level"] = trust_level

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        public_key = d.pop("public_key")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_scope(data: object) -> DistilleryScope | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scope_type_0 = DistilleryScope.from_dict(data)

                return scope_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DistilleryScope | None | Unset, data)

        scope = _parse_scope(d.pop("scope", UNSET))

        def _parse_trust_level(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trust_level = _parse_trust_level(d.pop("trust_level", UNSET))

        distillery_registration = cls(
            name=name,
            public_key=public_key,
            description=None if isinstance(description, Unset) else description,
            scope=None if isinstance(scope, Unset) else scope,
            trust_level=None if isinstance(trust_level, Unset) else trust_level,
        )

        distillery_registration.additional_properties = d
        return distillery_registration

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
from ..models.distillery_scope import DistilleryScope
