from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.broker_error_code import BrokerErrorCode, check_broker_error_code
from ..types import UNSET, Unset

T = TypeVar("T", bound="BrokerError")


@_attrs_define(repr=False, getstate_setstate=False)
class BrokerError(Model):
    """Broker error body (canonical choice); extra fields depend on the code.

    Attributes:
        error (BrokerErrorCode): Broker error code (canonical choice).
        message (str): Human text (the core's own message).
        field (str | None): The offending request field (400 errors).
    """

    error: BrokerErrorCode
    message: str
    field: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        error: str = self.error

        message = self.message

        _src_field: str | Unset = UNSET if self.field is None else self.field
        field = _src_field

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "message": message,
            }
        )
        if field is not UNSET:
            field_dict["field"] = field

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = check_broker_error_code(d.pop("error"))

        message = d.pop("message")

        field = d.pop("field", UNSET)

        broker_error = cls(
            error=error,
            message=message,
            field=None if isinstance(field, Unset) else field,
        )

        broker_error.additional_properties = d
        return broker_error

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
