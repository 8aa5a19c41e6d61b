from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="LLMModel")


@_attrs_define(repr=False, getstate_setstate=False)
class LLMModel(Model):
    """One model of the formation, under the key of its capability (one per entry).

    Attributes:
        text (str | None):
        vision (str | None):
        audio (str | None):
        video (str | None):
        documents (str | None):
        embedding (str | None):
        streaming (str | None):
    """

    text: str | None = None
    vision: str | None = None
    audio: str | None = None
    video: str | None = None
    documents: str | None = None
    embedding: str | None = None
    streaming: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_text: str | Unset = UNSET if self.text is None else self.text
        text = _src_text

        _src_vision: str | Unset = UNSET if self.vision is None else self.vision
        vision = _src_vision

        _src_audio: str | Unset = UNSET if self.audio is None else self.audio
        audio = _src_audio

        _src_video: str | Unset = UNSET if self.video is None else self.video
        video = _src_video

        _src_documents: str | Unset = UNSET if self.documents is None else self.documents
        documents = _src_documents

        _src_embedding: str | Unset = UNSET if self.embedding is None else self.embedding
        embedding = _src_embedding

        _src_streaming: str | Unset = UNSET if self.streaming is None else self.streaming
        streaming = _src_streaming

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
            text=None if isinstance(text, Unset) else text,
            vision=None if isinstance(vision, Unset) else vision,
            audio=None if isinstance(audio, Unset) else audio,
            video=None if isinstance(video, Unset) else video,
            documents=None if isinstance(documents, Unset) else documents,
            embedding=None if isinstance(embedding, Unset) else embedding,
            streaming=None if isinstance(streaming, Unset) else streaming,
        )

        llm_model.additional_properties = d
        return llm_model

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
