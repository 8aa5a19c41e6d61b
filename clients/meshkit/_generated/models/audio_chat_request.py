from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="AudioChatRequest")


@_attrs_define(repr=False, getstate_setstate=False)
class AudioChatRequest(Model):
    """Model for audio chat requests (voice notes).

    The audio is transcribed first, then the transcription is used as the user's message.
    Only audio/* MIME types are accepted.

        Attributes:
            files (list[AudioFile]):
            user_id (None | str):
            agent_id (None | str):
            session_id (None | str):
            request_id (None | str):
            stream (bool | None):  Default: True.
    """

    files: list[AudioFile]
    user_id: None | str = None
    agent_id: None | str = None
    session_id: None | str = None
    request_id: None | str = None
    stream: bool | None = True
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_dict()
            files.append(files_item)

        _src_user_id: None | str | Unset = UNSET if self.user_id is None else self.user_id
        user_id: None | str | Unset
        if isinstance(_src_user_id, Unset):
            user_id = UNSET
        else:
            user_id = _src_user_id

        _src_agent_id: None | str | Unset = UNSET if self.agent_id is None else self.agent_id
        agent_id: None | str | Unset
        if isinstance(_src_agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = _src_agent_id

        _src_session_id: None | str | Unset = UNSET if self.session_id is None else self.session_id
        session_id: None | str | Unset
        if isinstance(_src_session_id, Unset):
            session_id = UNSET
        else:
            session_id = _src_session_id

        _src_request_id: None | str | Unset = UNSET if self.request_id is None else self.request_id
        request_id: None | str | Unset
        if isinstance(_src_request_id, Unset):
            request_id = UNSET
        else:
            request_id = _src_request_id

        _src_stream: bool | None | Unset = UNSET if self.stream is None else self.stream
        stream: bool | None | Unset
        if isinstance(_src_stream, Unset):
            stream = UNSET
        else:
            stream = _src_stream

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "files": files,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if stream is not UNSET:
            field_dict["stream"] = stream

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        files = []
        _files = d.pop("files")
        for files_item_data in _files:
            files_item = AudioFile.from_dict(files_item_data)

            files.append(files_item)

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        def _parse_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_id = _parse_agent_id(d.pop("agent_id", UNSET))

        def _parse_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        def _parse_stream(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        stream = _parse_stream(d.pop("stream", UNSET))

        audio_chat_request = cls(
            files=files,
            user_id=None if isinstance(user_id, Unset) else user_id,
            agent_id=None if isinstance(agent_id, Unset) else agent_id,
            session_id=None if isinstance(session_id, Unset) else session_id,
            request_id=None if isinstance(request_id, Unset) else request_id,
            stream=True if isinstance(stream, Unset) else stream,
        )

        audio_chat_request.additional_properties = d
        return audio_chat_request

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
from ..models.audio_file import AudioFile
