from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="OverlordWorkflow")


@_attrs_define(repr=False, getstate_setstate=False)
class OverlordWorkflow(Model):
    """How the overlord decomposes, routes and runs complex requests.

    Attributes:
        auto_decomposition (bool | None):
        plan_approval_threshold (float | None):
        complexity_method (str | None):
        complexity_threshold (float | None):
        routing_strategy (str | None):
        enable_agent_affinity (bool | None):
        error_recovery (str | None):
        parallel_execution (bool | None):
        max_parallel_tasks (int | None):
        partial_results (bool | None):
    """

    auto_decomposition: bool | None = None
    plan_approval_threshold: float | None = None
    complexity_method: str | None = None
    complexity_threshold: float | None = None
    routing_strategy: str | None = None
    enable_agent_affinity: bool | None = None
    error_recovery: str | None = None
    parallel_execution: bool | None = None
    max_parallel_tasks: int | None = None
    partial_results: bool | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_auto_decomposition: bool | Unset = UNSET if self.auto_decomposition is None else self.auto_decomposition
        auto_decomposition = _src_auto_decomposition

        _src_plan_approval_threshold: float | Unset = (
            UNSET if self.plan_approval_threshold is None else self.plan_approval_threshold
        )
        plan_approval_threshold = _src_plan_approval_threshold

        _src_complexity_method: str | Unset = UNSET if self.complexity_method is None else self.complexity_method
        complexity_method = _src_complexity_method

        _src_complexity_threshold: float | Unset = (
            UNSET if self.complexity_threshold is None else self.complexity_threshold
        )
        complexity_threshold = _src_complexity_threshold

        _src_routing_strategy: str | Unset = UNSET if self.routing_strategy is None else self.routing_strategy
        routing_strategy = _src_routing_strategy

        _src_enable_agent_affinity: bool | Unset = (
            UNSET if self.enable_agent_affinity is None else self.enable_agent_affinity
        )
        enable_agent_affinity = _src_enable_agent_affinity

        _src_error_recovery: str | Unset = UNSET if self.error_recovery is None else self.error_recovery
        error_recovery = _src_error_recovery

        _src_parallel_execution: bool | Unset = UNSET if self.parallel_execution is None else self.parallel_execution
        parallel_execution = _src_parallel_execution

        _src_max_parallel_tasks: int | Unset = UNSET if self.max_parallel_tasks is None else self.max_parallel_tasks
        max_parallel_tasks = _src_max_parallel_tasks

        _src_partial_results: bool | Unset = UNSET if self.partial_results is None else self.partial_results
        partial_results = _src_partial_results

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
            auto_decomposition=None if isinstance(auto_decomposition, Unset) else auto_decomposition,
            plan_approval_threshold=None if isinstance(plan_approval_threshold, Unset) else plan_approval_threshold,
            complexity_method=None if isinstance(complexity_method, Unset) else complexity_method,
            complexity_threshold=None if isinstance(complexity_threshold, Unset) else complexity_threshold,
            routing_strategy=None if isinstance(routing_strategy, Unset) else routing_strategy,
            enable_agent_affinity=None if isinstance(enable_agent_affinity, Unset) else enable_agent_affinity,
            error_recovery=None if isinstance(error_recovery, Unset) else error_recovery,
            parallel_execution=None if isinstance(parallel_execution, Unset) else parallel_execution,
            max_parallel_tasks=None if isinstance(max_parallel_tasks, Unset) else max_parallel_tasks,
            partial_results=None if isinstance(partial_results, Unset) else partial_results,
        )

        overlord_workflow.additional_properties = d
        return overlord_workflow

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
