from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.request_state import RequestState, check_request_state
from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestStatus")


@_attrs_define(repr=False, getstate_setstate=False)
class RequestStatus(Model):
    """A tracked request's state, with its result once completed.

    Attributes:
        request_id (str):
        user_id (None | str):
        status (RequestState): A request's state; others may appear and must be kept.
        progress (None | str): Progress text (e.g. "3/5 tasks"), when the runtime reports any.
        created_at (float | None | str): When the request started, in epoch seconds (a float).
        completed_at (float | None | str | None): When it ended, in epoch seconds (a float); absent while it runs.
        error (str | None): Present when the request failed.
        escalated (bool | None): Present (true) when a background retry chain took the request over.
        result (RequestStatusResultType1 | str | None): The answer's text for a completed request (an object for some
            background results).
        report (RequestStatusReportType1 | str | None): The give-up report of an escalated request that failed (an
            object, or its text).
    """

    request_id: str
    user_id: None | str
    status: RequestState
    progress: None | str
    created_at: float | None | str
    completed_at: float | None | str = None
    error: str | None = None
    escalated: bool | None = None
    result: RequestStatusResultType1 | str | None = None
    report: RequestStatusReportType1 | str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        request_id = self.request_id

        user_id: None | str
        user_id = self.user_id

        status: str = self.status

        progress: None | str
        progress = self.progress

        created_at: float | None | str
        created_at = self.created_at

        _src_completed_at: float | None | str | Unset = UNSET if self.completed_at is None else self.completed_at
        completed_at: float | None | str | Unset
        if isinstance(_src_completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = _src_completed_at

        _src_error: str | Unset = UNSET if self.error is None else self.error
        error = _src_error

        _src_escalated: bool | Unset = UNSET if self.escalated is None else self.escalated
        escalated = _src_escalated

        _src_result: RequestStatusResultType1 | str | Unset = UNSET if self.result is None else self.result
        result: dict[str, Any] | str | Unset
        if isinstance(_src_result, Unset):
            result = UNSET
        elif isinstance(_src_result, RequestStatusResultType1):
            result = _src_result.to_dict()
        else:
            result = _src_result

        _src_report: RequestStatusReportType1 | str | Unset = UNSET if self.report is None else self.report
        report: dict[str, Any] | str | Unset
        if isinstance(_src_report, Unset):
            report = UNSET
        elif isinstance(_src_report, RequestStatusReportType1):
            report = _src_report.to_dict()
        else:
            report = _src_report

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
                "user_id": user_id,
                "status": status,
                "progress": progress,
                "created_at": created_at,
            }
        )
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
        request_id = d.pop("request_id")

        def _parse_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_id = _parse_user_id(d.pop("user_id"))

        status = check_request_state(d.pop("status"))

        def _parse_progress(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        progress = _parse_progress(d.pop("progress"))

        def _parse_created_at(data: object) -> float | None | str:
            if data is None:
                return data
            return cast(float | None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_completed_at(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        error = d.pop("error", UNSET)

        escalated = d.pop("escalated", UNSET)

        def _parse_result(data: object) -> RequestStatusResultType1 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_1 = RequestStatusResultType1.from_dict(data)

                return result_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(RequestStatusResultType1 | str | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_report(data: object) -> RequestStatusReportType1 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                report_type_1 = RequestStatusReportType1.from_dict(data)

                return report_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(RequestStatusReportType1 | str | Unset, data)

        report = _parse_report(d.pop("report", UNSET))

        request_status = cls(
            request_id=request_id,
            user_id=user_id,
            status=status,
            progress=progress,
            created_at=created_at,
            completed_at=None if isinstance(completed_at, Unset) else completed_at,
            error=None if isinstance(error, Unset) else error,
            escalated=None if isinstance(escalated, Unset) else escalated,
            result=None if isinstance(result, Unset) else result,
            report=None if isinstance(report, Unset) else report,
        )

        request_status.additional_properties = d
        return request_status

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
from ..models.request_status_report_type_1 import RequestStatusReportType1
from ..models.request_status_result_type_1 import RequestStatusResultType1
