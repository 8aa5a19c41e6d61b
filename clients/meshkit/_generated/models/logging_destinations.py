from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="LoggingDestinations")


@_attrs_define(repr=False, getstate_setstate=False)
class LoggingDestinations(Model):
    """Where the formation logs - the system destination and the conversation streams.

    Attributes:
        system (LoggingSystemDestination): Where the runtime's own (system) events go.
        conversation (LoggingConversationDestinations): The formation's conversation event streams.
    """

    system: LoggingSystemDestination
    conversation: LoggingConversationDestinations
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        system = self.system.to_dict()

        conversation = self.conversation.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "system": system,
                "conversation": conversation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        system = LoggingSystemDestination.from_dict(d.pop("system"))

        conversation = LoggingConversationDestinations.from_dict(d.pop("conversation"))

        logging_destinations = cls(
            system=system,
            conversation=conversation,
        )

        logging_destinations.additional_properties = d
        return logging_destinations

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
from ..models.logging_conversation_destinations import LoggingConversationDestinations
from ..models.logging_system_destination import LoggingSystemDestination
