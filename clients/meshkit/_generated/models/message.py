from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="Message")


@_attrs_define(repr=False, getstate_setstate=False)
class Message(Model):
    """One agent message (AIMessage); meshkit always sends all 13 fields, servers accept partial objects and apply the
    defaults.

        Attributes:
            agent_id (str): Sending agent; non-empty, lowercase letters, digits, "_" and "-" only.
            payload (str): Message bytes as a hex string (lowercase emitted, either case accepted, "" is empty); decoded
                size at most 1,048,576 bytes; a str is UTF-8 encoded first (canonical choice).
            message_id (str | None): Message id echoed as original_message_id; meshkit sends a new uuid4, the server
                generates a UUID when absent (canonical choice).
            estimated_cost_tokens (float | None): Tokens to charge; finite and >= 0 (canonical choice); 0 means "estimate
                from the payload" (ceil(bytes / 4)). Default: 0.0.
            budget_tokens (float | None): Per-message budget; finite and > 0, otherwise not enforced (reserved); default
                1000.0 (canonical choice). Default: 1000.0.
            deadline_ms (int | None): Deadline in epoch milliseconds; 0 = no deadline, > 0 must not be in the past, < 0
                rejected (canonical choice); meshkit sends now + 60,000 when not given. Default: 0.
            task_graph_id (str | None): Task graph id; stored, unused. Default: ''.
            dependencies (list[str] | None): Ids of messages this one depends on; stored, unused.
            priority (int | None): Priority 0-100 inclusive; validated only, no other effect (canonical choice). Default:
                50.
            dedup_context (str | None): Part of the dedup key (sha256 of agent_id, dedup_context and payload); vary it to
                have every send processed. Default: ''.
            trace_id (str | None): Free-form trace id. Default: ''.
            metadata (MessageMetadata | None): String-to-string metadata; the key target_region is reserved.
            timestamp (int | None): Creation time in epoch nanoseconds; the server uses the receive time when absent or 0;
                not validated.
    """

    agent_id: str
    payload: str
    message_id: str | None = None
    estimated_cost_tokens: float | None = 0.0
    budget_tokens: float | None = 1000.0
    deadline_ms: int | None = 0
    task_graph_id: str | None = ""
    dependencies: list[str] | None = None
    priority: int | None = 50
    dedup_context: str | None = ""
    trace_id: str | None = ""
    metadata: MessageMetadata | None = None
    timestamp: int | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        agent_id = self.agent_id

        payload = self.payload

        _src_message_id: str | Unset = UNSET if self.message_id is None else self.message_id
        message_id = _src_message_id

        _src_estimated_cost_tokens: float | Unset = (
            UNSET if self.estimated_cost_tokens is None else self.estimated_cost_tokens
        )
        estimated_cost_tokens = _src_estimated_cost_tokens

        _src_budget_tokens: float | Unset = UNSET if self.budget_tokens is None else self.budget_tokens
        budget_tokens = _src_budget_tokens

        _src_deadline_ms: int | Unset = UNSET if self.deadline_ms is None else self.deadline_ms
        deadline_ms = _src_deadline_ms

        _src_task_graph_id: str | Unset = UNSET if self.task_graph_id is None else self.task_graph_id
        task_graph_id = _src_task_graph_id

        _src_dependencies: list[str] | Unset = UNSET if self.dependencies is None else self.dependencies
        dependencies: list[str] | Unset = UNSET
        if not isinstance(_src_dependencies, Unset):
            dependencies = _src_dependencies

        _src_priority: int | Unset = UNSET if self.priority is None else self.priority
        priority = _src_priority

        _src_dedup_context: str | Unset = UNSET if self.dedup_context is None else self.dedup_context
        dedup_context = _src_dedup_context

        _src_trace_id: str | Unset = UNSET if self.trace_id is None else self.trace_id
        trace_id = _src_trace_id

        _src_metadata: MessageMetadata | Unset = UNSET if self.metadata is None else self.metadata
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_metadata, Unset):
            metadata = _src_metadata.to_dict()

        _src_timestamp: int | Unset = UNSET if self.timestamp is None else self.timestamp
        timestamp = _src_timestamp

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
            message_id=None if isinstance(message_id, Unset) else message_id,
            estimated_cost_tokens=0.0 if isinstance(estimated_cost_tokens, Unset) else estimated_cost_tokens,
            budget_tokens=1000.0 if isinstance(budget_tokens, Unset) else budget_tokens,
            deadline_ms=0 if isinstance(deadline_ms, Unset) else deadline_ms,
            task_graph_id="" if isinstance(task_graph_id, Unset) else task_graph_id,
            dependencies=None if isinstance(dependencies, Unset) else dependencies,
            priority=50 if isinstance(priority, Unset) else priority,
            dedup_context="" if isinstance(dedup_context, Unset) else dedup_context,
            trace_id="" if isinstance(trace_id, Unset) else trace_id,
            metadata=None if isinstance(metadata, Unset) else metadata,
            timestamp=None if isinstance(timestamp, Unset) else timestamp,
        )

        message.additional_properties = d
        return message

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
from ..models.message_metadata import MessageMetadata
