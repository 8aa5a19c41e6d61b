from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="McpServer")


@_attrs_define(repr=False, getstate_setstate=False)
class McpServer(Model):
    """One MCP server as the formation file declares it (secrets masked). Free-form beyond the typed keys: the server's
    file decides them (auth, env, timeout_seconds…).

        Attributes:
            id (str):
            description (str | None):
            type_ (str | None): command (a local process) or http.
            command (str | None):
            args (list[str] | None):
            endpoint (str | None):
            active (bool | None):
            source (str | None): Where the server comes from: formation (its file) or api.
    """

    id: str
    description: str | None = None
    type_: str | None = None
    command: str | None = None
    args: list[str] | None = None
    endpoint: str | None = None
    active: bool | None = None
    source: str | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        _src_description: str | Unset = UNSET if self.description is None else self.description
        description = _src_description

        _src_type_: str | Unset = UNSET if self.type_ is None else self.type_
        type_ = _src_type_

        _src_command: str | Unset = UNSET if self.command is None else self.command
        command = _src_command

        _src_args: list[str] | Unset = UNSET if self.args is None else self.args
        args: list[str] | Unset = UNSET
        if not isinstance(_src_args, Unset):
            args = _src_args

        _src_endpoint: str | Unset = UNSET if self.endpoint is None else self.endpoint
        endpoint = _src_endpoint

        _src_active: bool | Unset = UNSET if self.active is None else self.active
        active = _src_active

        _src_source: str | Unset = UNSET if self.source is None else self.source
        source = _src_source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if type_ is not UNSET:
            field_dict["type"] = type_
        if command is not UNSET:
            field_dict["command"] = command
        if args is not UNSET:
            field_dict["args"] = args
        if endpoint is not UNSET:
            field_dict["endpoint"] = endpoint
        if active is not UNSET:
            field_dict["active"] = active
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        description = d.pop("description", UNSET)

        type_ = d.pop("type", UNSET)

        command = d.pop("command", UNSET)

        args = cast(list[str], d.pop("args", UNSET))

        endpoint = d.pop("endpoint", UNSET)

        active = d.pop("active", UNSET)

        source = d.pop("source", UNSET)

        mcp_server = cls(
            id=id,
            description=None if isinstance(description, Unset) else description,
            type_=None if isinstance(type_, Unset) else type_,
            command=None if isinstance(command, Unset) else command,
            args=None if isinstance(args, Unset) else args,
            endpoint=None if isinstance(endpoint, Unset) else endpoint,
            active=None if isinstance(active, Unset) else active,
            source=None if isinstance(source, Unset) else source,
        )

        mcp_server.additional_properties = d
        return mcp_server

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
