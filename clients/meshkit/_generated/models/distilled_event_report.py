from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.distilled_event_report_disposition import (
    DistilledEventReportDisposition,
    check_distilled_event_report_disposition,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="DistilledEventReport")


@_attrs_define(repr=False, getstate_setstate=False)
class DistilledEventReport(Model):
    """What the projection job did with one distilled event.

    Attributes:
        index (int | None):
        event_id (str | None):
        event_type (str | None):
        user_id (str | None):
        disposition (DistilledEventReportDisposition | None):
        error (str | None):
    """

    index: int | None = None
    event_id: str | None = None
    event_type: str | None = None
    user_id: str | None = None
    disposition: DistilledEventReportDisposition | None = None
    error: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_index: int | Unset = UNSET if self.index is None else self.index
        index = _src_index

        _src_event_id: str | Unset = UNSET if self.event_id is None else self.event_id
        event_id = _src_event_id

        _src_event_type: str | Unset = UNSET if self.event_type is None else self.event_type
        event_type = _src_event_type

        _src_user_id: str | Unset = UNSET if self.user_id is None else self.user_id
        user_id = _src_user_id

        _src_disposition: DistilledEventReportDisposition | Unset = (
            UNSET if self.disposition is None else self.disposition
        )
        disposition: str | Unset = UNSET
        if not isinstance(_src_disposition, Unset):
            disposition = _src_disposition

        _src_error: str | Unset = UNSET if self.error is None else self.error
        error = _src_error

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
            index=None if isinstance(index, Unset) else index,
            event_id=None if isinstance(event_id, Unset) else event_id,
            event_type=None if isinstance(event_type, Unset) else event_type,
            user_id=None if isinstance(user_id, Unset) else user_id,
            disposition=None if isinstance(disposition, Unset) else disposition,
            error=None if isinstance(error, Unset) else error,
        )

        distilled_event_report.additional_properties = d
        return distilled_event_report

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
