from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="LoggingDestination")


@_attrs_define(repr=False, getstate_setstate=False)
class LoggingDestination(Model):
    """One conversation event stream of the formation file.

    Attributes:
        id (str): The stream's id (dest-<index> when the file gives none).
        transport (str): stdout, file or stream.
        level (str):
        format_ (str): text or jsonl.
        enabled (bool):
        destination (str | None): The file path or URL (file and stream transports).
    """

    id: str
    transport: str
    level: str
    format_: str
    enabled: bool
    destination: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        transport = self.transport

        level = self.level

        format_ = self.format_

        enabled = self.enabled

        _src_destination: str | Unset = UNSET if self.destination is None else self.destination
        destination = _src_destination

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "transport": transport,
                "level": level,
                "format": format_,
                "enabled": enabled,
            }
        )
        if destination is not UNSET:
            field_dict["destination"] = destination

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        transport = d.pop("transport")

        level = d.pop("level")

        format_ = d.pop("format")

        enabled = d.pop("enabled")

        destination = d.pop("destination", UNSET)

        logging_destination = cls(
            id=id,
            transport=transport,
            level=level,
            format_=format_,
            enabled=enabled,
            destination=None if isinstance(destination, Unset) else destination,
        )

        logging_destination.additional_properties = d
        return logging_destination

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
