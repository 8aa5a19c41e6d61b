from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.distilled_event_report_disposition import (
    DistilledEventReportDisposition,
    check_distilled_event_report_disposition,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="DistilledEventReport")


@_attrs_define
class DistilledEventReport:
    """What the projection job did with one distilled event.

    Attributes:
        index (int | Unset):
        event_id (str | Unset):
        event_type (str | Unset):
        user_id (str | Unset):
        disposition (DistilledEventReportDisposition | Unset):
        error (str | Unset):
    """

    index: int | Unset = UNSET
    event_id: str | Unset = UNSET
    event_type: str | Unset = UNSET
    user_id: str | Unset = UNSET
    disposition: DistilledEventReportDisposition | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        event_id = self.event_id

        event_type = self.event_type

        user_id = self.user_id

        disposition: str | Unset = UNSET
        if not isinstance(self.disposition, Unset):
            disposition = self.disposition

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if index is not UNSET:
            field_dict["index"] = index
        if event_id is not UNSET:
            field_dict["event_id"] = event_id
        if event_type is not UNSET:
            field_dict["event_type"] = event_type
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if disposition is not UNSET:
            field_dict["disposition"] = disposition
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        index = d.pop("index", UNSET)

        event_id = d.pop("event_id", UNSET)

        event_type = d.pop("event_type", UNSET)

        user_id = d.pop("user_id", UNSET)

        _disposition = d.pop("disposition", UNSET)
        disposition: DistilledEventReportDisposition | Unset
        if isinstance(_disposition, Unset):
            disposition = UNSET
        else:
            disposition = check_distilled_event_report_disposition(_disposition)

        error = d.pop("error", UNSET)

        distilled_event_report = cls(
            index=index,
            event_id=event_id,
            event_type=event_type,
            user_id=user_id,
            disposition=disposition,
            error=error,
        )

        distilled_event_report.additional_properties = d
        return distilled_event_report

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
