from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.chat_token_type import ChatTokenType, check_chat_token_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatToken")


@_attrs_define(repr=False, getstate_setstate=False)
class ChatToken(Model):
    """One runtime event inside a chat stream frame.

    Attributes:
        type_ (ChatTokenType): Token types the runtime sends today; others may appear and must be kept.
        content (JSON | None): A delta for `content`, the full final text for `completed`; any JSON otherwise.
        request_id (str | None): The id GET /v1/requests tracks the turn under.
        user_id (str | None):
        session_id (str | None):
        timestamp (float | None): Seconds since epoch (float).
        stage (str | None):
        status (str | None):
        processing_time_ms (float | None):
        stream_discontinuity (bool | None): On `completed`: discard the deltas seen so far.
    """

    type_: ChatTokenType
    content: JSON | None = None
    request_id: str | None = None
    user_id: str | None = None
    session_id: str | None = None
    timestamp: float | None = None
    stage: str | None = None
    status: str | None = None
    processing_time_ms: float | None = None
    stream_discontinuity: bool | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        type_: str = self.type_

        _src_content: JSON | Unset = UNSET if self.content is None else self.content
        content = _src_content

        _src_request_id: str | Unset = UNSET if self.request_id is None else self.request_id
        request_id = _src_request_id

        _src_user_id: str | Unset = UNSET if self.user_id is None else self.user_id
        user_id = _src_user_id

        _src_session_id: str | Unset = UNSET if self.session_id is None else self.session_id
        session_id = _src_session_id

        _src_timestamp: float | Unset = UNSET if self.timestamp is None else self.timestamp
        timestamp = _src_timestamp

        _src_stage: str | Unset = UNSET if self.stage is None else self.stage
        stage = _src_stage

        _src_status: str | Unset = UNSET if self.status is None else self.status
        status = _src_status

        _src_processing_time_ms: float | Unset = UNSET if self.processing_time_ms is None else self.processing_time_ms
        processing_time_ms = _src_processing_time_ms

        _src_stream_discontinuity: bool | Unset = (
            UNSET if self.stream_discontinuity is None else self.stream_discontinuity
        )
        stream_discontinuity = _src_stream_discontinuity

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
            content=None if isinstance(content, Unset) else content,
            request_id=None if isinstance(request_id, Unset) else request_id,
            user_id=None if isinstance(user_id, Unset) else user_id,
            session_id=None if isinstance(session_id, Unset) else session_id,
            timestamp=None if isinstance(timestamp, Unset) else timestamp,
            stage=None if isinstance(stage, Unset) else stage,
            status=None if isinstance(status, Unset) else status,
            processing_time_ms=None if isinstance(processing_time_ms, Unset) else processing_time_ms,
            stream_discontinuity=None if isinstance(stream_discontinuity, Unset) else stream_discontinuity,
        )

        chat_token.additional_properties = d
        return chat_token

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
