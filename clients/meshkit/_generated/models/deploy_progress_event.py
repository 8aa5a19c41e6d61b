from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.deploy_stage import DeployStage, check_deploy_stage
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeployProgressEvent")


@_attrs_define(repr=False, getstate_setstate=False)
class DeployProgressEvent(Model):
    """Data of an SSE "progress" event (deploy, update, start, restart, rollback).

    Example:
        {'stage': 'health_check', 'message': 'Health check attempt 1/300...', 'attempt': 1, 'max_attempts': 300}

    Attributes:
        stage (DeployStage): Progress stage of deploy, update, start, restart or rollback (clients accept unknown stage
            names; a stage may repeat).
        message (str): Human text.
        progress (int | None): Download progress 0-100 (downloading stages).
        url (str | None): URL being downloaded.
        version (str | None): Resolved runtime version.
        attempt (int | None): Health check attempt (about one per second).
        max_attempts (int | None): Maximum health check attempts.
        staging_port (int | None): Staging port (update).
    """

    stage: DeployStage
    message: str
    progress: int | None = None
    url: str | None = None
    version: str | None = None
    attempt: int | None = None
    max_attempts: int | None = None
    staging_port: int | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        stage: str = self.stage

        message = self.message

        _src_progress: int | Unset = UNSET if self.progress is None else self.progress
        progress = _src_progress

        _src_url: str | Unset = UNSET if self.url is None else self.url
        url = _src_url

        _src_version: str | Unset = UNSET if self.version is None else self.version
        version = _src_version

        _src_attempt: int | Unset = UNSET if self.attempt is None else self.attempt
        attempt = _src_attempt

        _src_max_attempts: int | Unset = UNSET if self.max_attempts is None else self.max_attempts
        max_attempts = _src_max_attempts

        _src_staging_port: int | Unset = UNSET if self.staging_port is None else self.staging_port
        staging_port = _src_staging_port

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
            progress=None if isinstance(progress, Unset) else progress,
            url=None if isinstance(url, Unset) else url,
            version=None if isinstance(version, Unset) else version,
            attempt=None if isinstance(attempt, Unset) else attempt,
            max_attempts=None if isinstance(max_attempts, Unset) else max_attempts,
            staging_port=None if isinstance(staging_port, Unset) else staging_port,
        )

        deploy_progress_event.additional_properties = d
        return deploy_progress_event

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
