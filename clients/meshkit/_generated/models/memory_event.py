from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryEvent")


@_attrs_define
class MemoryEvent:
    """One immutable memory event, as provenance shows it.

    Attributes:
        event_id (str | Unset):
        event_type (str | Unset):
        source (str | Unset):
        source_id (None | str | Unset):
        source_confidence (float | Unset):
        effective_confidence (float | Unset): The confidence after decay.
        decay_rate (str | Unset):
        occurred_at (None | str | Unset): ISO 8601, without a zone (UTC).
        agent_id (None | str | Unset):
        conversation_id (None | str | Unset):
        request_id (None | str | Unset):
        payload (MemoryEventPayloadType0 | None | Unset):
        deleted_at (None | str | Unset):
    """

    event_id: str | Unset = UNSET
    event_type: str | Unset = UNSET
    source: str | Unset = UNSET
    source_id: None | str | Unset = UNSET
    source_confidence: float | Unset = UNSET
    effective_confidence: float | Unset = UNSET
    decay_rate: str | Unset = UNSET
    occurred_at: None | str | Unset = UNSET
    agent_id: None | str | Unset = UNSET
    conversation_id: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET
    payload: MemoryEventPayloadType0 | None | Unset = UNSET
    deleted_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_id = self.event_id

        event_type = self.event_type

        source = self.source

        source_id: None | str | Unset
        if isinstance(self.source_id, Unset):
            source_id = UNSET
        else:
            source_id = self.source_id

        source_confidence = self.source_confidence

        effective_confidence = self.effective_confidence

        decay_rate = self.decay_rate

        occurred_at: None | str | Unset
        if isinstance(self.occurred_at, Unset):
            occurred_at = UNSET
        else:
            occurred_at = self.occurred_at

        agent_id: None | str | Unset
        if isinstance(self.agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = self.agent_id

        conversation_id: None | str | Unset
        if isinstance(self.conversation_id, Unset):
            conversation_id = UNSET
        else:
            conversation_id = self.conversation_id

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        payload: dict[str, Any] | None | Unset
        if isinstance(self.payload, Unset):
            payload = UNSET
        elif isinstance(self.payload, MemoryEventPayloadType0):
            payload = self.payload.to_dict()
        else:
            payload = self.payload

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        else:
            deleted_at = self.deleted_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if event_id is not UNSET:
            field_dict["event_id"] = event_id
        if event_type is not UNSET:
            field_dict["event_type"] = event_type
        if source is not UNSET:
            field_dict["source"] = source
        if source_id is not UNSET:
            field_dict["source_id"] = source_id
        if source_confidence is not UNSET:
            field_dict["source_confidence"] = source_confidence
        if effective_confidence is not UNSET:
            field_dict["effective_confidence"] = effective_confidence
        if decay_rate is not UNSET:
            field_dict["decay_rate"] = decay_rate
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if conversation_id is not UNSET:
            field_dict["conversation_id"] = conversation_id
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if payload is not UNSET:
            field_dict["payload"] = payload
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event_id = d.pop("event_id", UNSET)

        event_type = d.pop("event_type", UNSET)

        source = d.pop("source", UNSET)

        def _parse_source_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_id = _parse_source_id(d.pop("source_id", UNSET))

        source_confidence = d.pop("source_confidence", UNSET)

        effective_confidence = d.pop("effective_confidence", UNSET)

        decay_rate = d.pop("decay_rate", UNSET)

        def _parse_occurred_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        occurred_at = _parse_occurred_at(d.pop("occurred_at", UNSET))

        def _parse_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_id = _parse_agent_id(d.pop("agent_id", UNSET))

        def _parse_conversation_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        conversation_id = _parse_conversation_id(d.pop("conversation_id", UNSET))

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))

        def _parse_payload(data: object) -> MemoryEventPayloadType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payload_type_0 = MemoryEventPayloadType0.from_dict(data)

                return payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MemoryEventPayloadType0 | None | Unset, data)

        payload = _parse_payload(d.pop("payload", UNSET))

        def _parse_deleted_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at", UNSET))

        memory_event = cls(
            event_id=event_id,
            event_type=event_type,
            source=source,
            source_id=source_id,
            source_confidence=source_confidence,
            effective_confidence=effective_confidence,
            decay_rate=decay_rate,
            occurred_at=occurred_at,
            agent_id=agent_id,
            conversation_id=conversation_id,
            request_id=request_id,
            payload=payload,
            deleted_at=deleted_at,
        )

        memory_event.additional_properties = d
        return memory_event

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
from ..models.memory_event_payload_type_0 import MemoryEventPayloadType0
