from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.formation_status import FormationStatus, check_formation_status
from ..models.update_result_deployment_type import (
    UpdateResultDeploymentType,
    check_update_result_deployment_type,
)

T = TypeVar("T", bound="UpdateResult")


@_attrs_define(repr=False, getstate_setstate=False)
class UpdateResult(Model):
    """Data of a successful blue-green update.

    Attributes:
        id (str): Formation id.
        status (FormationStatus): Formation process status (a live health check can turn running into unhealthy).
        version (int): New deployment counter (not the semantic version).
        previous_version (int): Previous deployment counter.
        port (int): Port now serving the formation.
        pid (int): Process id of the new version.
        message (str): Human text.
        deployment_type (UpdateResultDeploymentType): Always "blue-green".
    """

    id: str
    status: FormationStatus
    version: int
    previous_version: int
    port: int
    pid: int
    message: str
    deployment_type: UpdateResultDeploymentType
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        status: str = self.status

        version = self.version

        previous_version = self.previous_version

        port = self.port

        pid = self.pid

        message = self.message

        deployment_type: str = self.deployment_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "version": version,
                "previous_version": previous_version,
                "port": port,
                "pid": pid,
                "message": message,
                "deployment_type": deployment_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        status = check_formation_status(d.pop("status"))

        version = d.pop("version")

        previous_version = d.pop("previous_version")

        port = d.pop("port")

        pid = d.pop("pid")

        message = d.pop("message")

        deployment_type = check_update_result_deployment_type(d.pop("deployment_type"))

        update_result = cls(
            id=id,
            status=status,
            version=version,
            previous_version=previous_version,
            port=port,
            pid=pid,
            message=message,
            deployment_type=deployment_type,
        )

        update_result.additional_properties = d
        return update_result

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
