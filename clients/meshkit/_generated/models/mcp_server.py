from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="McpServer")


@_attrs_define
class McpServer:
    """One MCP server as the formation file declares it (secrets masked). Free-form beyond the typed keys: the server's
    file decides them (auth, env, timeout_seconds…).

        Attributes:
            id (str):
            description (str | Unset):
            type_ (str | Unset): command (a local process) or http.
            command (str | Unset):
            args (list[str] | Unset):
            endpoint (str | Unset):
            active (bool | Unset):
            source (str | Unset): Where the server comes from: formation (its file) or api.
    """

    id: str
    description: str | Unset = UNSET
    type_: str | Unset = UNSET
    command: str | Unset = UNSET
    args: list[str] | Unset = UNSET
    endpoint: str | Unset = UNSET
    active: bool | Unset = UNSET
    source: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        description = self.description

        type_ = self.type_

        command = self.command

        args: list[str] | Unset = UNSET
        if not isinstance(self.args, Unset):
            args = self.args

        endpoint = self.endpoint

        active = self.active

        source = self.source

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
            description=description,
            type_=type_,
            command=command,
            args=args,
            endpoint=endpoint,
            active=active,
            source=source,
        )

        mcp_server.additional_properties = d
        return mcp_server

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
