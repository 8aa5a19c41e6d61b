from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="DistilleryWriteScope")


@_attrs_define(repr=False, getstate_setstate=False)
class DistilleryWriteScope(Model):
    """What a distillery may write (the formation's defaults fill omitted keys).

    Attributes:
        user_ids (list[str] | str | None): "all", "pattern:<glob>", or a list of user ids.
        event_types (list[str] | None):
        max_events_per_day (int | None):
        max_batch_size (int | None):
    """

    user_ids: list[str] | str | None = None
    event_types: list[str] | None = None
    max_events_per_day: int | None = None
    max_batch_size: int | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_user_ids: list[str] | str | Unset = UNSET if self.user_ids is None else self.user_ids
        user_ids: list[str] | str | Unset
        if isinstance(_src_user_ids, Unset):
            user_ids = UNSET
        elif isinstance(_src_user_ids, list):
            user_ids = _src_user_ids

        else:
            user_ids = _src_user_ids

        _src_event_types: list[str] | Unset = UNSET if self.event_types is None else self.event_types
        event_types: list[str] | Unset = UNSET
        if not isinstance(_src_event_types, Unset):
            event_types = _src_event_types

        _src_max_events_per_day: int | Unset = UNSET if self.max_events_per_day is None else self.max_events_per_day
        max_events_per_day = _src_max_events_per_day

        _src_max_batch_size: int | Unset = UNSET if self.max_batch_size is None else self.max_batch_size
        max_batch_size = _src_max_batch_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user_ids is not UNSET:
            field_dict["user_ids"] = user_ids
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if max_events_per_day is not UNSET:
            field_dict["max_events_per_day"] = max_events_per_day
        if max_batch_size is not UNSET:
            field_dict["max_batch_size"] = max_batch_size

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_user_ids(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                user_ids_type_1 = cast(list[str], data)

                return user_ids_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        user_ids = _parse_user_ids(d.pop("user_ids", UNSET))

        event_types = cast(list[str], d.pop("event_types", UNSET))

        max_events_per_day = d.pop("max_events_per_day", UNSET)

        max_batch_size = d.pop("max_batch_size", UNSET)

        distillery_write_scope = cls(
            user_ids=None if isinstance(user_ids, Unset) else user_ids,
            event_types=None if isinstance(event_types, Unset) else event_types,
            max_events_per_day=None if isinstance(max_events_per_day, Unset) else max_events_per_day,
            max_batch_size=None if isinstance(max_batch_size, Unset) else max_batch_size,
        )

        distillery_write_scope.additional_properties = d
        return distillery_write_scope

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
