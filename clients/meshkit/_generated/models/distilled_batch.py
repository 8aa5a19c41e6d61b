from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="DistilledBatch")


@_attrs_define(repr=False, getstate_setstate=False)
class DistilledBatch(Model):
    """A signed distilled batch accepted (typed from the runtime's source; no recorded answer).

    Attributes:
        batch_id (str):
        accepted (int):
        duplicates (int):
        rejected (int):
        rejections (list[DistilledRejection]):
        processing_id (None | str): Null when no event was new.
        status_url (str | None):
    """

    batch_id: str
    accepted: int
    duplicates: int
    rejected: int
    rejections: list[DistilledRejection]
    processing_id: None | str
    status_url: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        batch_id = self.batch_id

        accepted = self.accepted

        duplicates = self.duplicates

        rejected = self.rejected

        rejections = []
        for rejections_item_data in self.rejections:
            rejections_item = rejections_item_data.to_dict()
            rejections.append(rejections_item)

        processing_id: None | str
        processing_id = self.processing_id

        _src_status_url: str | Unset = UNSET if self.status_url is None else self.status_url
        status_url = _src_status_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "batch_id": batch_id,
                "accepted": accepted,
                "duplicates": duplicates,
                "rejected": rejected,
                "rejections": rejections,
                "processing_id": processing_id,
            }
        )
        if status_url is not UNSET:
            field_dict["status_url"] = status_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        batch_id = d.pop("batch_id")

        accepted = d.pop("accepted")

        duplicates = d.pop("duplicates")

        rejected = d.pop("rejected")

        rejections = []
        _rejections = d.pop("rejections")
        for rejections_item_data in _rejections:
            rejections_item = DistilledRejection.from_dict(rejections_item_data)

            rejections.append(rejections_item)

        def _parse_processing_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        processing_id = _parse_processing_id(d.pop("processing_id"))

        status_url = d.pop("status_url", UNSET)

        distilled_batch = cls(
            batch_id=batch_id,
            accepted=accepted,
            duplicates=duplicates,
            rejected=rejected,
            rejections=rejections,
            processing_id=processing_id,
            status_url=None if isinstance(status_url, Unset) else status_url,
        )

        distilled_batch.additional_properties = d
        return distilled_batch

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
from ..models.distilled_rejection import DistilledRejection
