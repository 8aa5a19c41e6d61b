from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="BatchResponse")


@_attrs_define(repr=False, getstate_setstate=False)
class BatchResponse(Model):
    """Body of a batch answer.

    Attributes:
        acknowledgments (list[Acknowledgment]): One acknowledgment per item, same order.
    """

    acknowledgments: list[Acknowledgment]
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        acknowledgments = []
        for acknowledgments_item_data in self.acknowledgments:
            acknowledgments_item = acknowledgments_item_data.to_dict()
            acknowledgments.append(acknowledgments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "acknowledgments": acknowledgments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        acknowledgments = []
        _acknowledgments = d.pop("acknowledgments")
        for acknowledgments_item_data in _acknowledgments:
            acknowledgments_item = Acknowledgment.from_dict(acknowledgments_item_data)

            acknowledgments.append(acknowledgments_item)

        batch_response = cls(
            acknowledgments=acknowledgments,
        )

        batch_response.additional_properties = d
        return batch_response

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
from ..models.acknowledgment import Acknowledgment
