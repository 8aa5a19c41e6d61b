from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="LogLineEvent")


@_attrs_define(repr=False, getstate_setstate=False)
class LogLineEvent(Model):
    """Data of an SSE "log" event (one line appended after the connection opened).

    Example:
        {'line': 'Listening on port 8001', 'formation_id': 'my-bot'}

    Attributes:
        line (str): The log line, without newline.
        formation_id (str): Formation id.
    """

    line: str
    formation_id: str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        line = self.line

        formation_id = self.formation_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "line": line,
                "formation_id": formation_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        line = d.pop("line")

        formation_id = d.pop("formation_id")

        log_line_event = cls(
            line=line,
            formation_id=formation_id,
        )

        log_line_event.additional_properties = d
        return log_line_event

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
