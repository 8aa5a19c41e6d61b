from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.acknowledgment_status import (
    AcknowledgmentStatus,
    check_acknowledgment_status,
)
from ..models.broker_error_code import BrokerErrorCode, check_broker_error_code
from ..types import UNSET, Unset

T = TypeVar("T", bound="Acknowledgment")


@_attrs_define(repr=False, getstate_setstate=False)
class Acknowledgment(Model):
    """Broker answer for one message (AcknowledgmentMessage), with the canonical extensions deduplicated, routing_decision
    and error_code.

        Attributes:
            original_message_id (str): The message's message_id (a missing value is a malformed response).
            status (AcknowledgmentStatus | None): Acknowledgment status; success = processed or deduplicated, failed =
                failed batch item (clients also parse processed, ack_failed, received... leniently).
            tokens_used (float | None): Tokens charged to the agent; 0 for dedup hits and failures (canonical choice).
                Default: 0.0.
            processing_latency_ms (int | None): Whole milliseconds from receipt to acknowledgment. Default: 0.
            error (str | None): Empty on success; the error text on failure. Default: ''.
            result (str | None): Hex result bytes; always "" because the broker delivers nothing (canonical choice).
                Default: ''.
            deduplicated (bool | None): Extension (canonical choice); true on dedup hits, otherwise false or absent.
                Default: False.
            routing_decision (RoutingDecision | None): Routing outcome of a processed (non-dedup) message (extension,
                canonical choice).
            error_code (BrokerErrorCode | None): Broker error code (canonical choice).
    """

    original_message_id: str
    status: AcknowledgmentStatus | None = None
    tokens_used: float | None = 0.0
    processing_latency_ms: int | None = 0
    error: str | None = ""
    result: str | None = ""
    deduplicated: bool | None = False
    routing_decision: RoutingDecision | None = None
    error_code: BrokerErrorCode | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        original_message_id = self.original_message_id

        _src_status: AcknowledgmentStatus | Unset = UNSET if self.status is None else self.status
        status: str | Unset = UNSET
        if not isinstance(_src_status, Unset):
            status = _src_status

        _src_tokens_used: float | Unset = UNSET if self.tokens_used is None else self.tokens_used
        tokens_used = _src_tokens_used

        _src_processing_latency_ms: int | Unset = (
            UNSET if self.processing_latency_ms is None else self.processing_latency_ms
        )
        processing_latency_ms = _src_processing_latency_ms

        _src_error: str | Unset = UNSET if self.error is None else self.error
        error = _src_error

        _src_result: str | Unset = UNSET if self.result is None else self.result
        result = _src_result

        _src_deduplicated: bool | Unset = UNSET if self.deduplicated is None else self.deduplicated
        deduplicated = _src_deduplicated

        _src_routing_decision: RoutingDecision | Unset = (
            UNSET if self.routing_decision is None else self.routing_decision
        )
        routing_decision: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_routing_decision, Unset):
            routing_decision = _src_routing_decision.to_dict()

        _src_error_code: BrokerErrorCode | Unset = UNSET if self.error_code is None else self.error_code
        error_code: str | Unset = UNSET
        if not isinstance(_src_error_code, Unset):
            error_code = _src_error_code

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
            status=None if isinstance(status, Unset) else status,
            tokens_used=0.0 if isinstance(tokens_used, Unset) else tokens_used,
            processing_latency_ms=0 if isinstance(processing_latency_ms, Unset) else processing_latency_ms,
            error="" if isinstance(error, Unset) else error,
            result="" if isinstance(result, Unset) else result,
            deduplicated=False if isinstance(deduplicated, Unset) else deduplicated,
            routing_decision=None if isinstance(routing_decision, Unset) else routing_decision,
            error_code=None if isinstance(error_code, Unset) else error_code,
        )

        acknowledgment.additional_properties = d
        return acknowledgment

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
from ..models.routing_decision import RoutingDecision
