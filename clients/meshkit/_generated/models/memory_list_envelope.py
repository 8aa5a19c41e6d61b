from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryListEnvelope")


@_attrs_define
class MemoryListEnvelope:
    """The MUXI success envelope around MemoryList.

    Attributes:
        success (bool):
        data (MemoryList): A page of the memories a user can read, newest first.
        object_ (str | Unset):
        timestamp (int | Unset): Server time in milliseconds since epoch.
        type_ (str | Unset):
        request (MuxiRequestInfo | Unset): Request information carried by every formation envelope.
        error (None | Unset):
    """

    success: bool
    data: MemoryList
    object_: str | Unset = UNSET
    timestamp: int | Unset = UNSET
    type_: str | Unset = UNSET
    request: MuxiRequestInfo | Unset = UNSET
    error: None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        data = self.data.to_dict()

        object_ = self.object_

        timestamp = self.timestamp

        type_ = self.type_

        request: dict[str, Any] | Unset = UNSET
        if not isinstance(self.request, Unset):
            request = self.request.to_dict()

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "data": data,
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
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        data = MemoryList.from_dict(d.pop("data"))

        object_ = d.pop("object", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        type_ = d.pop("type", UNSET)

        _request = d.pop("request", UNSET)
        request: MuxiRequestInfo | Unset
        if isinstance(_request, Unset):
            request = UNSET
        else:
            request = MuxiRequestInfo.from_dict(_request)

        error = d.pop("error", UNSET)

        memory_list_envelope = cls(
            success=success,
            data=data,
            object_=object_,
            timestamp=timestamp,
            type_=type_,
            request=request,
            error=error,
        )

        memory_list_envelope.additional_properties = d
        return memory_list_envelope

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
from ..models.memory_list import MemoryList
from ..models.muxi_request_info import MuxiRequestInfo
