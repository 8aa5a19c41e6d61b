from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryForgetRequest")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryForgetRequest(Model):
    """Model for a GDPR / selective-forgetting request.

    Soft-deletes every live memory event from ``source`` for the user and
    records the user.deletion audit event. With ``rebuild`` (default
    True) the projections are recomputed so derived state reflects the
    forgetting; otherwise the events stay excluded from any later
    rebuild. ``background`` (default True) runs that rebuild as a
    tracked background job (202 + ``job_id`` pollable at GET
    /memory/forget/{job_id}) so large users never block the admin call;
    ``background: false`` -- or the ``?sync=true`` query escape hatch --
    blocks until the rebuild finishes and returns the report inline.
    Soft-deleted events are reversible until the retention grace period
    elapses and the hard-purge worker removes them.

        Attributes:
            user_id (str):
            source (str):
            reason (str | None):  Default: 'user_request'.
            rebuild (bool | None):  Default: True.
            background (bool | None):  Default: True.
    """

    user_id: str
    source: str
    reason: str | None = "user_request"
    rebuild: bool | None = True
    background: bool | None = True
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        user_id = self.user_id

        source = self.source

        _src_reason: str | Unset = UNSET if self.reason is None else self.reason
        reason = _src_reason

        _src_rebuild: bool | Unset = UNSET if self.rebuild is None else self.rebuild
        rebuild = _src_rebuild

        _src_background: bool | Unset = UNSET if self.background is None else self.background
        background = _src_background

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "source": source,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason
        if rebuild is not UNSET:
            field_dict["rebuild"] = rebuild
        if background is not UNSET:
            field_dict["background"] = background

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        source = d.pop("source")

        reason = d.pop("reason", UNSET)

        rebuild = d.pop("rebuild", UNSET)

        background = d.pop("background", UNSET)

        memory_forget_request = cls(
            user_id=user_id,
            source=source,
            reason="user_request" if isinstance(reason, Unset) else reason,
            rebuild=True if isinstance(rebuild, Unset) else rebuild,
            background=True if isinstance(background, Unset) else background,
        )

        memory_forget_request.additional_properties = d
        return memory_forget_request

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
