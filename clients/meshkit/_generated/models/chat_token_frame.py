from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="ChatTokenFrame")


@_attrs_define(repr=False, getstate_setstate=False)
class ChatTokenFrame(Model):
    """A `data:` frame of a chat stream (event name `message`). Older runtimes send a bare string token.

    Example:
        {'token': {'request_id': 'req_1', 'user_id': 'u1', 'session_id': 's1', 'type': 'content', 'content': 'Hel',
            'timestamp': 1700000000.9, 'stage': 'response_generation'}}

    Attributes:
        token (ChatToken | str):
    """

    token: ChatToken | str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        token: dict[str, Any] | str
        if isinstance(self.token, ChatToken):
            token = self.token.to_dict()
        else:
            token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "token": token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_token(data: object) -> ChatToken | str:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                token_type_0 = ChatToken.from_dict(data)

                return token_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatToken | str, data)

        token = _parse_token(d.pop("token"))

        chat_token_frame = cls(
            token=token,
        )

        chat_token_frame.additional_properties = d
        return chat_token_frame

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
from ..models.chat_token import ChatToken
