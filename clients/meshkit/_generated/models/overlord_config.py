from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model

T = TypeVar("T", bound="OverlordConfig")


@_attrs_define(repr=False, getstate_setstate=False)
class OverlordConfig(Model):
    """The overlord's configuration: the formation file's values, or the runtime's defaults for a section the file leaves
    out. Inside each section the keys are the formation file's.

        Attributes:
            soul (None | str): The overlord's persona text (empty when none).
            llm (OverlordConfigLlm): Free-form: the formation file's overlord.llm (empty when none).
            caching (OverlordCaching): LLM response caching (llm.settings.caching of the formation file).
            response (OverlordResponseSettings): How the overlord shapes its answers.
            workflow (OverlordWorkflow): How the overlord decomposes, routes and runs complex requests.
            clarification (OverlordClarification): How the overlord asks clarifying questions.
    """

    soul: None | str
    llm: OverlordConfigLlm
    caching: OverlordCaching
    response: OverlordResponseSettings
    workflow: OverlordWorkflow
    clarification: OverlordClarification
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        soul: None | str
        soul = self.soul

        llm = self.llm.to_dict()

        caching = self.caching.to_dict()

        response = self.response.to_dict()

        workflow = self.workflow.to_dict()

        clarification = self.clarification.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "soul": soul,
                "llm": llm,
                "caching": caching,
                "response": response,
                "workflow": workflow,
                "clarification": clarification,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_soul(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        soul = _parse_soul(d.pop("soul"))

        llm = OverlordConfigLlm.from_dict(d.pop("llm"))

        caching = OverlordCaching.from_dict(d.pop("caching"))

        response = OverlordResponseSettings.from_dict(d.pop("response"))

        workflow = OverlordWorkflow.from_dict(d.pop("workflow"))

        clarification = OverlordClarification.from_dict(d.pop("clarification"))

        overlord_config = cls(
            soul=soul,
            llm=llm,
            caching=caching,
            response=response,
            workflow=workflow,
            clarification=clarification,
        )

        overlord_config.additional_properties = d
        return overlord_config

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
from ..models.overlord_caching import OverlordCaching
from ..models.overlord_clarification import OverlordClarification
from ..models.overlord_config_llm import OverlordConfigLlm
from ..models.overlord_response_settings import OverlordResponseSettings
from ..models.overlord_workflow import OverlordWorkflow
