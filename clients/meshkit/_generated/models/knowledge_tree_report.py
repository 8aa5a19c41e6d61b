from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="KnowledgeTreeReport")


@_attrs_define(repr=False, getstate_setstate=False)
class KnowledgeTreeReport(Model):
    """One agent's agent-tree sources: rebuilt, failed, or skipped (not the requested source).

    Attributes:
        rebuilt (list[KnowledgeTreeRebuilt]):
        failed (list[str]): Source ids that could not be rebuilt.
        skipped (list[str]): Source ids left alone.
    """

    rebuilt: list[KnowledgeTreeRebuilt]
    failed: list[str]
    skipped: list[str]
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        rebuilt = []
        for rebuilt_item_data in self.rebuilt:
            rebuilt_item = rebuilt_item_data.to_dict()
            rebuilt.append(rebuilt_item)

        failed = self.failed

        skipped = self.skipped

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rebuilt": rebuilt,
                "failed": failed,
                "skipped": skipped,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        rebuilt = []
        _rebuilt = d.pop("rebuilt")
        for rebuilt_item_data in _rebuilt:
            rebuilt_item = KnowledgeTreeRebuilt.from_dict(rebuilt_item_data)

            rebuilt.append(rebuilt_item)

        failed = cast(list[str], d.pop("failed"))

        skipped = cast(list[str], d.pop("skipped"))

        knowledge_tree_report = cls(
            rebuilt=rebuilt,
            failed=failed,
            skipped=skipped,
        )

        knowledge_tree_report.additional_properties = d
        return knowledge_tree_report

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
from ..models.knowledge_tree_rebuilt import KnowledgeTreeRebuilt
