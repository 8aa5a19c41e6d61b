"""Secrets: the runtime's cache and the file it reloads from, both in memory."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._wire import dumps
from ._audit import audit
from ._core import Call, FormationError, Reply
from ._definition import effective_formation
from ._logs import logged_operation
from ._shared import by_name, found, masked, required_field

if TYPE_CHECKING:
    from . import FormationRuntime

SECRET_REFERENCE = re.compile(r"\$\{\{\s*secrets\.([A-Za-z0-9_]+)\s*\}\}")


@dataclass
class SecretStore:
    """The runtime's secrets cache and the encrypted file it reloads from (both in memory here)."""

    cache: dict[str, str]
    disk: dict[str, str]


def secrets_in_use(runtime: FormationRuntime) -> set[str]:
    """Secrets the formation needs: declared under ``secrets`` or referenced as ``${{ secrets.NAME }}``."""
    declared = set(by_name(runtime.definition.get("secrets")))
    return declared | set(SECRET_REFERENCE.findall(dumps(effective_formation(runtime))))


def secret_store(runtime: FormationRuntime) -> SecretStore:
    """The secrets; the formation's own start with development placeholder values."""

    def placeholders() -> SecretStore:
        disk = {name: f"dev-{name.lower()}-not-a-secret" for name in sorted(secrets_in_use(runtime))}
        return SecretStore(cache=dict(disk), disk=disk)

    return runtime.area("secrets", placeholders)


def _secret_message(key: str, verb: str) -> dict[str, Any]:
    return {"message": f"Secret '{key}' {verb} successfully"}


def _existing_secret(call: Call) -> str:
    key: str = call.path_params["key"]
    found(secret_store(call.runtime).cache, key, "Secret", "SECRET_NOT_FOUND")
    return key


@logged_operation("list_secrets", object="secret_list", type="secret.list")
async def list_secrets(call: Call) -> Any:
    """``{secrets: {name: masked value}, count}``."""
    cache = secret_store(call.runtime).cache
    return {"secrets": {name: masked(value) for name, value in sorted(cache.items())}, "count": len(cache)}


@logged_operation("create_secret", object="secret", type="secret.created")
async def create_secret(call: Call) -> Any:
    """201 ``{message}``; 409 SECRET_EXISTS."""
    body = await call.body()
    key, value = required_field(body, "key", str), required_field(body, "value", str)
    store = secret_store(call.runtime)
    if key in store.cache:
        raise FormationError(409, f"Secret '{key}' already exists", "SECRET_EXISTS")
    store.cache[key] = store.disk[key] = value
    audit(call, "secret.created", "secret", key)
    return Reply(_secret_message(key, "created"), status=201)


@logged_operation("update_secret", object="secret", type="secret.updated")
async def update_secret(call: Call) -> Any:
    """Updates only: 404 SECRET_NOT_FOUND, never creates."""
    value = required_field(await call.body(), "value", str)
    key = _existing_secret(call)
    store = secret_store(call.runtime)
    store.cache[key] = store.disk[key] = value
    audit(call, "secret.updated", "secret", key)
    return _secret_message(key, "updated")


@logged_operation("delete_secret", object="secret", type="secret.deleted")
async def delete_secret(call: Call) -> Any:
    """404 SECRET_NOT_FOUND; 409 SECRET_IN_USE for a secret the formation uses."""
    key = _existing_secret(call)
    if key in secrets_in_use(call.runtime):
        raise FormationError(409, f"Secret '{key}' is in use by the formation", "SECRET_IN_USE")
    store = secret_store(call.runtime)
    del store.cache[key]
    store.disk.pop(key, None)
    audit(call, "secret.deleted", "secret", key)
    return _secret_message(key, "deleted")


@logged_operation("reload_secrets", object="secret", type="secret.reloaded")
async def reload_secrets(call: Call) -> Any:
    """Merge the secrets file into the cache: ``{added, overwritten, preserved, count}``."""
    store = secret_store(call.runtime)
    # Non-destructive merge: the file's secrets are added or overwrite the cache; secrets only in the
    # cache are preserved, since the running formation may still use them.
    added = sorted(set(store.disk) - set(store.cache))
    overwritten = sorted(set(store.disk) & set(store.cache))
    preserved = sorted(set(store.cache) - set(store.disk))
    store.cache.update(store.disk)
    audit(call, "secret.reloaded", "secret", "*", added=len(added), overwritten=len(overwritten))
    return {
        "message": "Secrets reloaded",
        "added": added,
        "overwritten": overwritten,
        "preserved": preserved,
        "count": len(store.cache),
    }
