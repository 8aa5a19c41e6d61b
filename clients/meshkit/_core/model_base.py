"""What every generated model shares: a repr of what is set, ``to_json()``, and response metadata.

The generated models (``_generated/models``, from generator/templates/model.py.jinja) derive from
:class:`Model`. An optional field that was not given reads ``None``; ``to_dict()`` leaves it out. A
model that answered a call also carries the MUXI envelope's metadata (request id, idempotency key,
server time) in :attr:`Model.meta`, apart from its fields: ``to_dict()`` is the data, never the
envelope.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from typing import Any, cast

import attrs

from .jsontypes import JSON


class _Omitted:
    """The default of a nullable optional field: "not given", as opposed to ``None`` ("send null").

    It never outlives ``__init__``: the model turns it into ``None`` and notes the field as omitted.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        return "OMITTED"


OMITTED: Any = _Omitted()  # typed Any so that a field's declared type stays ``X | None``


@attrs.frozen
class ResponseMeta:
    """The envelope around a MUXI answer: which request it was, and when the server answered.

    ``request_id`` is what support and the server's logs know the call by; ``idempotency_key`` is
    the key the call was sent with; ``timestamp`` is the server's time (UTC), when it sent one.

    >>> agent = formation.ops.get_agent("researcher")        # doctest: +SKIP
    >>> agent.meta.request_id                                  # doctest: +SKIP
    'req_7f3a…'
    """

    request_id: str | None = None
    idempotency_key: str | None = None
    timestamp: _dt.datetime | None = None

    @classmethod
    def from_envelope(cls, body: dict[str, Any]) -> ResponseMeta:
        """The metadata of a decoded envelope (tolerant: a field of the wrong type reads None)."""
        request = body.get("request")
        request = request if isinstance(request, dict) else {}
        return cls(
            request_id=_text(request.get("id")) or _text(body.get("request_id")),
            idempotency_key=_text(request.get("idempotency_key")),
            timestamp=_moment(body.get("timestamp")),
        )


_NO_META = ResponseMeta()


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _moment(value: Any) -> _dt.datetime | None:
    """Milliseconds since the epoch (the contract) → an aware UTC datetime; anything else → None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return _dt.datetime.fromtimestamp(value / 1000, tz=_dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


class Model:
    """Base of every generated model: ``to_dict()``, ``to_json()``, a repr of the fields that are set,
    and :attr:`meta` / :attr:`request_id` when the model is the answer of a call.

    >>> from meshkit.models import Agent
    >>> Agent(id="researcher", name="Researcher")
    Agent(id='researcher', name='Researcher')
    """

    # Set on the model a call returns; nested models and models a user builds have none.
    __slots__ = ("_meta",)
    _meta: ResponseMeta

    def to_dict(self) -> dict[str, Any]:  # pragma: no cover - every generated model defines it
        """The model as the JSON object the API reads and writes (absent fields left out)."""
        raise NotImplementedError

    def to_json(self, *, indent: int | None = None) -> str:
        """The model as a JSON document: ``json.dumps(model.to_dict())``.

        >>> from meshkit.models import Agent
        >>> Agent(id="researcher", description=None).to_json()
        '{"id": "researcher", "description": null}'
        """
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @property
    def meta(self) -> ResponseMeta:
        """The envelope's metadata when this model answered a call (all None otherwise)."""
        meta: ResponseMeta = getattr(self, "_meta", _NO_META)
        return meta

    @property
    def request_id(self) -> str | None:
        """The id of the request that returned this model (``meta.request_id``), if the server sent one."""
        return self.meta.request_id

    def __repr__(self) -> str:
        parts = []
        for field in attrs.fields(cast(Any, type(self))):
            name = field.name
            if name.startswith("_"):
                continue
            value = getattr(self, name)
            if value is None or (name == "additional_properties" and not value):
                continue
            parts.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(parts)})"


def attach_meta(model: Any, meta: ResponseMeta) -> Any:
    """``model`` with ``meta`` attached (a model that declares ``request_id`` and has none gets the
    envelope's). Anything that is not a generated model is returned as it is."""
    if isinstance(model, Model):
        model._meta = meta
        if meta.request_id and _declares(type(model), "request_id") and getattr(model, "request_id", None) is None:
            model.request_id = meta.request_id  # type: ignore[misc]  # the field, not the property
    return model


_DECLARED: dict[type, frozenset[str]] = {}


def _declares(cls: type, name: str) -> bool:
    names = _DECLARED.get(cls)
    if names is None:
        names = _DECLARED[cls] = frozenset(field.name for field in attrs.fields(cast(Any, cls)))
    return name in names


class ResultBase:
    """``to_dict()`` and ``to_json()`` for the façades' own result dataclasses (``ChatResult``,
    ``Session``, ``Acknowledgment``…): their shown fields, with datetimes as ISO 8601 text and
    nested results and models as dicts. Fields hidden from the repr (``raw``) are left out."""

    __slots__ = ()

    def to_dict(self) -> dict[str, JSON]:
        """The result as JSON-ready data."""
        return {
            field.name: _plain(getattr(self, field.name))
            for field in dataclasses.fields(cast(Any, self))
            if field.repr and not field.name.startswith("_")
        }

    def to_json(self, *, indent: int | None = None) -> str:
        """The result as a JSON document: ``json.dumps(result.to_dict())``."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def _plain(value: object) -> JSON:
    if isinstance(value, ResultBase | Model):
        return cast(JSON, value.to_dict())
    if isinstance(value, _dt.datetime | _dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)  # an enum-like value (the broker's lenient enums)
