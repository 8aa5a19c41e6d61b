"""Small helpers the formation's functional areas share: identifiers, masked values, body fields
and query datetimes checked like the runtime's request models, and named items of a definition."""

from __future__ import annotations

import copy
import uuid
from datetime import UTC, datetime
from typing import Any, Literal, TypeVar

from ._core import Call, invalid_params, not_found

T = TypeVar("T")


def new_id(prefix: str) -> str:
    """A fresh identifier such as ``job_1f3a…``."""
    return f"{prefix}_{uuid.uuid4().hex[:16]}"


def masked(value: Any) -> str:
    """The preview of a secret value: never the whole value, at most its first four characters."""
    text = str(value)
    return text[:4] + "****" if len(text) >= 12 else "****"


_TYPE_ERRORS: dict[type, tuple[str, str]] = {
    str: ("string_type", "a valid string"),
    bool: ("bool_type", "a valid boolean"),
    dict: ("dict_type", "a valid dictionary"),
    list: ("list_type", "a valid list"),
}


def body_field(body: dict[str, Any], name: str, kind: type[T], *, required: bool = False) -> T | None:
    """``body[name]`` checked like the runtime's request models (422 INVALID_PARAMS); null counts as absent."""
    value = body.get(name)
    if value is None:
        if required:
            raise invalid_params(name, "Field required", "missing")
        return None
    if not isinstance(value, kind):
        error_type, expected = _TYPE_ERRORS[kind]
        raise invalid_params(name, f"Input should be {expected}", error_type)
    return value


def required_field(body: dict[str, Any], name: str, kind: type[T]) -> T:
    """``body[name]``, which must be present and of ``kind`` (422 otherwise)."""
    value = body_field(body, name, kind, required=True)
    assert value is not None
    return value


def user_of(call: Call, rule: Literal["optional", "required"]) -> str:
    """The end user for routes where one always exists (absent header → "0", or 400)."""
    user = call.user(rule)
    assert user is not None
    return user


def parse_datetime(text: str) -> datetime | None:
    """An ISO 8601 date or datetime (naive means UTC), or None when ``text`` is not one."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def query_datetime(call: Call, name: str) -> datetime | None:
    """An optional ISO 8601 query parameter (422 when it does not parse)."""
    raw = call.query.get(name)
    if not raw:
        return None
    moment = parse_datetime(raw)
    if moment is None:
        raise invalid_params(f"query.{name}", "Input should be an ISO 8601 datetime", "datetime_parsing")
    return moment


def iso(moment: datetime) -> str:
    """ISO 8601 in UTC with a ``Z``, like :func:`iso_now`."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def merged(defaults: dict[str, Any], override: Any) -> dict[str, Any]:
    """``defaults`` deep-merged with ``override`` (a definition section; anything but a dict is ignored)."""
    result = copy.deepcopy(defaults)
    if not isinstance(override, dict):
        return result
    for key, value in override.items():
        if isinstance(result.get(key), dict) and isinstance(value, dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def by_name(raw: Any, key: str = "name", text_field: str = "content") -> dict[str, dict[str, Any]]:
    """Named items of a definition, whichever way it spells them: a list of objects or names, or a
    mapping of name → object or text. Items without a usable name are skipped."""
    items: dict[str, dict[str, Any]] = {}
    pairs = raw.items() if isinstance(raw, dict) else ((None, item) for item in raw) if isinstance(raw, list) else ()
    for name, value in pairs:
        if isinstance(value, dict):
            item = {**value, key: name or value.get(key) or value.get("name") or value.get("id")}
        elif name is not None:
            item = {key: name, text_field: value}
        else:
            item = {key: value}
        if isinstance(item[key], str) and item[key]:
            items[item[key]] = item
    return items


def found(items: dict[str, T], key: str, what: str, code: str | None = None) -> T:
    """``items[key]``, or 404 "<what> '<key>' not found"."""
    if key not in items:
        raise not_found(f"{what} '{key}' not found", code)
    return items[key]


def between(timestamp: str, since: datetime | None, until: datetime | None) -> bool:
    """Whether an ISO 8601 ``timestamp`` (naive means UTC) lies between ``since`` and ``until`` (either may
    be None); one that does not parse always does."""
    moment = parse_datetime(timestamp)
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment is None or ((since is None or moment >= since) and (until is None or moment <= until))
