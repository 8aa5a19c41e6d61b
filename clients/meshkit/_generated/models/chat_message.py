from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChatMessage")


@_attrs_define
class ChatMessage:
    """
    Attributes:
        role (str | Unset):
        content (list[ChatContentPart] | str | Unset): A string, or an array of content parts.
        artifacts (list[ChatMessageArtifactsItem] | Unset):
        metadata (ChatMessageMetadata | Unset):
        ui (list[UiWidget] | Unset):
    """

    role: str | Unset = UNSET
    content: list[ChatContentPart] | str | Unset = UNSET
    artifacts: list[ChatMessageArtifactsItem] | Unset = UNSET
    metadata: ChatMessageMetadata | Unset = UNSET
    ui: list[UiWidget] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role = self.role

        content: list[dict[str, Any]] | str | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        elif isinstance(self.content, list):
            content = []
            for content_type_1_item_data in self.content:
                content_type_1_item = content_type_1_item_data.to_dict()
                content.append(content_type_1_item)

        else:
            content = self.content

        artifacts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.artifacts, Unset):
            artifacts = []
            for artifacts_item_data in self.artifacts:
                artifacts_item = artifacts_item_data.to_dict()
                artifacts.append(artifacts_item)

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        ui: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.ui, Unset):
            ui = []
            for ui_item_data in self.ui:
                ui_item = ui_item_data.to_dict()
                ui.append(ui_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if role is not UNSET:
            field_dict["role"] = role
        if content is not UNSET:
            field_dict["content"] = content
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
        role = d.pop("role", UNSET)

        def _parse_content(data: object) -> list[ChatContentPart] | str | Unset:
            if isinstance(data, Unset):
                return data
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
            return cast(list[ChatContentPart] | str | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        _artifacts = d.pop("artifacts", UNSET)
        artifacts: list[ChatMessageArtifactsItem] | Unset = UNSET
        if _artifacts is not UNSET:
            artifacts = []
            for artifacts_item_data in _artifacts:
                artifacts_item = ChatMessageArtifactsItem.from_dict(artifacts_item_data)

                artifacts.append(artifacts_item)

        _metadata = d.pop("metadata", UNSET)
        metadata: ChatMessageMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ChatMessageMetadata.from_dict(_metadata)

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
            artifacts=artifacts,
            metadata=metadata,
            ui=ui,
        )

        chat_message.additional_properties = d
        return chat_message

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


# Referenced models, imported once the classes above exist (import cycles resolve).
from ..models.chat_content_part import ChatContentPart
from ..models.chat_message_artifacts_item import ChatMessageArtifactsItem
from ..models.chat_message_metadata import ChatMessageMetadata
from ..models.ui_widget import UiWidget
