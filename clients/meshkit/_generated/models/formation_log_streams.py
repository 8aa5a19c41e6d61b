from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="FormationLogStreams")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationLogStreams(Model):
    """Lines per stream, oldest first, without newlines (only the selected streams' keys when stream is not all).

    Attributes:
        stdout (list[str] | None): Standard output lines.
        stderr (list[str] | None): Standard error lines.
    """

    stdout: list[str] | None = None
    stderr: list[str] | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_stdout: list[str] | Unset = UNSET if self.stdout is None else self.stdout
        stdout: list[str] | Unset = UNSET
        if not isinstance(_src_stdout, Unset):
            stdout = _src_stdout

        _src_stderr: list[str] | Unset = UNSET if self.stderr is None else self.stderr
        stderr: list[str] | Unset = UNSET
        if not isinstance(_src_stderr, Unset):
            stderr = _src_stderr

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if stdout is not UNSET:
            field_dict["stdout"] = stdout
        if stderr is not UNSET:
            field_dict["stderr"] = stderr

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        stdout = cast(list[str], d.pop("stdout", UNSET))

        stderr = cast(list[str], d.pop("stderr", UNSET))

        formation_log_streams = cls(
            stdout=None if isinstance(stdout, Unset) else stdout,
            stderr=None if isinstance(stderr, Unset) else stderr,
        )

        formation_log_streams.additional_properties = d
        return formation_log_streams

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
