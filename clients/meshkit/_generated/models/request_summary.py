from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.request_state import RequestState, check_request_state
from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestSummary")


@_attrs_define(repr=False, getstate_setstate=False)
class RequestSummary(Model):
    """A tracked request, as listed.

    Attributes:
        request_id (str):
        user_id (None | str):
        status (RequestState): A request's state; others may appear and must be kept.
        progress (None | str): Progress text (e.g. "3/5 tasks"), when the runtime reports any.
        created_at (float | None | str): When the request started, in epoch seconds (a float).
        completed_at (float | None | str): When it ended, in epoch seconds (a float); null while it runs.
        error (str | None): Present when the request failed.
    """

    request_id: str
    user_id: None | str
    status: RequestState
    progress: None | str
    created_at: float | None | str
    completed_at: float | None | str
    error: str | None = None
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

        completed_at: float | None | str
        completed_at = self.completed_at

        _src_error: str | Unset = UNSET if self.error is None else self.error
        error = _src_error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
                "user_id": user_id,
                "status": status,
                "progress": progress,
                "created_at": created_at,
                "completed_at": completed_at,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

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

        def _parse_completed_at(data: object) -> float | None | str:
            if data is None:
                return data
            return cast(float | None | str, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        error = d.pop("error", UNSET)

        request_summary = cls(
            request_id=request_id,
            user_id=user_id,
            status=status,
            progress=progress,
            created_at=created_at,
            completed_at=completed_at,
            error=None if isinstance(error, Unset) else error,
        )

        request_summary.additional_properties = d
        return request_summary

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
