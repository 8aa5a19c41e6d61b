from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="CancelUpdateResult")


@_attrs_define(repr=False, getstate_setstate=False)
class CancelUpdateResult(Model):
    """Bare body (no envelope) of cancel-update.

    Attributes:
        message (str): Human text.
        formation_id (str): Formation id.
        staging_port (int): Port of the stopped staging process.
        status (str): Status after the cancellation.
        current_port (int): Port still serving the current version.
    """

    message: str
    formation_id: str
    staging_port: int
    status: str
    current_port: int
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        message = self.message

        formation_id = self.formation_id

        staging_port = self.staging_port

        status = self.status

        current_port = self.current_port

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "formation_id": formation_id,
                "staging_port": staging_port,
                "status": status,
                "current_port": current_port,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message = d.pop("message")

        formation_id = d.pop("formation_id")

        staging_port = d.pop("staging_port")

        status = d.pop("status")

        current_port = d.pop("current_port")

        cancel_update_result = cls(
            message=message,
            formation_id=formation_id,
            staging_port=staging_port,
            status=status,
            current_port=current_port,
        )

        cancel_update_result.additional_properties = d
        return cancel_update_result

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
