from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="BudgetSetRequest")


@_attrs_define(repr=False, getstate_setstate=False)
class BudgetSetRequest(Model):
    """Body of POST /budgets; initial_tokens is accepted as an alias of tokens.

    Attributes:
        agent_id (str): Agent id; must match ^[a-z0-9_-]+$.
        tokens (float): Token budget (finite, >= 0); sets initial_tokens and remaining_tokens.
        reset_at (int | None): Reset time in epoch nanoseconds, or null; stored and returned, nothing resets
            automatically.
    """

    agent_id: str
    tokens: float
    reset_at: int | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        agent_id = self.agent_id

        tokens = self.tokens

        _src_reset_at: int | None | Unset = UNSET if self.reset_at is None else self.reset_at
        reset_at: int | None | Unset
        if isinstance(_src_reset_at, Unset):
            reset_at = UNSET
        else:
            reset_at = _src_reset_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent_id": agent_id,
                "tokens": tokens,
            }
        )
        if reset_at is not UNSET:
            field_dict["reset_at"] = reset_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agent_id = d.pop("agent_id")

        tokens = d.pop("tokens")

        def _parse_reset_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        reset_at = _parse_reset_at(d.pop("reset_at", UNSET))

        budget_set_request = cls(
            agent_id=agent_id,
            tokens=tokens,
            reset_at=None if isinstance(reset_at, Unset) else reset_at,
        )

        budget_set_request.additional_properties = d
        return budget_set_request

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
