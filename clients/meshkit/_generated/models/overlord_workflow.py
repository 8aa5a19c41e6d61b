from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OverlordWorkflow")


@_attrs_define
class OverlordWorkflow:
    """How the overlord decomposes, routes and runs complex requests.

    Attributes:
        auto_decomposition (bool | Unset):
        plan_approval_threshold (float | Unset):
        complexity_method (str | Unset):
        complexity_threshold (float | Unset):
        routing_strategy (str | Unset):
        enable_agent_affinity (bool | Unset):
        error_recovery (str | Unset):
        parallel_execution (bool | Unset):
        max_parallel_tasks (int | Unset):
        partial_results (bool | Unset):
    """

    auto_decomposition: bool | Unset = UNSET
    plan_approval_threshold: float | Unset = UNSET
    complexity_method: str | Unset = UNSET
    complexity_threshold: float | Unset = UNSET
    routing_strategy: str | Unset = UNSET
    enable_agent_affinity: bool | Unset = UNSET
    error_recovery: str | Unset = UNSET
    parallel_execution: bool | Unset = UNSET
    max_parallel_tasks: int | Unset = UNSET
    partial_results: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auto_decomposition = self.auto_decomposition

        plan_approval_threshold = self.plan_approval_threshold

        complexity_method = self.complexity_method

        complexity_threshold = self.complexity_threshold

        routing_strategy = self.routing_strategy

        enable_agent_affinity = self.enable_agent_affinity

        error_recovery = self.error_recovery

        parallel_execution = self.parallel_execution

        max_parallel_tasks = self.max_parallel_tasks

        partial_results = self.partial_results

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if auto_decomposition is not UNSET:
            field_dict["auto_decomposition"] = auto_decomposition
        if plan_approval_threshold is not UNSET:
            field_dict["plan_approval_threshold"] = plan_approval_threshold
        if complexity_method is not UNSET:
            field_dict["complexity_method"] = complexity_method
        if complexity_threshold is not UNSET:
            field_dict["complexity_threshold"] = complexity_threshold
        if routing_strategy is not UNSET:
            field_dict["routing_strategy"] = routing_strategy
        if enable_agent_affinity is not UNSET:
            field_dict["enable_agent_affinity"] = enable_agent_affinity
        if error_recovery is not UNSET:
            field_dict["error_recovery"] = error_recovery
        if parallel_execution is not UNSET:
            field_dict["parallel_execution"] = parallel_execution
        if max_parallel_tasks is not UNSET:
            field_dict["max_parallel_tasks"] = max_parallel_tasks
        if partial_results is not UNSET:
            field_dict["partial_results"] = partial_results

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        auto_decomposition = d.pop("auto_decomposition", UNSET)

        plan_approval_threshold = d.pop("plan_approval_threshold", UNSET)

        complexity_method = d.pop("complexity_method", UNSET)

        complexity_threshold = d.pop("complexity_threshold", UNSET)

        routing_strategy = d.pop("routing_strategy", UNSET)

        enable_agent_affinity = d.pop("enable_agent_affinity", UNSET)

        error_recovery = d.pop("error_recovery", UNSET)

        parallel_execution = d.pop("parallel_execution", UNSET)

        max_parallel_tasks = d.pop("max_parallel_tasks", UNSET)

        partial_results = d.pop("partial_results", UNSET)

        overlord_workflow = cls(
            auto_decomposition=auto_decomposition,
            plan_approval_threshold=plan_approval_threshold,
            complexity_method=complexity_method,
            complexity_threshold=complexity_threshold,
            routing_strategy=routing_strategy,
            enable_agent_affinity=enable_agent_affinity,
            error_recovery=error_recovery,
            parallel_execution=parallel_execution,
            max_parallel_tasks=max_parallel_tasks,
            partial_results=partial_results,
        )

        overlord_workflow.additional_properties = d
        return overlord_workflow

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
