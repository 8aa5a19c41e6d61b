from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="McpServerListEnvelope")


@_attrs_define(repr=False, getstate_setstate=False)
class McpServerListEnvelope(Model):
    """The MUXI success envelope around McpServerList.

    Attributes:
        success (bool):
        data (McpServerList): The formation's MCP servers.
        object_ (str | None):
        timestamp (int | None): Server time in milliseconds since epoch.
        type_ (str | None):
        request (MuxiRequestInfo | None): Request information carried by every formation envelope.
        error (None):
    """

    success: bool
    data: McpServerList
    object_: str | None = None
    timestamp: int | None = None
    type_: str | None = None
    request: MuxiRequestInfo | None = None
    error: None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        success = self.success

        data = self.data.to_dict()

        _src_object_: str | Unset = UNSET if self.object_ is None else self.object_
        object_ = _src_object_

        _src_timestamp: int | Unset = UNSET if self.timestamp is None else self.timestamp
        timestamp = _src_timestamp

        _src_type_: str | Unset = UNSET if self.type_ is None else self.type_
        type_ = _src_type_

        _src_request: MuxiRequestInfo | Unset = UNSET if self.request is None else self.request
        request: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_request, Unset):
            request = _src_request.to_dict()

        _src_error: None | Unset = UNSET if self.error is None else self.error
        error = _src_error

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

        data = McpServerList.from_dict(d.pop("data"))

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

        mcp_server_list_envelope = cls(
            success=success,
            data=data,
            object_=None if isinstance(object_, Unset) else object_,
            timestamp=None if isinstance(timestamp, Unset) else timestamp,
            type_=None if isinstance(type_, Unset) else type_,
            request=None if isinstance(request, Unset) else request,
            error=None if isinstance(error, Unset) else error,
        )

        mcp_server_list_envelope.additional_properties = d
        return mcp_server_list_envelope

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
from ..models.mcp_server_list import McpServerList
from ..models.muxi_request_info import MuxiRequestInfo
