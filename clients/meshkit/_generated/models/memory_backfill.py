from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="MemoryBackfill")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryBackfill(Model):
    """A legacy backfill pass for one user.

    Attributes:
        user_id (str):
        synthesized (BackfillReport): Backfill passes per projection.
    """

    user_id: str
    synthesized: BackfillReport
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        user_id = self.user_id

        synthesized = self.synthesized.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "synthesized": synthesized,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        synthesized = BackfillReport.from_dict(d.pop("synthesized"))

        memory_backfill = cls(
            user_id=user_id,
            synthesized=synthesized,
        )

        memory_backfill.additional_properties = d
        return memory_backfill

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
from ..models.backfill_report import BackfillReport
