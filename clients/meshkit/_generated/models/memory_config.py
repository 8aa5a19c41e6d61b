from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryConfig")


@_attrs_define(repr=False, getstate_setstate=False)
class MemoryConfig(Model):
    """The formation's memory configuration. Free-form: the keys are the formation file's `memory` section as written
    (buffer, persistent, working, lint, distillery, ingestion…), without defaults.

        Attributes:
            buffer (MemoryConfigBuffer | None): The buffer section (size, multiplier…).
            persistent (MemoryConfigPersistent | None): The persistent memory section.
            working (MemoryConfigWorking | None):
            lint (MemoryConfigLint | None):
            distillery (MemoryConfigDistillery | None):
    """

    buffer: MemoryConfigBuffer | None = None
    persistent: MemoryConfigPersistent | None = None
    working: MemoryConfigWorking | None = None
    lint: MemoryConfigLint | None = None
    distillery: MemoryConfigDistillery | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_buffer: MemoryConfigBuffer | Unset = UNSET if self.buffer is None else self.buffer
        buffer: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_buffer, Unset):
            buffer = _src_buffer.to_dict()

        _src_persistent: MemoryConfigPersistent | Unset = UNSET if self.persistent is None else self.persistent
        persistent: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_persistent, Unset):
            persistent = _src_persistent.to_dict()

        _src_working: MemoryConfigWorking | Unset = UNSET if self.working is None else self.working
        working: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_working, Unset):
            working = _src_working.to_dict()

        _src_lint: MemoryConfigLint | Unset = UNSET if self.lint is None else self.lint
        lint: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_lint, Unset):
            lint = _src_lint.to_dict()

        _src_distillery: MemoryConfigDistillery | Unset = UNSET if self.distillery is None else self.distillery
        distillery: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_distillery, Unset):
            distillery = _src_distillery.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if buffer is not UNSET:
            field_dict["buffer"] = buffer
        if persistent is not UNSET:
            field_dict["persistent"] = persistent
        if working is not UNSET:
            field_dict["working"] = working
        if lint is not UNSET:
            field_dict["lint"] = lint
        if distillery is not UNSET:
            field_dict["distillery"] = distillery

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _buffer = d.pop("buffer", UNSET)
        buffer: MemoryConfigBuffer | Unset
        if isinstance(_buffer, Unset):
            buffer = UNSET
        else:
            buffer = MemoryConfigBuffer.from_dict(_buffer)

        _persistent = d.pop("persistent", UNSET)
        persistent: MemoryConfigPersistent | Unset
        if isinstance(_persistent, Unset):
            persistent = UNSET
        else:
            persistent = MemoryConfigPersistent.from_dict(_persistent)

        _working = d.pop("working", UNSET)
        working: MemoryConfigWorking | Unset
        if isinstance(_working, Unset):
            working = UNSET
        else:
            working = MemoryConfigWorking.from_dict(_working)

        _lint = d.pop("lint", UNSET)
        lint: MemoryConfigLint | Unset
        if isinstance(_lint, Unset):
            lint = UNSET
        else:
            lint = MemoryConfigLint.from_dict(_lint)

        _distillery = d.pop("distillery", UNSET)
        distillery: MemoryConfigDistillery | Unset
        if isinstance(_distillery, Unset):
            distillery = UNSET
        else:
            distillery = MemoryConfigDistillery.from_dict(_distillery)

        memory_config = cls(
            buffer=None if isinstance(buffer, Unset) else buffer,
            persistent=None if isinstance(persistent, Unset) else persistent,
            working=None if isinstance(working, Unset) else working,
            lint=None if isinstance(lint, Unset) else lint,
            distillery=None if isinstance(distillery, Unset) else distillery,
        )

        memory_config.additional_properties = d
        return memory_config

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
from ..models.memory_config_buffer import MemoryConfigBuffer
from ..models.memory_config_distillery import MemoryConfigDistillery
from ..models.memory_config_lint import MemoryConfigLint
from ..models.memory_config_persistent import MemoryConfigPersistent
from ..models.memory_config_working import MemoryConfigWorking
