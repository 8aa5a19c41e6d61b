from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.formation_status import FormationStatus, check_formation_status

T = TypeVar("T", bound="StopResult")


@_attrs_define(repr=False, getstate_setstate=False)
class StopResult(Model):
    """Data of a stop.

    Attributes:
        id (str): Formation id.
        status (FormationStatus): Formation process status (a live health check can turn running into unhealthy).
        message (str): Human text.
    """

    id: str
    status: FormationStatus
    message: str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        status: str = self.status

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_formation_status(d.pop("status"))

        message = d.pop("message")

        stop_result = cls(
            id=id,
            status=status,
            message=message,
        )

        stop_result.additional_properties = d
        return stop_result

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
