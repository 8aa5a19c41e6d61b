from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="KnowledgeSyncTrigger")


@_attrs_define(repr=False, getstate_setstate=False)
class KnowledgeSyncTrigger(Model):
    """Model for manually triggering a remote knowledge source sync.

    Attributes:
        source_id (None | str): Remote knowledge source id to sync; omit to sync all of the agent's sources
    """

    source_id: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_source_id: None | str | Unset = UNSET if self.source_id is None else self.source_id
        source_id: None | str | Unset
        if isinstance(_src_source_id, Unset):
            source_id = UNSET
        else:
            source_id = _src_source_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if source_id is not UNSET:
            field_dict["source_id"] = source_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_source_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_id = _parse_source_id(d.pop("source_id", UNSET))

        knowledge_sync_trigger = cls(
            source_id=None if isinstance(source_id, Unset) else source_id,
        )

        knowledge_sync_trigger.additional_properties = d
        return knowledge_sync_trigger

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
