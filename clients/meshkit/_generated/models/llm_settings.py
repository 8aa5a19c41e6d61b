from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..types import UNSET, Unset

T = TypeVar("T", bound="LLMSettings")


@_attrs_define(repr=False, getstate_setstate=False)
class LLMSettings(Model):
    """The llm section of the formation file, secrets masked. Free-form beyond the typed keys: the formation file decides
    them.

        Attributes:
            api_keys (LLMSettingsApiKeys | None): Provider → its API key, masked.
            models (list[LLMModel] | None):
            settings (LLMSettingsSettings | None): Free-form: the formation file's llm.settings (temperature, max_tokens,
                timeout_seconds…).
            aliases (LLMSettingsAliases | None): Semantic model name → provider/model.
    """

    api_keys: LLMSettingsApiKeys | None = None
    models: list[LLMModel] | None = None
    settings: LLMSettingsSettings | None = None
    aliases: LLMSettingsAliases | None = None
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        _src_api_keys: LLMSettingsApiKeys | Unset = UNSET if self.api_keys is None else self.api_keys
        api_keys: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_api_keys, Unset):
            api_keys = _src_api_keys.to_dict()

        _src_models: list[LLMModel] | Unset = UNSET if self.models is None else self.models
        models: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(_src_models, Unset):
            models = []
            for models_item_data in _src_models:
                models_item = models_item_data.to_dict()
                models.append(models_item)

        _src_settings: LLMSettingsSettings | Unset = UNSET if self.settings is None else self.settings
        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_settings, Unset):
            settings = _src_settings.to_dict()

        _src_aliases: LLMSettingsAliases | Unset = UNSET if self.aliases is None else self.aliases
        aliases: dict[str, Any] | Unset = UNSET
        if not isinstance(_src_aliases, Unset):
            aliases = _src_aliases.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if api_keys is not UNSET:
            field_dict["api_keys"] = api_keys
        if models is not UNSET:
            field_dict["models"] = models
        if settings is not UNSET:
            field_dict["settings"] = settings
        if aliases is not UNSET:
            field_dict["aliases"] = aliases

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _api_keys = d.pop("api_keys", UNSET)
        api_keys: LLMSettingsApiKeys | Unset
        if isinstance(_api_keys, Unset):
            api_keys = UNSET
        else:
            api_keys = LLMSettingsApiKeys.from_dict(_api_keys)

        _models = d.pop("models", UNSET)
        models: list[LLMModel] | Unset = UNSET
        if _models is not UNSET:
            models = []
            for models_item_data in _models:
                models_item = LLMModel.from_dict(models_item_data)

                models.append(models_item)

        _settings = d.pop("settings", UNSET)
        settings: LLMSettingsSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = LLMSettingsSettings.from_dict(_settings)

        _aliases = d.pop("aliases", UNSET)
        aliases: LLMSettingsAliases | Unset
        if isinstance(_aliases, Unset):
            aliases = UNSET
        else:
            aliases = LLMSettingsAliases.from_dict(_aliases)

        llm_settings = cls(
            api_keys=None if isinstance(api_keys, Unset) else api_keys,
            models=None if isinstance(models, Unset) else models,
            settings=None if isinstance(settings, Unset) else settings,
            aliases=None if isinstance(aliases, Unset) else aliases,
        )

        llm_settings.additional_properties = d
        return llm_settings

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
from ..models.llm_model import LLMModel
from ..models.llm_settings_aliases import LLMSettingsAliases
from ..models.llm_settings_api_keys import LLMSettingsApiKeys
from ..models.llm_settings_settings import LLMSettingsSettings
