from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatMessage")


@_attrs_define(repr=False, getstate_setstate=False)
class ChatMessage(Model):
    """The assistant's answer message.

    Attributes:
        role (str):
        content (list[ChatContentPart] | str): A string, or an array of content parts.
        artifacts (list[ChatArtifact] | None): Files produced by the turn; null when there are none.
        metadata (ChatMessageMetadataType0 | None): Runtime metadata of the answer (session_id and, for special turns,
            clarification or cancellation markers).
        ui (list[UiWidget] | None): Widgets; the key is absent when there are none.
    """

    role: str
    content: list[ChatContentPart] | str
    artifacts: list[ChatArtifact] | None = None
    metadata: ChatMessageMetadataType0 | None = None
    ui: list[UiWidget] | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        role = self.role

        content: list[dict[str, Any]] | str
        if isinstance(self.content, list):
            content = []
            for content_type_1_item_data in self.content:
                content_type_1_item = content_type_1_item_data.to_dict()
                content.append(content_type_1_item)

        else:
            content = self.content

        _src_artifacts: list[ChatArtifact] | None | Unset = UNSET if self.artifacts is None else self.artifacts
        artifacts: list[dict[str, Any]] | None | Unset
        if isinstance(_src_artifacts, Unset):
            artifacts = UNSET
        elif isinstance(_src_artifacts, list):
            artifacts = []
            for artifacts_type_0_item_data in _src_artifacts:
                artifacts_type_0_item = artifacts_type_0_item_data.to_dict()
                artifacts.append(artifacts_type_0_item)

        else:
            artifacts = _src_artifacts

        _src_metadata: ChatMessageMetadataType0 | None | Unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | None | Unset
        if isinstance(_src_metadata, Unset):
            metadata = UNSET
        elif isinstance(_src_metadata, ChatMessageMetadataType0):
            metadata = _src_metadata.to_dict()
        else:
            metadata = _src_metadata

        _src_ui: list[UiWidget] | Unset = UNSET if self.ui is None else self.ui
        ui: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_src_ui, Unset):
            ui = []
            for ui_item_data in _src_ui:
                ui_item = ui_item_data.to_dict()
                ui.append(ui_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "content": content,
            }
        )
        if artifacts is not UNSET:
            field_dict["artifacts"] = artifacts
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if ui is not UNSET:
            field_dict["ui"] = ui

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        role = d.pop("role")

        def _parse_content(data: object) -> list[ChatContentPart] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                content_type_1 = []
                _content_type_1 = data
                for content_type_1_item_data in _content_type_1:
                    content_type_1_item = ChatContentPart.from_dict(content_type_1_item_data)

                    content_type_1.append(content_type_1_item)

                return content_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChatContentPart] | str, data)

        content = _parse_content(d.pop("content"))

        def _parse_artifacts(data: object) -> list[ChatArtifact] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                artifacts_type_0 = []
                _artifacts_type_0 = data
                for artifacts_type_0_item_data in _artifacts_type_0:
                    artifacts_type_0_item = ChatArtifact.from_dict(artifacts_type_0_item_data)

                    artifacts_type_0.append(artifacts_type_0_item)

                return artifacts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChatArtifact] | None | Unset, data)

        artifacts = _parse_artifacts(d.pop("artifacts", UNSET))

        def _parse_metadata(data: object) -> ChatMessageMetadataType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                metadata_type_0 = ChatMessageMetadataType0.from_dict(data)

                return metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChatMessageMetadataType0 | None | Unset, data)

        metadata = _parse_metadata(d.pop("metadata", UNSET))

        _ui = d.pop("ui", UNSET)
        ui: list[UiWidget] | Unset = UNSET
        if _ui is not UNSET:
            ui = []
            for ui_item_data in _ui:
                ui_item = UiWidget.from_dict(ui_item_data)

                ui.append(ui_item)

        chat_message = cls(
            role=role,
            content=content,
            artifacts=None if isinstance(artifacts, Unset) else artifacts,
            metadata=None if isinstance(metadata, Unset) else metadata,
            ui=None if isinstance(ui, Unset) else ui,
        )

        chat_message.additional_properties = d
        return chat_message

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
from ..models.chat_artifact import ChatArtifact
from ..models.chat_content_part import ChatContentPart
from ..models.chat_message_metadata_type_0 import ChatMessageMetadataType0
from ..models.ui_widget import UiWidget
