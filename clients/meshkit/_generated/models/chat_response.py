from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="ChatResponse")


@_attrs_define(repr=False, getstate_setstate=False)
class ChatResponse(Model):
    """Blocking chat (`"stream": false`) result.

    Example:
        {'message': {'role': 'assistant', 'content': 'You said: Hello!', 'artifacts': None, 'metadata': {'session_id':
            'sess_1'}}, 'user_id': '0', 'session_id': 'sess_1', 'request_id': 'req_7f3a'}

    Attributes:
        message (ChatMessage): The assistant's answer message.
        user_id (str): The effective user.
        session_id (None | str): The session of the turn (chat: generated when the request named none; audio chat: the
            request's own, so null when it named none, and message.metadata.session_id holds it).
        request_id (None | str): The request body's request_id echoed (null when the body had none). A chat is tracked
            by GET /v1/requests under that id when given, else under an id the runtime generates and does not return here;
            the envelope's request.id is the HTTP request's id, another one.
    """

    message: ChatMessage
    user_id: str
    session_id: None | str
    request_id: None | str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        message = self.message.to_dict()

        user_id = self.user_id

        session_id: None | str
        session_id = self.session_id

        request_id: None | str
        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "user_id": user_id,
                "session_id": session_id,
                "request_id": request_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message = ChatMessage.from_dict(d.pop("message"))

        user_id = d.pop("user_id")

        def _parse_session_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        session_id = _parse_session_id(d.pop("session_id"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        chat_response = cls(
            message=message,
            user_id=user_id,
            session_id=session_id,
            request_id=request_id,
        )

        chat_response.additional_properties = d
        return chat_response

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
from ..models.chat_message import ChatMessage
