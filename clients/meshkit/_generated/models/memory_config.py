from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryConfig")


@_attrs_define
class MemoryConfig:
    """The formation's memory configuration. Free-form: the keys are the formation file's `memory` section as written
    (buffer, persistent, working, lint, distillery, ingestion…), without defaults.

        Attributes:
            buffer (MemoryConfigBuffer | Unset): The buffer section (size, multiplier…).
            persistent (MemoryConfigPersistent | Unset): The persistent memory section.
            working (MemoryConfigWorking | Unset):
            lint (MemoryConfigLint | Unset):
            distillery (MemoryConfigDistillery | Unset):
    """

    buffer: MemoryConfigBuffer | Unset = UNSET
    persistent: MemoryConfigPersistent | Unset = UNSET
    working: MemoryConfigWorking | Unset = UNSET
    lint: MemoryConfigLint | Unset = UNSET
    distillery: MemoryConfigDistillery | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        buffer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.buffer, Unset):
            buffer = self.buffer.to_dict()

        persistent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.persistent, Unset):
            persistent = self.persistent.to_dict()

        working: dict[str, Any] | Unset = UNSET
        if not isinstance(self.working, Unset):
            working = self.working.to_dict()

        lint: dict[str, Any] | Unset = UNSET
        if not isinstance(self.lint, Unset):
            lint = self.lint.to_dict()

        distillery: dict[str, Any] | Unset = UNSET
        if not isinstance(self.distillery, Unset):
            distillery = self.distillery.to_dict()

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
            buffer=buffer,
            persistent=persistent,
            working=working,
            lint=lint,
            distillery=distillery,
        )

        memory_config.additional_properties = d
        return memory_config

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
from ..models.memory_config_buffer import MemoryConfigBuffer
from ..models.memory_config_distillery import MemoryConfigDistillery
from ..models.memory_config_lint import MemoryConfigLint
from ..models.memory_config_persistent import MemoryConfigPersistent
from ..models.memory_config_working import MemoryConfigWorking
