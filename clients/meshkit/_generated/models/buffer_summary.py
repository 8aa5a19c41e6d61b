from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="BufferSummary")


@_attrs_define(repr=False, getstate_setstate=False)
class BufferSummary(Model):
    """The buffer memory's occupancy (deprecated listing).

    Attributes:
        total_entries (int | None):
        max_size (int | None):
        utilization (float | None):
        kv_namespaces (BufferSummaryKvNamespaces | None): Key-value entries per namespace.
    """

    total_entries: int | None = None
    max_size: int | None = None
    utilization: float | None = None
    kv_namespaces: BufferSummaryKvNamespaces | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_total_entries: int | Unset = UNSET if self.total_entries is None else self.total_entries
        total_entries = _src_total_entries

        _src_max_size: int | Unset = UNSET if self.max_size is None else self.max_size
        max_size = _src_max_size

        _src_utilization: float | Unset = UNSET if self.utilization is None else self.utilization
        utilization = _src_utilization

        _src_kv_namespaces: BufferSummaryKvNamespaces | Unset = (
            UNSET if self.kv_namespaces is None else self.kv_namespaces
        )
        kv_namespaces: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_kv_namespaces, Unset):
            kv_namespaces = _src_kv_namespaces.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_entries is not UNSET:
            field_dict["total_entries"] = total_entries
        if max_size is not UNSET:
            field_dict["max_size"] = max_size
        if utilization is not UNSET:
            field_dict["utilization"] = utilization
        if kv_namespaces is not UNSET:
            field_dict["kv_namespaces"] = kv_namespaces

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        total_entries = d.pop("total_entries", UNSET)

        max_size = d.pop("max_size", UNSET)

        utilization = d.pop("utilization", UNSET)

        _kv_namespaces = d.pop("kv_namespaces", UNSET)
        kv_namespaces: BufferSummaryKvNamespaces | Unset
        if isinstance(_kv_namespaces, Unset):
            kv_namespaces = UNSET
        else:
            kv_namespaces = BufferSummaryKvNamespaces.from_dict(_kv_namespaces)

        buffer_summary = cls(
            total_entries=None if isinstance(total_entries, Unset) else total_entries,
            max_size=None if isinstance(max_size, Unset) else max_size,
            utilization=None if isinstance(utilization, Unset) else utilization,
            kv_namespaces=None if isinstance(kv_namespaces, Unset) else kv_namespaces,
        )

        buffer_summary.additional_properties = d
        return buffer_summary

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
from ..models.buffer_summary_kv_namespaces import BufferSummaryKvNamespaces
