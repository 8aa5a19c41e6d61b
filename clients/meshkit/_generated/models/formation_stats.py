from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="FormationStats")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationStats(Model):
    """Process statistics of the formation's runtime.

    Attributes:
        running (FormationUptime): Since when the formation's server runs.
        memory (FormationMemoryUsage): The working-memory budget and the process's resident memory.
        requests (FormationRequestCounts): Requests the server has handled, and those in flight.
        buffer_size (int): The memory buffer's size in messages (memory.buffer.size).
        cpu_percent (float | None): CPU use in percent; null when it cannot be read.
    """

    running: FormationUptime
    memory: FormationMemoryUsage
    requests: FormationRequestCounts
    buffer_size: int
    cpu_percent: float | None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        running = self.running.to_dict()

        memory = self.memory.to_dict()

        requests = self.requests.to_dict()

        buffer_size = self.buffer_size

        cpu_percent: float | None
        cpu_percent = self.cpu_percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "running": running,
                "memory": memory,
                "requests": requests,
                "buffer_size": buffer_size,
                "cpu_percent": cpu_percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        running = FormationUptime.from_dict(d.pop("running"))

        memory = FormationMemoryUsage.from_dict(d.pop("memory"))

        requests = FormationRequestCounts.from_dict(d.pop("requests"))

        buffer_size = d.pop("buffer_size")

        def _parse_cpu_percent(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cpu_percent = _parse_cpu_percent(d.pop("cpu_percent"))

        formation_stats = cls(
            running=running,
            memory=memory,
            requests=requests,
            buffer_size=buffer_size,
            cpu_percent=cpu_percent,
        )

        formation_stats.additional_properties = d
        return formation_stats

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
from ..models.formation_memory_usage import FormationMemoryUsage
from ..models.formation_request_counts import FormationRequestCounts
from ..models.formation_uptime import FormationUptime
