from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="BackfillProgress")


@_attrs_define(repr=False, getstate_setstate=False)
class BackfillProgress(Model):
    """One projection's legacy backfill pass.

    Attributes:
        synthesized (int | None):
        complete (bool | None): False while rows remain; call again.
    """

    synthesized: int | None = None
    complete: bool | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_synthesized: int | Unset = UNSET if self.synthesized is None else self.synthesized
        synthesized = _src_synthesized

        _src_complete: bool | Unset = UNSET if self.complete is None else self.complete
        complete = _src_complete

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if synthesized is not UNSET:
            field_dict["synthesized"] = synthesized
        if complete is not UNSET:
            field_dict["complete"] = complete

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        synthesized = d.pop("synthesized", UNSET)

        complete = d.pop("complete", UNSET)

        backfill_progress = cls(
            synthesized=None if isinstance(synthesized, Unset) else synthesized,
            complete=None if isinstance(complete, Unset) else complete,
        )

        backfill_progress.additional_properties = d
        return backfill_progress

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
