from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="ServerError")


@_attrs_define(repr=False, getstate_setstate=False)
class ServerError(Model):
    """MUXI Server error body; clients normalise code to error in UPPER_SNAKE (CONFLICT, NOT_FOUND), not the integer.

    Example:
        {'error': 'Conflict', 'message': "Formation 'my-bot' already exists. Use PUT to update.", 'code': 409}

    Attributes:
        error (str): HTTP status text (e.g. "Conflict", "Not Found", "Unauthorized").
        message (str): Human text.
        code (int): HTTP status as an integer.
    """

    error: str
    message: str
    code: int
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        error = self.error

        message = self.message

        code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "message": message,
                "code": code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = d.pop("error")

        message = d.pop("message")

        code = d.pop("code")

        server_error = cls(
            error=error,
            message=message,
            code=code,
        )

        server_error.additional_properties = d
        return server_error

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
