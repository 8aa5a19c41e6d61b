from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..._core.jsontypes import JSON
from ..._core.model_base import Model
from ..models.distillery_status import DistilleryStatus, check_distillery_status
from ..models.distillery_trust_level import (
    DistilleryTrustLevel,
    check_distillery_trust_level,
)

T = TypeVar("T", bound="Distillery")


@_attrs_define(repr=False, getstate_setstate=False)
class Distillery(Model):
    """A registered distillery; its distillery_id is the X-Distillery-ID its signed batches carry.

    Attributes:
        id (int):
        distillery_id (str):
        formation_id (str):
        name (str):
        description (None | str):
        public_key (str):
        scope (DistilleryWriteScope): What a distillery may write (the formation's defaults fill omitted keys).
        trust_level (DistilleryTrustLevel):
        status (DistilleryStatus):
        created_at (None | str): ISO 8601, without a zone (UTC).
        revoked_at (None | str):
    """

    id: int
    distillery_id: str
    formation_id: str
    name: str
    description: None | str
    public_key: str
    scope: DistilleryWriteScope
    trust_level: DistilleryTrustLevel
    status: DistilleryStatus
    created_at: None | str
    revoked_at: None | str
    additional_properties: dict[str, JSON] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, JSON]:
        id = self.id

        distillery_id = self.distillery_id

        formation_id = self.formation_id

        name = self.name

        description: None | str
        description = self.description

        public_key = self.public_key

        scope = self.scope.to_dict()

        trust_level: str = self.trust_level

        status: str = self.status

        created_at: None | str
        created_at = self.created_at

        revoked_at: None | str
        revoked_at = self.revoked_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "distillery_id": distillery_id,
                "formation_id": formation_id,
                "name": name,
                "description": description,
                "public_key": public_key,
                "scope": scope,
                "trust_level": trust_level,
                "status": status,
                "created_at": created_at,
                "revoked_at": revoked_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        distillery_id = d.pop("distillery_id")

        formation_id = d.pop("formation_id")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        public_key = d.pop("public_key")

        scope = DistilleryWriteScope.from_dict(d.pop("scope"))

        trust_level = check_distillery_trust_level(d.pop("trust_level"))

        status = check_distillery_status(d.pop("status"))

        def _parse_created_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_revoked_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        distillery = cls(
            id=id,
            distillery_id=distillery_id,
            formation_id=formation_id,
            name=name,
            description=description,
            public_key=public_key,
            scope=scope,
            trust_level=trust_level,
            status=status,
            created_at=created_at,
            revoked_at=revoked_at,
        )

        distillery.additional_properties = d
        return distillery

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
from ..models.distillery_write_scope import DistilleryWriteScope
