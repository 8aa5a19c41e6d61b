from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestStatus")


@_attrs_define
class RequestStatus:
    """
    Attributes:
        request_id (str | Unset):
        user_id (str | Unset):
        status (str | Unset): processing, completed, failed, cancelled… (open).
        progress (Any | Unset): Progress information (number or object).
        created_at (None | str | Unset):
        completed_at (None | str | Unset):
        error (Any | Unset): Error text or object.
        escalated (bool | None | Unset):
        result (Any | Unset): A string or object (completed requests).
        report (None | RequestReport | Unset):
    """

    request_id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    status: str | Unset = UNSET
    progress: Any | Unset = UNSET
    created_at: None | str | Unset = UNSET
    completed_at: None | str | Unset = UNSET
    error: Any | Unset = UNSET
    escalated: bool | None | Unset = UNSET
    result: Any | Unset = UNSET
    report: None | RequestReport | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        user_id = self.user_id

        status = self.status

        progress = self.progress

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        error = self.error

        escalated: bool | None | Unset
        if isinstance(self.escalated, Unset):
            escalated = UNSET
        else:
            escalated = self.escalated

        result = self.result

        report: dict[str, Any] | None | Unset
        if isinstance(self.report, Unset):
            report = UNSET
        elif isinstance(self.report, RequestReport):
            report = self.report.to_dict()
        else:
            report = self.report

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if status is not UNSET:
            field_dict["status"] = status
        if progress is not UNSET:
            field_dict["progress"] = progress
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if error is not UNSET:
            field_dict["error"] = error
        if escalated is not UNSET:
            field_dict["escalated"] = escalated
        if result is not UNSET:
            field_dict["result"] = result
        if report is not UNSET:
            field_dict["report"] = report

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        request_id = d.pop("request_id", UNSET)

        user_id = d.pop("user_id", UNSET)

        status = d.pop("status", UNSET)

        progress = d.pop("progress", UNSET)

        def _parse_created_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        error = d.pop("error", UNSET)

        def _parse_escalated(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        escalated = _parse_escalated(d.pop("escalated", UNSET))

        result = d.pop("result", UNSET)

        def _parse_report(data: object) -> None | RequestReport | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                report_type_0 = RequestReport.from_dict(data)

                return report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RequestReport | Unset, data)

        report = _parse_report(d.pop("report", UNSET))

        request_status = cls(
            request_id=request_id,
            user_id=user_id,
            status=status,
            progress=progress,
            created_at=created_at,
            completed_at=completed_at,
            error=error,
            escalated=escalated,
            result=result,
            report=report,
        )

        request_status.additional_properties = d
        return request_status

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


# Referenced models, imported once the classes above exist (import cycles resolve).
from ..models.request_report import RequestReport
