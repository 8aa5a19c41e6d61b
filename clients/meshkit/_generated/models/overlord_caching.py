from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="OverlordCaching")


@_attrs_define(repr=False, getstate_setstate=False)
class OverlordCaching(Model):
    """LLM response caching (llm.settings.caching of the formation file).

    Attributes:
        enabled (bool | None):
        ttl (float | None): Seconds a cached answer lives (3600 by default).
    """

    enabled: bool | None = None
    ttl: float | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_enabled: bool | Unset = UNSET if self.enabled is None else self.enabled
        enabled = _src_enabled

        _src_ttl: float | Unset = UNSET if self.ttl is None else self.ttl
        ttl = _src_ttl

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if ttl is not UNSET:
            field_dict["ttl"] = ttl

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        enabled = d.pop("enabled", UNSET)

        ttl = d.pop("ttl", UNSET)

        overlord_caching = cls(
            enabled=None if isinstance(enabled, Unset) else enabled,
            ttl=None if isinstance(ttl, Unset) else ttl,
        )

        overlord_caching.additional_properties = d
        return overlord_caching

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
