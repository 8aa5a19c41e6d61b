from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="AuditEntry")


@_attrs_define(repr=False, getstate_setstate=False)
class AuditEntry(Model):
    """One recorded administrative action.

    Attributes:
        timestamp (str): When, as an ISO 8601 string in UTC.
        request_id (None | str):
        action (str): What was done, for example audit.cleared.
        resource_type (str):
        resource_id (str):
        user (str):
        ip (None | str):
        result (str): success or error.
        status_code (int):
        message (str):
        data (AuditEntryData | None): Details of the action (audit.cleared has previous_entries_count).
    """

    timestamp: str
    request_id: None | str
    action: str
    resource_type: str
    resource_id: str
    user: str
    ip: None | str
    result: str
    status_code: int
    message: str
    data: AuditEntryData | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        timestamp = self.timestamp

        request_id: None | str
        request_id = self.request_id

        action = self.action

        resource_type = self.resource_type

        resource_id = self.resource_id

        user = self.user

        ip: None | str
        ip = self.ip

        result = self.result

        status_code = self.status_code

        message = self.message

        _src_data: AuditEntryData | Unset = UNSET if self.data is None else self.data
        data: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_data, Unset):
            data = _src_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "timestamp": timestamp,
                "request_id": request_id,
                "action": action,
                "resource_type": resource_type,
                "resource_id": resource_id,
                "user": user,
                "ip": ip,
                "result": result,
                "status_code": status_code,
                "message": message,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        timestamp = d.pop("timestamp")

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        action = d.pop("action")

        resource_type = d.pop("resource_type")

        resource_id = d.pop("resource_id")

        user = d.pop("user")

        def _parse_ip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ip = _parse_ip(d.pop("ip"))

        result = d.pop("result")

        status_code = d.pop("status_code")

        message = d.pop("message")

        _data = d.pop("data", UNSET)
        data: AuditEntryData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = AuditEntryData.from_dict(_data)

        audit_entry = cls(
            timestamp=timestamp,
            request_id=request_id,
            action=action,
            resource_type=resource_type,
            resource_id=resource_id,
            user=user,
            ip=ip,
            result=result,
            status_code=status_code,
            message=message,
            data=None if isinstance(data, Unset) else data,
        )

        audit_entry.additional_properties = d
        return audit_entry

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
from ..models.audit_entry_data import AuditEntryData
