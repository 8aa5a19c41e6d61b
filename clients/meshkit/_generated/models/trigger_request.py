from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="TriggerRequest")


@_attrs_define(repr=False, getstate_setstate=False)
class TriggerRequest(Model):
    """Model for trigger requests.

    Attributes:
        data (TriggerRequestData): Event data to pass to trigger template
        session_id (None | str): Session ID for conversation grouping
        use_async (bool | None): Process trigger asynchronously (default: true) Default: True.
    """

    data: TriggerRequestData
    session_id: None | str = None
    use_async: bool | None = True
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        data = self.data.to_dict()

        _src_session_id: None | str | Unset = UNSET if self.session_id is None else self.session_id
        session_id: None | str | Unset
        if isinstance(_src_session_id, Unset):
            session_id = UNSET
        else:
            session_id = _src_session_id

        _src_use_async: bool | None | Unset = UNSET if self.use_async is None else self.use_async
        use_async: bool | None | Unset
        if isinstance(_src_use_async, Unset):
            use_async = UNSET
        else:
            use_async = _src_use_async

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "data": data,
            }
        )
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if use_async is not UNSET:
            field_dict["use_async"] = use_async

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        data = TriggerRequestData.from_dict(d.pop("data"))

        def _parse_session_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        session_id = _parse_session_id(d.pop("session_id", UNSET))

        def _parse_use_async(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        use_async = _parse_use_async(d.pop("use_async", UNSET))

        trigger_request = cls(
            data=data,
            session_id=None if isinstance(session_id, Unset) else session_id,
            use_async=True if isinstance(use_async, Unset) else use_async,
        )

        trigger_request.additional_properties = d
        return trigger_request

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
from ..models.trigger_request_data import TriggerRequestData
