from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LLMModel")


@_attrs_define
class LLMModel:
    """One model of the formation, under the key of its capability (one per entry).

    Attributes:
        text (str | Unset):
        vision (str | Unset):
        audio (str | Unset):
        video (str | Unset):
        documents (str | Unset):
        embedding (str | Unset):
        streaming (str | Unset):
    """

    text: str | Unset = UNSET
    vision: str | Unset = UNSET
    audio: str | Unset = UNSET
    video: str | Unset = UNSET
    documents: str | Unset = UNSET
    embedding: str | Unset = UNSET
    streaming: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        vision = self.vision

        audio = self.audio

        video = self.video

        documents = self.documents

        embedding = self.embedding

        streaming = self.streaming

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if text is not UNSET:
            field_dict["text"] = text
        if vision is not UNSET:
            field_dict["vision"] = vision
        if audio is not UNSET:
            field_dict["audio"] = audio
        if video is not UNSET:
            field_dict["video"] = video
        if documents is not UNSET:
            field_dict["documents"] = documents
        if embedding is not UNSET:
            field_dict["embedding"] = embedding
        if streaming is not UNSET:
            field_dict["streaming"] = streaming

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        text = d.pop("text", UNSET)

        vision = d.pop("vision", UNSET)

        audio = d.pop("audio", UNSET)

        video = d.pop("video", UNSET)

        documents = d.pop("documents", UNSET)

        embedding = d.pop("embedding", UNSET)

        streaming = d.pop("streaming", UNSET)

        llm_model = cls(
            text=text,
            vision=vision,
            audio=audio,
            video=video,
            documents=documents,
            embedding=embedding,
            streaming=streaming,
        )

        llm_model.additional_properties = d
        return llm_model

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
