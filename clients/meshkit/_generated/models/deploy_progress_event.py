from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deploy_stage import DeployStage, check_deploy_stage
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeployProgressEvent")


@_attrs_define
class DeployProgressEvent:
    """Data of an SSE "progress" event (deploy, update, start, restart, rollback).

    Example:
        {'stage': 'health_check', 'message': 'Health check attempt 1/300...', 'attempt': 1, 'max_attempts': 300}

    Attributes:
        stage (DeployStage): Progress stage of deploy, update, start, restart or rollback (clients accept unknown stage
            names; a stage may repeat).
        message (str): Human text.
        progress (int | Unset): Download progress 0-100 (downloading stages).
        url (str | Unset): URL being downloaded.
        version (str | Unset): Resolved runtime version.
        attempt (int | Unset): Health check attempt (about one per second).
        max_attempts (int | Unset): Maximum health check attempts.
        staging_port (int | Unset): Staging port (update).
    """

    stage: DeployStage
    message: str
    progress: int | Unset = UNSET
    url: str | Unset = UNSET
    version: str | Unset = UNSET
    attempt: int | Unset = UNSET
    max_attempts: int | Unset = UNSET
    staging_port: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage: str = self.stage

        message = self.message

        progress = self.progress

        url = self.url

        version = self.version

        attempt = self.attempt

        max_attempts = self.max_attempts

        staging_port = self.staging_port

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage": stage,
                "message": message,
            }
        )
        if progress is not UNSET:
            field_dict["progress"] = progress
        if url is not UNSET:
            field_dict["url"] = url
        if version is not UNSET:
            field_dict["version"] = version
        if attempt is not UNSET:
            field_dict["attempt"] = attempt
        if max_attempts is not UNSET:
            field_dict["max_attempts"] = max_attempts
        if staging_port is not UNSET:
            field_dict["staging_port"] = staging_port

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        stage = check_deploy_stage(d.pop("stage"))

        message = d.pop("message")

        progress = d.pop("progress", UNSET)

        url = d.pop("url", UNSET)

        version = d.pop("version", UNSET)

        attempt = d.pop("attempt", UNSET)

        max_attempts = d.pop("max_attempts", UNSET)

        staging_port = d.pop("staging_port", UNSET)

        deploy_progress_event = cls(
            stage=stage,
            message=message,
            progress=progress,
            url=url,
            version=version,
            attempt=attempt,
            max_attempts=max_attempts,
            staging_port=staging_port,
        )

        deploy_progress_event.additional_properties = d
        return deploy_progress_event

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
