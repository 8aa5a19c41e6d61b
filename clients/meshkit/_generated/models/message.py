from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """One agent message (AIMessage); meshkit always sends all 13 fields, servers accept partial objects and apply the
    defaults.

        Attributes:
            agent_id (str): Sending agent; non-empty, lowercase letters, digits, "_" and "-" only.
            payload (str): Message bytes as a hex string (lowercase emitted, either case accepted, "" is empty); decoded
                size at most 1,048,576 bytes; a str is UTF-8 encoded first (canonical choice).
            message_id (str | Unset): Message id echoed as original_message_id; meshkit sends a new uuid4, the server
                generates a UUID when absent (canonical choice).
            estimated_cost_tokens (float | Unset): Tokens to charge; finite and >= 0 (canonical choice); 0 means "estimate
                from the payload" (ceil(bytes / 4)). Default: 0.0.
            budget_tokens (float | Unset): Per-message budget; finite and > 0, otherwise not enforced (reserved); default
                1000.0 (canonical choice). Default: 1000.0.
            deadline_ms (int | Unset): Deadline in epoch milliseconds; 0 = no deadline, > 0 must not be in the past, < 0
                rejected (canonical choice); meshkit sends now + 60,000 when not given. Default: 0.
            task_graph_id (str | Unset): Task graph id; stored, unused. Default: ''.
            dependencies (list[str] | Unset): Ids of messages this one depends on; stored, unused.
            priority (int | Unset): Priority 0-100 inclusive; validated only, no other effect (canonical choice). Default:
                50.
            dedup_context (str | Unset): Part of the dedup key (sha256 of agent_id, dedup_context and payload); vary it to
                have every send processed. Default: ''.
            trace_id (str | Unset): Free-form trace id. Default: ''.
            metadata (MessageMetadata | Unset): String-to-string metadata; the key target_region is reserved.
            timestamp (int | Unset): Creation time in epoch nanoseconds; the server uses the receive time when absent or 0;
                not validated.
    """

    agent_id: str
    payload: str
    message_id: str | Unset = UNSET
    estimated_cost_tokens: float | Unset = 0.0
    budget_tokens: float | Unset = 1000.0
    deadline_ms: int | Unset = 0
    task_graph_id: str | Unset = ""
    dependencies: list[str] | Unset = UNSET
    priority: int | Unset = 50
    dedup_context: str | Unset = ""
    trace_id: str | Unset = ""
    metadata: MessageMetadata | Unset = UNSET
    timestamp: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent_id = self.agent_id

        payload = self.payload

        message_id = self.message_id

        estimated_cost_tokens = self.estimated_cost_tokens

        budget_tokens = self.budget_tokens

        deadline_ms = self.deadline_ms

        task_graph_id = self.task_graph_id

        dependencies: list[str] | Unset = UNSET
        if not isinstance(self.dependencies, Unset):
            dependencies = self.dependencies

        priority = self.priority

        dedup_context = self.dedup_context

        trace_id = self.trace_id

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        timestamp = self.timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_id": agent_id,
                "payload": payload,
            }
        )
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if estimated_cost_tokens is not UNSET:
            field_dict["estimated_cost_tokens"] = estimated_cost_tokens
        if budget_tokens is not UNSET:
            field_dict["budget_tokens"] = budget_tokens
        if deadline_ms is not UNSET:
            field_dict["deadline_ms"] = deadline_ms
        if task_graph_id is not UNSET:
            field_dict["task_graph_id"] = task_graph_id
        if dependencies is not UNSET:
            field_dict["dependencies"] = dependencies
        if priority is not UNSET:
            field_dict["priority"] = priority
        if dedup_context is not UNSET:
            field_dict["dedup_context"] = dedup_context
        if trace_id is not UNSET:
            field_dict["trace_id"] = trace_id
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        payload = d.pop("payload")

        message_id = d.pop("message_id", UNSET)

        estimated_cost_tokens = d.pop("estimated_cost_tokens", UNSET)

        budget_tokens = d.pop("budget_tokens", UNSET)

        deadline_ms = d.pop("deadline_ms", UNSET)

        task_graph_id = d.pop("task_graph_id", UNSET)

        dependencies = cast(list[str], d.pop("dependencies", UNSET))

        priority = d.pop("priority", UNSET)

        dedup_context = d.pop("dedup_context", UNSET)

        trace_id = d.pop("trace_id", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: MessageMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = MessageMetadata.from_dict(_metadata)

        timestamp = d.pop("timestamp", UNSET)

        message = cls(
            agent_id=agent_id,
            payload=payload,
            message_id=message_id,
            estimated_cost_tokens=estimated_cost_tokens,
            budget_tokens=budget_tokens,
            deadline_ms=deadline_ms,
            task_graph_id=task_graph_id,
            dependencies=dependencies,
            priority=priority,
            dedup_context=dedup_context,
            trace_id=trace_id,
            metadata=metadata,
            timestamp=timestamp,
        )

        message.additional_properties = d
        return message

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
from ..models.message_metadata import MessageMetadata
