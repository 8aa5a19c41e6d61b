from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DistilleryWriteScope")


@_attrs_define
class DistilleryWriteScope:
    """What a distillery may write (the formation's defaults fill omitted keys).

    Attributes:
        user_ids (list[str] | str | Unset): "all", "pattern:<glob>", or a list of user ids.
        event_types (list[str] | Unset):
        max_events_per_day (int | Unset):
        max_batch_size (int | Unset):
    """

    user_ids: list[str] | str | Unset = UNSET
    event_types: list[str] | Unset = UNSET
    max_events_per_day: int | Unset = UNSET
    max_batch_size: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_ids: list[str] | str | Unset
        if isinstance(self.user_ids, Unset):
            user_ids = UNSET
        elif isinstance(self.user_ids, list):
            user_ids = self.user_ids

        else:
            user_ids = self.user_ids

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = self.event_types

        max_events_per_day = self.max_events_per_day

        max_batch_size = self.max_batch_size

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
            user_ids=user_ids,
            event_types=event_types,
            max_events_per_day=max_events_per_day,
            max_batch_size=max_batch_size,
        )

        distillery_write_scope.additional_properties = d
        return distillery_write_scope

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
