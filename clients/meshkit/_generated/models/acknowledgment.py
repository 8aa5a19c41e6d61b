from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.acknowledgment_status import (
    AcknowledgmentStatus,
    check_acknowledgment_status,
)
from ..models.broker_error_code import BrokerErrorCode, check_broker_error_code
from ..types import UNSET, Unset

T = TypeVar("T", bound="Acknowledgment")


@_attrs_define
class Acknowledgment:
    """Broker answer for one message (AcknowledgmentMessage), with the canonical extensions deduplicated, routing_decision
    and error_code.

        Attributes:
            original_message_id (str): The message's message_id (a missing value is a malformed response).
            status (AcknowledgmentStatus | Unset): Acknowledgment status; success = processed or deduplicated, failed =
                failed batch item (clients also parse processed, ack_failed, received... leniently).
            tokens_used (float | Unset): Tokens charged to the agent; 0 for dedup hits and failures (canonical choice).
                Default: 0.0.
            processing_latency_ms (int | Unset): Whole milliseconds from receipt to acknowledgment. Default: 0.
            error (str | Unset): Empty on success; the error text on failure. Default: ''.
            result (str | Unset): Hex result bytes; always "" because the broker delivers nothing (canonical choice).
                Default: ''.
            deduplicated (bool | Unset): Extension (canonical choice); true on dedup hits, otherwise false or absent.
                Default: False.
            routing_decision (RoutingDecision | Unset): Routing outcome of a processed (non-dedup) message (extension,
                canonical choice). Example: {'message_id': '5b0f5c3e-2f6d-4d4b-9a57-1f3e2f0c9a11', 'target_endpoint': 'local-
                llama', 'fallback_endpoints': ['anthropic-claude', 'openai-gpt4'], 'estimated_latency_ms': 100,
                'estimated_cost': 0.0025, 'routing_reason': 'Best score 30.0400 (cost: 0.10, load: 0%, latency: 100ms)',
                'score_breakdown': {'cost_score': 0.04, 'load_score': 0.0, 'latency_score': 30.0, 'total_score': 30.04}}.
            error_code (BrokerErrorCode | Unset): Broker error code (canonical choice).
    """

    original_message_id: str
    status: AcknowledgmentStatus | Unset = UNSET
    tokens_used: float | Unset = 0.0
    processing_latency_ms: int | Unset = 0
    error: str | Unset = ""
    result: str | Unset = ""
    deduplicated: bool | Unset = False
    routing_decision: RoutingDecision | Unset = UNSET
    error_code: BrokerErrorCode | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        original_message_id = self.original_message_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        tokens_used = self.tokens_used

        processing_latency_ms = self.processing_latency_ms

        error = self.error

        result = self.result

        deduplicated = self.deduplicated

        routing_decision: dict[str, Any] | Unset = UNSET
        if not isinstance(self.routing_decision, Unset):
            routing_decision = self.routing_decision.to_dict()

        error_code: str | Unset = UNSET
        if not isinstance(self.error_code, Unset):
            error_code = self.error_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "original_message_id": original_message_id,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if tokens_used is not UNSET:
            field_dict["tokens_used"] = tokens_used
        if processing_latency_ms is not UNSET:
            field_dict["processing_latency_ms"] = processing_latency_ms
        if error is not UNSET:
            field_dict["error"] = error
        if result is not UNSET:
            field_dict["result"] = result
        if deduplicated is not UNSET:
            field_dict["deduplicated"] = deduplicated
        if routing_decision is not UNSET:
            field_dict["routing_decision"] = routing_decision
        if error_code is not UNSET:
            field_dict["error_code"] = error_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        original_message_id = d.pop("original_message_id")

        _status = d.pop("status", UNSET)
        status: AcknowledgmentStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = check_acknowledgment_status(_status)

        tokens_used = d.pop("tokens_used", UNSET)

        processing_latency_ms = d.pop("processing_latency_ms", UNSET)

        error = d.pop("error", UNSET)

        result = d.pop("result", UNSET)

        deduplicated = d.pop("deduplicated", UNSET)

        _routing_decision = d.pop("routing_decision", UNSET)
        routing_decision: RoutingDecision | Unset
        if isinstance(_routing_decision, Unset):
            routing_decision = UNSET
        else:
            routing_decision = RoutingDecision.from_dict(_routing_decision)

        _error_code = d.pop("error_code", UNSET)
        error_code: BrokerErrorCode | Unset
        if isinstance(_error_code, Unset):
            error_code = UNSET
        else:
            error_code = check_broker_error_code(_error_code)

        acknowledgment = cls(
            original_message_id=original_message_id,
            status=status,
            tokens_used=tokens_used,
            processing_latency_ms=processing_latency_ms,
            error=error,
            result=result,
            deduplicated=deduplicated,
            routing_decision=routing_decision,
            error_code=error_code,
        )

        acknowledgment.additional_properties = d
        return acknowledgment

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
from ..models.routing_decision import RoutingDecision
