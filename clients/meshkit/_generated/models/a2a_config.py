from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="A2AConfig")


@_attrs_define(repr=False, getstate_setstate=False)
class A2AConfig(Model):
    """The a2a section of the formation file, secrets masked (empty when the file has none). Free-form beyond the typed
    keys: the formation file decides them.

        Attributes:
            inbound (A2AConfigInbound | None): Free-form: the formation file's a2a.inbound.
            outbound (A2AConfigOutbound | None): Free-form: the formation file's a2a.outbound.
    """

    inbound: A2AConfigInbound | None = None
    outbound: A2AConfigOutbound | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_inbound: A2AConfigInbound | Unset = UNSET if self.inbound is None else self.inbound
        inbound: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_inbound, Unset):
            inbound = _src_inbound.to_dict()

        _src_outbound: A2AConfigOutbound | Unset = UNSET if self.outbound is None else self.outbound
        outbound: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_outbound, Unset):
            outbound = _src_outbound.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if inbound is not UNSET:
            field_dict["inbound"] = inbound
        if outbound is not UNSET:
            field_dict["outbound"] = outbound

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _inbound = d.pop("inbound", UNSET)
        inbound: A2AConfigInbound | Unset
        if isinstance(_inbound, Unset):
            inbound = UNSET
        else:
            inbound = A2AConfigInbound.from_dict(_inbound)

        _outbound = d.pop("outbound", UNSET)
        outbound: A2AConfigOutbound | Unset
        if isinstance(_outbound, Unset):
            outbound = UNSET
        else:
            outbound = A2AConfigOutbound.from_dict(_outbound)

        a2a_config = cls(
            inbound=None if isinstance(inbound, Unset) else inbound,
            outbound=None if isinstance(outbound, Unset) else outbound,
        )

        a2a_config.additional_properties = d
        return a2a_config

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
from ..models.a2a_config_inbound import A2AConfigInbound
from ..models.a2a_config_outbound import A2AConfigOutbound
