from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="TriggerFireResult")


@_attrs_define(repr=False, getstate_setstate=False)
class TriggerFireResult(Model):
    """use_async true → {status: processing} (the request id is request.id); false → {status: completed, content}.

    Attributes:
        status (str | None):
        content (str | None):
    """

    status: str | None = None
    content: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_status: str | Unset = UNSET if self.status is None else self.status
        status = _src_status

        _src_content: str | Unset = UNSET if self.content is None else self.content
        content = _src_content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if content is not UNSET:
            field_dict["content"] = content

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        status = d.pop("status", UNSET)

        content = d.pop("content", UNSET)

        trigger_fire_result = cls(
            status=None if isinstance(status, Unset) else status,
            content=None if isinstance(content, Unset) else content,
        )

        trigger_fire_result.additional_properties = d
        return trigger_fire_result

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
