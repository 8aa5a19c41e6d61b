from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatRequest")


@_attrs_define(repr=False, getstate_setstate=False)
class ChatRequest(Model):
    """Model for chat requests.

    Attributes:
        message (str):
        user_id (None | str):
        agent_id (None | str):
        session_id (None | str):
        group_id (None | str):
        request_id (None | str):
        mode (None | str):  Default: 'sync'.
        files (list[ChatFile] | None):
        stream (bool | None):  Default: True.
        webhook_url (None | str):
        threshold_seconds (float | None):
        source_channel (None | str):
        ui_response (None | UIResponseHint):
    """

    message: str
    user_id: None | str = None
    agent_id: None | str = None
    session_id: None | str = None
    group_id: None | str = None
    request_id: None | str = None
    mode: None | str = "sync"
    files: list[ChatFile] | None = None
    stream: bool | None = True
    webhook_url: None | str = None
    threshold_seconds: float | None = None
    source_channel: None | str = None
    ui_response: None | UIResponseHint = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        message = self.message

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

        _src_group_id: None | str | Unset = UNSET if self.group_id is None else self.group_id
        group_id: None | str | Unset
        if isinstance(_src_group_id, Unset):
            group_id = UNSET
        else:
            group_id = _src_group_id

        _src_request_id: None | str | Unset = UNSET if self.request_id is None else self.request_id
        request_id: None | str | Unset
        if isinstance(_src_request_id, Unset):
            request_id = UNSET
        else:
            request_id = _src_request_id

        _src_mode: None | str | Unset = UNSET if self.mode is None else self.mode
        mode: None | str | Unset
        if isinstance(_src_mode, Unset):
            mode = UNSET
        else:
            mode = _src_mode

        _src_files: list[ChatFile] | None | Unset = UNSET if self.files is None else self.files
        files: list[dict[str, Any]] | None | Unset
        if isinstance(_src_files, Unset):
            files = UNSET
        elif isinstance(_src_files, list):
            files = []
            for files_type_0_item_data in _src_files:
                files_type_0_item = files_type_0_item_data.to_dict()
                files.append(files_type_0_item)

        else:
            files = _src_files

        _src_stream: bool | None | Unset = UNSET if self.stream is None else self.stream
        stream: bool | None | Unset
        if isinstance(_src_stream, Unset):
            stream = UNSET
        else:
            stream = _src_stream

        _src_webhook_url: None | str | Unset = UNSET if self.webhook_url is None else self.webhook_url
        webhook_url: None | str | Unset
        if isinstance(_src_webhook_url, Unset):
            webhook_url = UNSET
        else:
            webhook_url = _src_webhook_url

        _src_threshold_seconds: float | None | Unset = (
            UNSET if self.threshold_seconds is None else self.threshold_seconds
        )
        threshold_seconds: float | None | Unset
        if isinstance(_src_threshold_seconds, Unset):
            threshold_seconds = UNSET
        else:
            threshold_seconds = _src_threshold_seconds

        _src_source_channel: None | str | Unset = UNSET if self.source_channel is None else self.source_channel
        source_channel: None | str | Unset
        if isinstance(_src_source_channel, Unset):
            source_channel = UNSET
        else:
            source_channel = _src_source_channel

        _src_ui_response: None | UIResponseHint | Unset = UNSET if self.ui_response is None else self.ui_response
        ui_response: dict[str, Any] | None | Unset
        if isinstance(_src_ui_response, Unset):
            ui_response = UNSET
        elif isinstance(_src_ui_response, UIResponseHint):
            ui_response = _src_ui_response.to_dict()
        else:
            ui_response = _src_ui_response

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if mode is not UNSET:
            field_dict["mode"] = mode
        if files is not UNSET:
            field_dict["files"] = files
        if stream is not UNSET:
            field_dict["stream"] = stream
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url
        if threshold_seconds is not UNSET:
            field_dict["threshold_seconds"] = threshold_seconds
        if source_channel is not UNSET:
            field_dict["source_channel"] = source_channel
        if ui_response is not UNSET:
            field_dict["ui_response"] = ui_response

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        message = d.pop("message")

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

        def _parse_group_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group_id = _parse_group_id(d.pop("group_id", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        def _parse_mode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mode = _parse_mode(d.pop("mode", UNSET))

        def _parse_files(data: object) -> list[ChatFile] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                files_type_0 = []
                _files_type_0 = data
                for files_type_0_item_data in _files_type_0:
                    files_type_0_item = ChatFile.from_dict(files_type_0_item_data)

                    files_type_0.append(files_type_0_item)

                return files_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChatFile] | None | Unset, data)

        files = _parse_files(d.pop("files", UNSET))

        def _parse_stream(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        stream = _parse_stream(d.pop("stream", UNSET))

        def _parse_webhook_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook_url = _parse_webhook_url(d.pop("webhook_url", UNSET))

        def _parse_threshold_seconds(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        threshold_seconds = _parse_threshold_seconds(d.pop("threshold_seconds", UNSET))

        def _parse_source_channel(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_channel = _parse_source_channel(d.pop("source_channel", UNSET))

        def _parse_ui_response(data: object) -> None | UIResponseHint | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ui_response_type_0 = UIResponseHint.from_dict(data)

                return ui_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UIResponseHint | Unset, data)

        ui_response = _parse_ui_response(d.pop("ui_response", UNSET))

        chat_request = cls(
            message=message,
            user_id=None if isinstance(user_id, Unset) else user_id,
            agent_id=None if isinstance(agent_id, Unset) else agent_id,
            session_id=None if isinstance(session_id, Unset) else session_id,
            group_id=None if isinstance(group_id, Unset) else group_id,
            request_id=None if isinstance(request_id, Unset) else request_id,
            mode="sync" if isinstance(mode, Unset) else mode,
            files=None if isinstance(files, Unset) else files,
            stream=True if isinstance(stream, Unset) else stream,
            webhook_url=None if isinstance(webhook_url, Unset) else webhook_url,
            threshold_seconds=None if isinstance(threshold_seconds, Unset) else threshold_seconds,
            source_channel=None if isinstance(source_channel, Unset) else source_channel,
            ui_response=None if isinstance(ui_response, Unset) else ui_response,
        )

        chat_request.additional_properties = d
        return chat_request

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
from ..models.chat_file import ChatFile
from ..models.ui_response_hint import UIResponseHint
