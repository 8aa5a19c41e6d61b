"""Users: the identifiers that resolve to MUXI users, their notification channels, notifications."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ._chat import iso_now
from ._core import Call, FormationError, invalid_params, not_found
from ._definition import section
from ._logs import logged_operation
from ._shared import body_field, by_name, found, new_id, required_field

if TYPE_CHECKING:
    from . import FormationRuntime

RESERVED_CHANNELS = ("last", "preferred", "webhook")


@dataclass
class UserDirectory:
    """MUXI users, the identifiers that resolve to them, and their notification channel state."""

    users: dict[str, int] = field(default_factory=dict)  # muxi_user_id → internal id
    identifiers: dict[str, dict[str, Any]] = field(default_factory=dict)  # identifier → link
    channels: dict[str, dict[str, Any]] = field(default_factory=dict)
    next_internal_id: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def create_user(self) -> str:
        muxi_user_id = new_id("usr")
        self.users[muxi_user_id] = next(self.next_internal_id)
        return muxi_user_id

    def link(self, identifier: str, kind: str, muxi_user_id: str) -> dict[str, Any]:
        link = {"identifier": identifier, "type": kind, "muxi_user_id": muxi_user_id, "created_at": iso_now()}
        self.identifiers[identifier] = link
        return link

    def identifiers_of(self, muxi_user_id: str) -> list[dict[str, Any]]:
        return [
            {"identifier": link["identifier"], "type": link["type"], "created_at": link["created_at"]}
            for link in self.identifiers.values()
            if link["muxi_user_id"] == muxi_user_id
        ]


def user_directory(runtime: FormationRuntime) -> UserDirectory:
    """The runtime's users."""
    return runtime.area("users", UserDirectory)


def normalized_identifier(identifier: str) -> str:
    """Identifiers as the runtime stores them: email-shaped ones in lower case."""
    return identifier.lower() if "@" in identifier else identifier


def _resolved(directory: UserDirectory, identifier: str) -> dict[str, Any]:
    muxi_user_id = directory.identifiers[identifier]["muxi_user_id"]
    return {"identifier": identifier, "muxi_user_id": muxi_user_id, "internal_user_id": directory.users[muxi_user_id]}


def _known_user(directory: UserDirectory, muxi_user_id: str) -> str:
    found(directory.users, muxi_user_id, "User")
    return muxi_user_id


@logged_operation("resolve_user", object="user", type="user.resolved")
async def resolve_user(call: Call) -> Any:
    """The user of an identifier, created when unknown."""
    body = await call.body()
    identifier = normalized_identifier(required_field(body, "identifier", str))
    if not identifier:
        raise invalid_params("identifier", "String should have at least 1 character", "string_too_short")
    directory = user_directory(call.runtime)
    if identifier not in directory.identifiers:  # resolve always creates the user of an unknown identifier
        directory.link(identifier, body_field(body, "identifier_type", str) or "unknown", directory.create_user())
    return {**_resolved(directory, identifier), "identifier": body["identifier"]}  # as sent, not lower-cased


@logged_operation("lookup_user", object="user", type="user.resolved")
async def lookup_user(call: Call) -> Any:
    """The user of an identifier; 404 when unknown (never creates)."""
    identifier = normalized_identifier(call.path_params["identifier"])
    directory = user_directory(call.runtime)
    if identifier not in directory.identifiers:
        raise not_found(f"No user with identifier '{identifier}'")
    return _resolved(directory, identifier)


@logged_operation("get_user_identifiers", object="user_identifier_list", type="user.identifiers.list")
async def get_user_identifiers(call: Call) -> Any:
    """Every identifier of a MUXI user; 404 when unknown."""
    directory = user_directory(call.runtime)
    muxi_user_id = _known_user(directory, call.path_params["user_id"])
    identifiers = directory.identifiers_of(muxi_user_id)
    return {
        "muxi_user_id": muxi_user_id,
        "internal_user_id": directory.users[muxi_user_id],
        "identifiers": identifiers,
        "count": len(identifiers),
    }


def _identifier_pair(item: Any, index: int) -> tuple[str, str]:
    """One identifier of a link request: ``"id"``, ``["id", "type"]`` or ``{"identifier", "type"}``."""
    if isinstance(item, str):
        identifier, kind = item, "unknown"
    elif isinstance(item, list) and len(item) == 2 and all(isinstance(part, str) for part in item):
        identifier, kind = item
    elif isinstance(item, dict) and isinstance(item.get("identifier"), str):
        identifier, kind = item["identifier"], str(item.get("type") or "unknown")
    else:
        raise invalid_params(f"identifiers.{index}", "Expected a string, [identifier, type] or {identifier, type}")
    return normalized_identifier(identifier), kind


