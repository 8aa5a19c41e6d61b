from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MuxiRequestInfo")


@_attrs_define(repr=False, getstate_setstate=False)
class MuxiRequestInfo(Model):
    """Request information carried by every formation envelope.

    Attributes:
        id (str): Request id (req_…), generated when the client gave none.
        idempotency_key (None | str): Echo of X-Muxi-Idempotency-Key on idempotent routes.
    """

    id: str
    idempotency_key: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        _src_idempotency_key: None | str | Unset = UNSET if self.idempotency_key is None else self.idempotency_key
        idempotency_key: None | str | Unset
        if isinstance(_src_idempotency_key, Unset):
            idempotency_key = UNSET
        else:
            idempotency_key = _src_idempotency_key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if idempotency_key is not UNSET:
            field_dict["idempotency_key"] = idempotency_key

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        def _parse_idempotency_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        idempotency_key = _parse_idempotency_key(d.pop("idempotency_key", UNSET))

        muxi_request_info = cls(
            id=id,
            idempotency_key=None if isinstance(idempotency_key, Unset) else idempotency_key,
        )

        muxi_request_info.additional_properties = d
        return muxi_request_info

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
