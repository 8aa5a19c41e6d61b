from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionHistoryMessage")


@_attrs_define
class SessionHistoryMessage:
    """A message of a session's history, as the buffer memory stores it.

    Attributes:
        text (str): The message's text.
        metadata (SessionHistoryMessageMetadata): Who wrote a session message and when; a restored message may carry
            more keys.
        timestamp (float | None | str): When the buffer stored the message, in epoch seconds (a float).
        namespace (None | str | Unset): The buffer namespace (buffer).
        embedding (list[float] | None | Unset): The message's embedding vector, when the buffer has an embedding model.
    """

    text: str
    metadata: SessionHistoryMessageMetadata
    timestamp: float | None | str
    namespace: None | str | Unset = UNSET
    embedding: list[float] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        metadata = self.metadata.to_dict()

        timestamp: float | None | str
        timestamp = self.timestamp

        namespace: None | str | Unset
        if isinstance(self.namespace, Unset):
            namespace = UNSET
        else:
            namespace = self.namespace

        embedding: list[float] | None | Unset
        if isinstance(self.embedding, Unset):
            embedding = UNSET
        elif isinstance(self.embedding, list):
            embedding = self.embedding

        else:
            embedding = self.embedding

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
            namespace=namespace,
            embedding=embedding,
        )

        session_history_message.additional_properties = d
        return session_history_message

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
from ..models.session_history_message_metadata import SessionHistoryMessageMetadata
