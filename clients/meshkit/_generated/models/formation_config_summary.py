from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="FormationConfigSummary")


@_attrs_define(repr=False, getstate_setstate=False)
class FormationConfigSummary(Model):
    """The formation's metadata, with the route of each configuration section.

    Attributes:
        formation_id (str):
        version (str): The formation's version (1.0.0 when its file sets none).
        description (None | str):
        schema_version (str): The formation file's schema version.
        agents (ConfigResourceTotal): How many items a configuration section holds, and the route that lists them.
        secrets (ConfigResourceTotal): How many items a configuration section holds, and the route that lists them.
        mcp (ConfigMcpSummary): The MCP defaults of the formation file, and its MCP servers' count and route.
        overlord (ConfigResource): The API route that serves one configuration section.
        llm (ConfigResource): The API route that serves one configuration section.
        memory (ConfigResource): The API route that serves one configuration section.
        async_ (ConfigResource): The API route that serves one configuration section.
        scheduler (ConfigResource): The API route that serves one configuration section.
        a2a (ConfigResource): The API route that serves one configuration section.
        logging (ConfigResource): The API route that serves one configuration section.
    """

    formation_id: str
    version: str
    description: None | str
    schema_version: str
    agents: ConfigResourceTotal
    secrets: ConfigResourceTotal
    mcp: ConfigMcpSummary
    overlord: ConfigResource
    llm: ConfigResource
    memory: ConfigResource
    async_: ConfigResource
    scheduler: ConfigResource
    a2a: ConfigResource
    logging: ConfigResource
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        formation_id = self.formation_id

        version = self.version

        description: None | str
        description = self.description

        schema_version = self.schema_version

        agents = self.agents.to_dict()

        secrets = self.secrets.to_dict()

        mcp = self.mcp.to_dict()

        overlord = self.overlord.to_dict()

        llm = self.llm.to_dict()

        memory = self.memory.to_dict()

        async_ = self.async_.to_dict()

        scheduler = self.scheduler.to_dict()

        a2a = self.a2a.to_dict()

        logging = self.logging.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "formation_id": formation_id,
                "version": version,
                "description": description,
                "schema_version": schema_version,
                "agents": agents,
                "secrets": secrets,
                "mcp": mcp,
                "overlord": overlord,
                "llm": llm,
                "memory": memory,
                "async": async_,
                "scheduler": scheduler,
                "a2a": a2a,
                "logging": logging,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        formation_id = d.pop("formation_id")

        version = d.pop("version")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        schema_version = d.pop("schema_version")

        agents = ConfigResourceTotal.from_dict(d.pop("agents"))

        secrets = ConfigResourceTotal.from_dict(d.pop("secrets"))

        mcp = ConfigMcpSummary.from_dict(d.pop("mcp"))

        overlord = ConfigResource.from_dict(d.pop("overlord"))

        llm = ConfigResource.from_dict(d.pop("llm"))

        memory = ConfigResource.from_dict(d.pop("memory"))

        async_ = ConfigResource.from_dict(d.pop("async"))

        scheduler = ConfigResource.from_dict(d.pop("scheduler"))

        a2a = ConfigResource.from_dict(d.pop("a2a"))

        logging = ConfigResource.from_dict(d.pop("logging"))

        formation_config_summary = cls(
            formation_id=formation_id,
            version=version,
            description=description,
            schema_version=schema_version,
            agents=agents,
            secrets=secrets,
            mcp=mcp,
            overlord=overlord,
            llm=llm,
            memory=memory,
            async_=async_,
            scheduler=scheduler,
            a2a=a2a,
            logging=logging,
        )

        formation_config_summary.additional_properties = d
        return formation_config_summary

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
from ..models.config_mcp_summary import ConfigMcpSummary
from ..models.config_resource import ConfigResource
from ..models.config_resource_total import ConfigResourceTotal
