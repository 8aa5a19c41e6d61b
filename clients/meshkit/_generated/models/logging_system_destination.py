from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="LoggingSystemDestination")


@_attrs_define(repr=False, getstate_setstate=False)
class LoggingSystemDestination(Model):
    """Where the runtime's own (system) events go.

    Attributes:
        level (str): debug unless the formation file sets logging.system.level.
        destination (str): stdout unless the formation file sets logging.system.destination.
    """

    level: str
    destination: str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        level = self.level

        destination = self.destination

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "level": level,
                "destination": destination,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        level = d.pop("level")

        destination = d.pop("destination")

        logging_system_destination = cls(
            level=level,
            destination=destination,
        )

        logging_system_destination.additional_properties = d
        return logging_system_destination

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
