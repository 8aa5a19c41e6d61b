"""What every generated model shares: a repr of what is set, ``to_json()``, and response metadata.

The generated models (``_generated/models``, from generator/templates/model.py.jinja) derive from
:class:`Model`. An optional field that was not given reads ``None``; ``to_dict()`` leaves out what
is None. A model that answered a call also carries the MUXI envelope's metadata (request id,
idempotency key, server time) in :attr:`Model.meta`, apart from its fields: ``to_dict()`` is the
data, never the envelope.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
from typing import Any, cast

import attrs

from .jsontypes import JSON


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
        return cls.from_parts(body.get("request"), body.get("timestamp"), body.get("request_id"))

    @classmethod
    def from_parts(cls, request: object, timestamp: object, top_request_id: object) -> ResponseMeta:
        """From the envelope's ``request`` object, ``timestamp`` and top-level ``request_id``."""
        fields: dict[str, object] = request if isinstance(request, dict) else {}
        return cls(
            request_id=_text(fields.get("id")) or _text(top_request_id),
            idempotency_key=_text(fields.get("idempotency_key")),
            timestamp=_moment(timestamp),
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

    # Set on the model a call returns (nested models and models a user builds have none): the
    # envelope's request and timestamp as they came, made a ResponseMeta when first read.
    __slots__ = ("_meta",)
    _meta: ResponseMeta | tuple[object, object, object]

    def to_dict(self) -> dict[str, JSON]:  # pragma: no cover - every generated model defines it
        """The model as the JSON object the API reads and writes (fields that are None left out)."""
        raise NotImplementedError

    def to_json(self, *, indent: int | None = None) -> str:
        """The model as a JSON document: ``json.dumps(model.to_dict())``.

        >>> from meshkit.models import Agent
        >>> Agent(id="researcher", description=None).to_json()
        '{"id": "researcher"}'
        """
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @property
    def meta(self) -> ResponseMeta:
        """The envelope's metadata when this model answered a call (all None otherwise)."""
        meta = getattr(self, "_meta", _NO_META)
        if isinstance(meta, tuple):
            meta = self._meta = ResponseMeta.from_parts(*meta)
        return meta

    @property
    def request_id(self) -> str | None:
        """The id of the call that returned this model (``meta.request_id``), if the server sent one.

        A model whose data has a ``request_id`` of its own (a tracked request, a chat answer) shows
        that one here; ``meta.request_id`` is always the envelope's."""
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


# The models whose data carries the envelope's request id as a field the runtime leaves null (a
# chat answer's ``request_id``: contract formation.md §6.1); elsewhere a data ``request_id`` is
# the data's own (a tracked request's id) and is never overwritten.
_ECHOES_REQUEST_ID = frozenset({"ChatResponse"})


def attach_meta(model: Any, body: dict[str, Any]) -> Any:
    """``model`` with the envelope ``body``'s metadata attached (kept as it came and read on first
    use: most callers never look). Anything that is not a generated model is returned as it is."""
    if isinstance(model, Model):
        model._meta = (body.get("request"), body.get("timestamp"), body.get("request_id"))
        if type(model).__name__ in _ECHOES_REQUEST_ID and getattr(model, "request_id", None) is None:
            model.request_id = model.meta.request_id  # type: ignore[misc]  # the field, not the property
    return model


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
    if isinstance(value, bytes | bytearray):
        return value.hex()  # as the broker's wire carries payloads
    return str(value)  # an enum-like value (the broker's lenient enums)
