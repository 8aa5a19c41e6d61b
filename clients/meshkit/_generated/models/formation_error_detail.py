from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="FormationErrorDetail")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationErrorDetail(Model):
    """
    Attributes:
        code (str): UNAUTHORIZED, INVALID_PARAMS, RESOURCE_NOT_FOUND… kept verbatim.
        message (str):
        data (FormationErrorData | None): Extra details, e.g. `validation_errors` on 422 or `{field, value, expected,
            error}`.
        trace (None | str):
    """

    code: str
    message: str
    data: FormationErrorData | None = None
    trace: None | str = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        code = self.code

        message = self.message

        _src_data: FormationErrorData | None | Unset = UNSET if self.data is None else self.data
        data: dict[str, Any] | None | Unset
        if isinstance(_src_data, Unset):
            data = UNSET
        elif isinstance(_src_data, FormationErrorData):
            data = _src_data.to_dict()
        else:
            data = _src_data

        _src_trace: None | str | Unset = UNSET if self.trace is None else self.trace
        trace: None | str | Unset
        if isinstance(_src_trace, Unset):
            trace = UNSET
        else:
            trace = _src_trace

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
            }
        )
        if data is not UNSET:
            field_dict["data"] = data
        if trace is not UNSET:
            field_dict["trace"] = trace

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        def _parse_data(data: object) -> FormationErrorData | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = FormationErrorData.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FormationErrorData | None | Unset, data)

        data = _parse_data(d.pop("data", UNSET))

        def _parse_trace(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trace = _parse_trace(d.pop("trace", UNSET))

        formation_error_detail = cls(
            code=code,
            message=message,
            data=None if isinstance(data, Unset) else data,
            trace=None if isinstance(trace, Unset) else trace,
        )

        formation_error_detail.additional_properties = d
        return formation_error_detail

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
from ..models.formation_error_data import FormationErrorData
