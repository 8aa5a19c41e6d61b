from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.broker_error_code import BrokerErrorCode, check_broker_error_code

T = TypeVar("T", bound="BudgetExceededErrorBody")


@_attrs_define(repr=False, getstate_setstate=False)
class BudgetExceededErrorBody(Model):
    """Body of a 402 budget_exceeded error.

    Attributes:
        error (BrokerErrorCode): Broker error code (canonical choice).
        message (str): "Budget exceeded for agent <id>: required <r>, available <a>".
        agent_id (str): The agent whose budget is too small.
        required (float): Tokens the message would charge.
        available (float): The agent's remaining tokens.
    """

    error: BrokerErrorCode
    message: str
    agent_id: str
    required: float
    available: float
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        error: str = self.error

        message = self.message

        agent_id = self.agent_id

        required = self.required

        available = self.available

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "message": message,
                "agent_id": agent_id,
                "required": required,
                "available": available,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = check_broker_error_code(d.pop("error"))

        message = d.pop("message")

        agent_id = d.pop("agent_id")

        required = d.pop("required")

        available = d.pop("available")

        budget_exceeded_error_body = cls(
            error=error,
            message=message,
            agent_id=agent_id,
            required=required,
            available=available,
        )

        budget_exceeded_error_body.additional_properties = d
        return budget_exceeded_error_body

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
