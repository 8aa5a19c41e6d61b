from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="MemoryDeleted")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryDeleted(Model):
    """The memory that was deleted.

    Attributes:
        deleted (str): The memory's id.
        user_id (str):
    """

    deleted: str
    user_id: str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        deleted = self.deleted

        user_id = self.user_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "deleted": deleted,
                "user_id": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        deleted = d.pop("deleted")

        user_id = d.pop("user_id")

        memory_deleted = cls(
            deleted=deleted,
            user_id=user_id,
        )

        memory_deleted.additional_properties = d
        return memory_deleted

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
