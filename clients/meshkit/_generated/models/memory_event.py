from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryEvent")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryEvent(Model):
    """One immutable memory event, as provenance shows it.

    Attributes:
        event_id (str | None):
        event_type (str | None):
        source (str | None):
        source_id (None | str):
        source_confidence (float | None):
        effective_confidence (float | None): The confidence after decay.
        decay_rate (str | None):
        occurred_at (None | str): ISO 8601, without a zone (UTC).
        agent_id (None | str):
        conversation_id (None | str):
        request_id (None | str):
        payload (MemoryEventPayloadType0 | None):
        deleted_at (None | str):
    """

    event_id: str | None = None
    event_type: str | None = None
    source: str | None = None
    source_id: None | str = None
    source_confidence: float | None = None
    effective_confidence: float | None = None
    decay_rate: str | None = None
    occurred_at: None | str = None
    agent_id: None | str = None
    conversation_id: None | str = None
    request_id: None | str = None
    payload: MemoryEventPayloadType0 | None = None
    deleted_at: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_event_id: str | Unset = UNSET if self.event_id is None else self.event_id
        event_id = _src_event_id

        _src_event_type: str | Unset = UNSET if self.event_type is None else self.event_type
        event_type = _src_event_type

        _src_source: str | Unset = UNSET if self.source is None else self.source
        source = _src_source

        _src_source_id: None | str | Unset = UNSET if self.source_id is None else self.source_id
        source_id: None | str | Unset
        if isinstance(_src_source_id, Unset):
            source_id = UNSET
        else:
            source_id = _src_source_id

        _src_source_confidence: float | Unset = UNSET if self.source_confidence is None else self.source_confidence
        source_confidence = _src_source_confidence

        _src_effective_confidence: float | Unset = (
            UNSET if self.effective_confidence is None else self.effective_confidence
        )
        effective_confidence = _src_effective_confidence

        _src_decay_rate: str | Unset = UNSET if self.decay_rate is None else self.decay_rate
        decay_rate = _src_decay_rate

        _src_occurred_at: None | str | Unset = UNSET if self.occurred_at is None else self.occurred_at
        occurred_at: None | str | Unset
        if isinstance(_src_occurred_at, Unset):
            occurred_at = UNSET
        else:
            occurred_at = _src_occurred_at

        _src_agent_id: None | str | Unset = UNSET if self.agent_id is None else self.agent_id
        agent_id: None | str | Unset
        if isinstance(_src_agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = _src_agent_id

        _src_conversation_id: None | str | Unset = UNSET if self.conversation_id is None else self.conversation_id
        conversation_id: None | str | Unset
        if isinstance(_src_conversation_id, Unset):
            conversation_id = UNSET
        else:
            conversation_id = _src_conversation_id

        _src_request_id: None | str | Unset = UNSET if self.request_id is None else self.request_id
        request_id: None | str | Unset
        if isinstance(_src_request_id, Unset):
            request_id = UNSET
        else:
            request_id = _src_request_id

        _src_payload: MemoryEventPayloadType0 | None | Unset = UNSET if self.payload is None else self.payload
        payload: dict[str, Any] | None | Unset
        if isinstance(_src_payload, Unset):
            payload = UNSET
        elif isinstance(_src_payload, MemoryEventPayloadType0):
            payload = _src_payload.to_dict()
        else:
            payload = _src_payload

        _src_deleted_at: None | str | Unset = UNSET if self.deleted_at is None else self.deleted_at
        deleted_at: None | str | Unset
        if isinstance(_src_deleted_at, Unset):
            deleted_at = UNSET
        else:
            deleted_at = _src_deleted_at

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
            event_id=None if isinstance(event_id, Unset) else event_id,
            event_type=None if isinstance(event_type, Unset) else event_type,
            source=None if isinstance(source, Unset) else source,
            source_id=None if isinstance(source_id, Unset) else source_id,
            source_confidence=None if isinstance(source_confidence, Unset) else source_confidence,
            effective_confidence=None if isinstance(effective_confidence, Unset) else effective_confidence,
            decay_rate=None if isinstance(decay_rate, Unset) else decay_rate,
            occurred_at=None if isinstance(occurred_at, Unset) else occurred_at,
            agent_id=None if isinstance(agent_id, Unset) else agent_id,
            conversation_id=None if isinstance(conversation_id, Unset) else conversation_id,
            request_id=None if isinstance(request_id, Unset) else request_id,
            payload=None if isinstance(payload, Unset) else payload,
            deleted_at=None if isinstance(deleted_at, Unset) else deleted_at,
        )

        memory_event.additional_properties = d
        return memory_event

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
from ..models.memory_event_payload_type_0 import MemoryEventPayloadType0
