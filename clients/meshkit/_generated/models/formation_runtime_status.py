from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="FormationRuntimeStatus")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationRuntimeStatus(Model):
    """The formation's runtime status: identity, agent and MCP server counts, and process statistics.

    Attributes:
        formation (FormationIdentity): Who the formation is, from its file (name defaults to the id, version to
            "unknown").
        agents (ActiveCount): How many of a formation's components are declared, and how many of them are active.
        mcp_servers (ActiveCount): How many of a formation's components are declared, and how many of them are active.
        stats (FormationStats): Process statistics of the formation's runtime.
    """

    formation: FormationIdentity
    agents: ActiveCount
    mcp_servers: ActiveCount
    stats: FormationStats
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        formation = self.formation.to_dict()

        agents = self.agents.to_dict()

        mcp_servers = self.mcp_servers.to_dict()

        stats = self.stats.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "formation": formation,
                "agents": agents,
                "mcp_servers": mcp_servers,
                "stats": stats,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        formation = FormationIdentity.from_dict(d.pop("formation"))

        agents = ActiveCount.from_dict(d.pop("agents"))

        mcp_servers = ActiveCount.from_dict(d.pop("mcp_servers"))

        stats = FormationStats.from_dict(d.pop("stats"))

        formation_runtime_status = cls(
            formation=formation,
            agents=agents,
            mcp_servers=mcp_servers,
            stats=stats,
        )

        formation_runtime_status.additional_properties = d
        return formation_runtime_status

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
from ..models.active_count import ActiveCount
from ..models.formation_identity import FormationIdentity
from ..models.formation_stats import FormationStats
