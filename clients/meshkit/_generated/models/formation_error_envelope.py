from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FormationErrorEnvelope")


@_attrs_define
class FormationErrorEnvelope:
    """Every formation error — the success envelope with `success:false` and an `error` object.

    Example:
        {'object': 'error', 'timestamp': 1700000000123, 'type': 'error.not_found', 'request': {'id': 'req_9d1e',
            'idempotency_key': None}, 'success': False, 'error': {'code': 'RESOURCE_NOT_FOUND', 'message': "Agent 'nobody'
            not found", 'data': None}, 'data': {}}

    Attributes:
        success (bool):
        error (FormationErrorDetail):
        object_ (str | Unset):
        timestamp (int | Unset):
        type_ (str | Unset): error.validation, error.authentication, error.not_found…
        request (MuxiRequestInfo | Unset): Request information carried by every formation envelope.
        data (FormationErrorEnvelopeData | Unset):
    """

    success: bool
    error: FormationErrorDetail
    object_: str | Unset = UNSET
    timestamp: int | Unset = UNSET
    type_: str | Unset = UNSET
    request: MuxiRequestInfo | Unset = UNSET
    data: FormationErrorEnvelopeData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        error = self.error.to_dict()

        object_ = self.object_

        timestamp = self.timestamp

        type_ = self.type_

        request: dict[str, Any] | Unset = UNSET
        if not isinstance(self.request, Unset):
            request = self.request.to_dict()

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "error": error,
            }
        )
        if object_ is not UNSET:
            field_dict["object"] = object_
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if type_ is not UNSET:
            field_dict["type"] = type_
        if request is not UNSET:
            field_dict["request"] = request
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        error = FormationErrorDetail.from_dict(d.pop("error"))

        object_ = d.pop("object", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        type_ = d.pop("type", UNSET)

        _request = d.pop("request", UNSET)
        request: MuxiRequestInfo | Unset
        if isinstance(_request, Unset):
            request = UNSET
        else:
            request = MuxiRequestInfo.from_dict(_request)

        _data = d.pop("data", UNSET)
        data: FormationErrorEnvelopeData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = FormationErrorEnvelopeData.from_dict(_data)

        formation_error_envelope = cls(
            success=success,
            error=error,
            object_=object_,
            timestamp=timestamp,
            type_=type_,
            request=request,
            data=data,
        )

        formation_error_envelope.additional_properties = d
        return formation_error_envelope

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
from ..models.formation_error_detail import FormationErrorDetail
from ..models.formation_error_envelope_data import FormationErrorEnvelopeData
from ..models.muxi_request_info import MuxiRequestInfo