@logged_operation("link_user_identifiers", object="user_identifier_list", type="user.identifiers.associated")
async def link_user_identifiers(call: Call) -> Any:
    """Link identifiers to a user (a new one without ``muxi_user_id``); 404 unknown user."""
    body = await call.body()
    pairs = [_identifier_pair(item, i) for i, item in enumerate(required_field(body, "identifiers", list))]
    directory = user_directory(call.runtime)
    wanted = body_field(body, "muxi_user_id", str)
    muxi_user_id = _known_user(directory, wanted) if wanted else directory.create_user()
    for identifier, _ in pairs:
        owner = directory.identifiers.get(identifier, {}).get("muxi_user_id", muxi_user_id)
        if owner != muxi_user_id:
            raise FormationError(409, f"Identifier '{identifier}' already belongs to another user")
    for identifier, kind in pairs:
        directory.link(identifier, kind, muxi_user_id)
    identifiers = [{"identifier": i["identifier"], "type": i["type"]} for i in directory.identifiers_of(muxi_user_id)]
    return {"muxi_user_id": muxi_user_id, "identifiers": identifiers, "count": len(identifiers)}


@logged_operation("unlink_user_identifier", object="message", type="user.identifier.deleted")
async def unlink_user_identifier(call: Call) -> Any:
    """Remove an identifier's link; 404 when it has none."""
    identifier = normalized_identifier(call.path_params["identifier"])
    link = user_directory(call.runtime).identifiers.pop(identifier, None)
    if link is None:
        raise not_found(f"Identifier '{identifier}' not found")
    return {"message": f"Identifier '{identifier}' removed", "muxi_user_id": link["muxi_user_id"]}


def proactive(runtime: FormationRuntime) -> dict[str, Any]:
    """The formation's ``proactive`` block (503 when a deployed definition has none)."""
    if runtime.definition and not runtime.definition.get("proactive"):
        raise FormationError(503, "The formation has no 'proactive' block", "SERVICE_UNAVAILABLE")
    return section(runtime, "proactive")


def channel_state(call: Call) -> dict[str, Any]:
    """The notification channel state of the user named by the path (empty for unknown users)."""
    proactive(call.runtime)
    user_id = call.path_params["user_id"]
    empty = {"user_id": user_id, "preferred_channel": None, "channels": {}, "last_channel": None, "timezone": None}
    return user_directory(call.runtime).channels.setdefault(user_id, empty)


def _declared_channel(call: Call, name: str) -> str:
    declared = list(by_name(proactive(call.runtime).get("channels")))
    if name not in declared and name != "webhook":
        raise FormationError(400, f"Unknown channel '{name}'; declared channels: {', '.join(declared)}")
    return name


def _timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise FormationError(400, f"Unknown timezone '{name}'") from None
    return name


@logged_operation("get_user_channels", object="user_channels", type="user.channels.retrieved")
async def get_user_channels(call: Call) -> Any:
    """The user's notification channel state (empty for an unknown user)."""
    return channel_state(call)


@logged_operation("update_user_channels", object="user_channels", type="user.channels.updated")
async def update_user_channels(call: Call) -> Any:
    """Merge channel contexts, set preferred channel and timezone; 400 for unknown ones."""
    body = await call.body()
    state = channel_state(call)
    preferred, timezone = body_field(body, "preferred_channel", str), body_field(body, "timezone", str)
    contexts = body_field(body, "channels", dict) or {}
    # Validate everything before changing anything: a 400 leaves the state as it was.
    for name, context in contexts.items():
        _declared_channel(call, name)
        if not isinstance(context, dict):
            raise invalid_params(f"channels.{name}", "Input should be a valid dictionary", "dict_type")
    if preferred:
        _declared_channel(call, preferred)
    if timezone:
        _timezone(timezone)
    for name, context in contexts.items():
        if context:
            state["channels"][name] = {**state["channels"].get(name, {}), **context}
        else:  # an empty mapping removes the channel
            state["channels"].pop(name, None)
    if preferred is not None:
        state["preferred_channel"] = preferred or None  # an empty string clears
    if timezone is not None:
        state["timezone"] = timezone or None
    return state


@logged_operation("send_notification", object="notification", type="notification.sent")
async def send_notification(call: Call) -> Any:
    """Route a notification: explicit channels, else the preferred one, else the default."""
    body = await call.body()
    user_id, message = required_field(body, "user_id", str), required_field(body, "message", str)
    if not message.strip():
        raise FormationError(400, "The notification message is empty")
    config = proactive(call.runtime)
    explicit = body_field(body, "channels", list)
    for name in explicit or []:
        if name not in RESERVED_CHANNELS:
            _declared_channel(call, str(name))
    preferred = user_directory(call.runtime).channels.get(user_id, {}).get("preferred_channel")
    # Routing precedence: explicit channels > the user's preference > the formation default > webhook.
    channels = explicit or [preferred or config.get("default_channel") or "webhook"]
    return {"request_id": call.request_id, "channels": channels, "delivered": channels, "failed": []}
