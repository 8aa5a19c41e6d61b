from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.chat_token_type import ChatTokenType, check_chat_token_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatToken")


@_attrs_define
class ChatToken:
    """One runtime event inside a chat stream frame.

    Attributes:
        type_ (ChatTokenType): Token types the runtime sends today; others may appear and must be kept.
        content (Any | Unset): A delta for `content`, the full final text for `completed`; any JSON otherwise.
        request_id (str | Unset): The id GET /v1/requests tracks the turn under.
        user_id (str | Unset):
        session_id (str | Unset):
        timestamp (float | Unset): Seconds since epoch (float).
        stage (str | Unset):
        status (str | Unset):
        processing_time_ms (float | Unset):
        stream_discontinuity (bool | Unset): On `completed`: discard the deltas seen so far.
    """

    type_: ChatTokenType
    content: Any | Unset = UNSET
    request_id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    session_id: str | Unset = UNSET
    timestamp: float | Unset = UNSET
    stage: str | Unset = UNSET
    status: str | Unset = UNSET
    processing_time_ms: float | Unset = UNSET
    stream_discontinuity: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str = self.type_

        content = self.content

        request_id = self.request_id

        user_id = self.user_id

        session_id = self.session_id

        timestamp = self.timestamp

        stage = self.stage

        status = self.status

        processing_time_ms = self.processing_time_ms

        stream_discontinuity = self.stream_discontinuity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if content is not UNSET:
            field_dict["content"] = content
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if stage is not UNSET:
            field_dict["stage"] = stage
        if status is not UNSET:
            field_dict["status"] = status
        if processing_time_ms is not UNSET:
            field_dict["processing_time_ms"] = processing_time_ms
        if stream_discontinuity is not UNSET:
            field_dict["stream_discontinuity"] = stream_discontinuity

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = check_chat_token_type(d.pop("type"))

        content = d.pop("content", UNSET)

        request_id = d.pop("request_id", UNSET)

        user_id = d.pop("user_id", UNSET)

        session_id = d.pop("session_id", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        stage = d.pop("stage", UNSET)

        status = d.pop("status", UNSET)

        processing_time_ms = d.pop("processing_time_ms", UNSET)

        stream_discontinuity = d.pop("stream_discontinuity", UNSET)

        chat_token = cls(
            type_=type_,
            content=content,
            request_id=request_id,
            user_id=user_id,
            session_id=session_id,
            timestamp=timestamp,
            stage=stage,
            status=status,
            processing_time_ms=processing_time_ms,
            stream_discontinuity=stream_discontinuity,
        )

        chat_token.additional_properties = d
        return chat_token

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
