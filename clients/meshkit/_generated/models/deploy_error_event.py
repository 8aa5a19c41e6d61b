from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeployErrorEvent")


@_attrs_define(repr=False, getstate_setstate=False)
class DeployErrorEvent(Model):
    """Data of an SSE "error" event; its error value is the error code, verbatim; the server then closes the stream.

    Example:
        {'error': 'HealthCheckFailed', 'message': 'Health check failed', 'stage': 'health_check'}

    Attributes:
        error (str): Error type, e.g. NotFound, AlreadyRunning, NoChange, HealthCheckFailed, ExtractError,
            VersionMismatch.
        message (str): Human text.
        stage (str): Stage at which the operation failed.
        details (DeployErrorEventDetails | None): Optional details.
    """

    error: str
    message: str
    stage: str
    details: DeployErrorEventDetails | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        error = self.error

        message = self.message

        stage = self.stage

        _src_details: DeployErrorEventDetails | Unset = UNSET if self.details is None else self.details
        details: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_details, Unset):
            details = _src_details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "message": message,
                "stage": stage,
            }
        )
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = d.pop("error")

        message = d.pop("message")

        stage = d.pop("stage")

        _details = d.pop("details", UNSET)
        details: DeployErrorEventDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = DeployErrorEventDetails.from_dict(_details)

        deploy_error_event = cls(
            error=error,
            message=message,
            stage=stage,
            details=None if isinstance(details, Unset) else details,
        )

        deploy_error_event.additional_properties = d
        return deploy_error_event

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
from ..models.deploy_error_event_details import DeployErrorEventDetails
