from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionHistoryMessage")


@_attrs_define(repr=False, getstate_setstate=False)
class SessionHistoryMessage(Model):
    """A message of a session's history, as the buffer memory stores it.

    Attributes:
        text (str): The message's text.
        metadata (SessionHistoryMessageMetadata): Who wrote a session message and when; a restored message may carry
            more keys.
        timestamp (float | None | str): When the buffer stored the message, in epoch seconds (a float).
        namespace (None | str): The buffer namespace (buffer).
        embedding (list[float] | None): The message's embedding vector, when the buffer has an embedding model.
    """

    text: str
    metadata: SessionHistoryMessageMetadata
    timestamp: float | None | str
    namespace: None | str = None
    embedding: list[float] | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        text = self.text

        metadata = self.metadata.to_dict()

        timestamp: float | None | str
        timestamp = self.timestamp

        _src_namespace: None | str | Unset = UNSET if self.namespace is None else self.namespace
        namespace: None | str | Unset
        if isinstance(_src_namespace, Unset):
            namespace = UNSET
        else:
            namespace = _src_namespace

        _src_embedding: list[float] | None | Unset = UNSET if self.embedding is None else self.embedding
        embedding: list[float] | None | Unset
        if isinstance(_src_embedding, Unset):
            embedding = UNSET
        elif isinstance(_src_embedding, list):
            embedding = _src_embedding

        else:
            embedding = _src_embedding

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
                "metadata": metadata,
                "timestamp": timestamp,
            }
        )
        if namespace is not UNSET:
            field_dict["namespace"] = namespace
        if embedding is not UNSET:
            field_dict["embedding"] = embedding

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        text = d.pop("text")

        metadata = SessionHistoryMessageMetadata.from_dict(d.pop("metadata"))

        def _parse_timestamp(data: object) -> float | None | str:
            if data is None:
                return data
            return cast(float | None | str, data)

        timestamp = _parse_timestamp(d.pop("timestamp"))

        def _parse_namespace(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        namespace = _parse_namespace(d.pop("namespace", UNSET))

        def _parse_embedding(data: object) -> list[float] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                embedding_type_0 = cast(list[float], data)

                return embedding_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None | Unset, data)

        embedding = _parse_embedding(d.pop("embedding", UNSET))

        session_history_message = cls(
            text=text,
            metadata=metadata,
            timestamp=timestamp,
            namespace=None if isinstance(namespace, Unset) else namespace,
            embedding=None if isinstance(embedding, Unset) else embedding,
        )

        session_history_message.additional_properties = d
        return session_history_message

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
from ..models.session_history_message_metadata import SessionHistoryMessageMetadata
