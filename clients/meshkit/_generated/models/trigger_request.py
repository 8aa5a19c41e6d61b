from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.model_base import OMITTED, Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="TriggerRequest")


@_attrs_define(repr=False)
class TriggerRequest(Model):
    """Model for trigger requests.

    Attributes:
        data (TriggerRequestData): Event data to pass to trigger template
        session_id (None | str): Session ID for conversation grouping
        use_async (bool | None): Process trigger asynchronously (default: true) Default: True.
    """

    data: TriggerRequestData
    session_id: None | str = OMITTED
    use_async: bool | None = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    # The nullable fields that were not given: to_dict() leaves them out instead of sending null.
    _omitted: frozenset[str] = _attrs_field(init=False, eq=False, default=frozenset())

    def __attrs_post_init__(self) -> None:
        omitted: list[str] = []
        if self.session_id is OMITTED:
            self.session_id = None
            omitted.append("session_id")
        if omitted:
            self._omitted = frozenset(omitted)

    def to_dict(self) -> dict[str, Any]:
        data = self.data.to_dict()

        _src_session_id: None | str | Unset = (
            UNSET if self.session_id is None and "session_id" in self._omitted else self.session_id
        )
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
            session_id=OMITTED if isinstance(session_id, Unset) else session_id,
            use_async=True if isinstance(use_async, Unset) else use_async,
        )

        trigger_request.additional_properties = d
        return trigger_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Referenced models, imported once the classes above exist (import cycles resolve).
from ..models.trigger_request_data import TriggerRequestData
