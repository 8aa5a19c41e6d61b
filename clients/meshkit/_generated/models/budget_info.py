from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="BudgetInfo")


@_attrs_define(repr=False, getstate_setstate=False)
class BudgetInfo(Model):
    """An agent's token budget.

    Attributes:
        agent_id (str): Agent id.
        initial_tokens (float): Tokens set by the last POST /budgets.
        remaining_tokens (float): Tokens left; equality with the charge still passes.
        consumption_rate (float): Always 0.0 (reserved, canonical choice).
        reset_at (int | None): Reset time in epoch nanoseconds, or null.
    """

    agent_id: str
    initial_tokens: float
    remaining_tokens: float
    consumption_rate: float
    reset_at: int | None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        agent_id = self.agent_id

        initial_tokens = self.initial_tokens

        remaining_tokens = self.remaining_tokens

        consumption_rate = self.consumption_rate

        reset_at: int | None
        reset_at = self.reset_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_id": agent_id,
                "initial_tokens": initial_tokens,
                "remaining_tokens": remaining_tokens,
                "consumption_rate": consumption_rate,
                "reset_at": reset_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        initial_tokens = d.pop("initial_tokens")

        remaining_tokens = d.pop("remaining_tokens")

        consumption_rate = d.pop("consumption_rate")

        def _parse_reset_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reset_at = _parse_reset_at(d.pop("reset_at"))

        budget_info = cls(
            agent_id=agent_id,
            initial_tokens=initial_tokens,
            remaining_tokens=remaining_tokens,
            consumption_rate=consumption_rate,
            reset_at=reset_at,
        )

        budget_info.additional_properties = d
        return budget_info

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
