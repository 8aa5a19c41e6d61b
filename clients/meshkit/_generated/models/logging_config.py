from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="LoggingConfig")


@_attrs_define(repr=False, getstate_setstate=False)
class LoggingConfig(Model):
    """The logging section of the formation file, as written (empty when the file has none). Free-form beyond the typed
    keys: the formation file decides them.

        Attributes:
            system (LoggingConfigSystem | None): Free-form: the formation file's logging.system (level, destination).
            conversation (LoggingConfigConversation | None): Free-form: the formation file's logging.conversation
                (streams…).
    """

    system: LoggingConfigSystem | None = None
    conversation: LoggingConfigConversation | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_system: LoggingConfigSystem | Unset = UNSET if self.system is None else self.system
        system: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_system, Unset):
            system = _src_system.to_dict()

        _src_conversation: LoggingConfigConversation | Unset = UNSET if self.conversation is None else self.conversation
        conversation: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_conversation, Unset):
            conversation = _src_conversation.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if system is not UNSET:
            field_dict["system"] = system
        if conversation is not UNSET:
            field_dict["conversation"] = conversation

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _system = d.pop("system", UNSET)
        system: LoggingConfigSystem | Unset
        if isinstance(_system, Unset):
            system = UNSET
        else:
            system = LoggingConfigSystem.from_dict(_system)

        _conversation = d.pop("conversation", UNSET)
        conversation: LoggingConfigConversation | Unset
        if isinstance(_conversation, Unset):
            conversation = UNSET
        else:
            conversation = LoggingConfigConversation.from_dict(_conversation)

        logging_config = cls(
            system=None if isinstance(system, Unset) else system,
            conversation=None if isinstance(conversation, Unset) else conversation,
        )

        logging_config.additional_properties = d
        return logging_config

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
from ..models.logging_config_conversation import LoggingConfigConversation
from ..models.logging_config_system import LoggingConfigSystem
