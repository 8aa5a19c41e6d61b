from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.cancellation_kind import CancellationKind, check_cancellation_kind

T = TypeVar("T", bound="RequestCancellation")


@_attrs_define(repr=False, getstate_setstate=False)
class RequestCancellation(Model):
    """The outcome of cancelling a request.

    Attributes:
        request_id (str):
        status (str): Always cancelled.
        cancellation (CancellationKind): immediate (a background task was stopped) or cooperative (the turn stops at its
            next checkpoint).
        message (str):
    """

    request_id: str
    status: str
    cancellation: CancellationKind
    message: str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        request_id = self.request_id

        status = self.status

        cancellation: str = self.cancellation

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
                "status": status,
                "cancellation": cancellation,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        request_id = d.pop("request_id")

        status = d.pop("status")

        cancellation = check_cancellation_kind(d.pop("cancellation"))

        message = d.pop("message")

        request_cancellation = cls(
            request_id=request_id,
            status=status,
            cancellation=cancellation,
            message=message,
        )

        request_cancellation.additional_properties = d
        return request_cancellation

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
