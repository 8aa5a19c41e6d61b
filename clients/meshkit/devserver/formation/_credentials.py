"""User credentials: stored per user, answered with a masked preview, never the values."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .._wire import dumps
from ._chat import iso_now
from ._core import Call, FormationError, Reply, not_found
from ._definition import mcp_servers
from ._logs import logged_operation
from ._shared import body_field, new_id, required_field

if TYPE_CHECKING:
    from . import FormationRuntime

USER_CREDENTIAL_REFERENCE = re.compile(r"user\.credentials\.([A-Za-z0-9_-]+)")


def credentials(runtime: FormationRuntime) -> dict[str, dict[str, Any]]:
    """Every user's credentials by id (each record keeps its owner in ``user_id``)."""
    return runtime.area("credentials", dict)


def credential_preview(credential: dict[str, Any]) -> str:
    """The runtime's redacted preview: the first 7 and last 3 characters of the main value (token,
    access_token, api_key, password, key, secret, else the first string longer than 5), or
    ``***redacted***`` when that value is shorter than 15 characters or there is none."""
    keys = ("token", "access_token", "api_key", "password", "key", "secret")
    value = next((credential[k] for k in keys if isinstance(credential.get(k), str)), None)
    if value is None:
        value = next((v for v in credential.values() if isinstance(v, str) and len(v) > 5), None)
    return f"{value[:7]}*****{value[-3:]}" if value is not None and len(value) >= 15 else "***redacted***"


def credential_view(record: dict[str, Any]) -> dict[str, Any]:
    """A credential as the API shows it: metadata and a masked preview, never the values."""
    keys = ("credential_id", "service", "name", "created_at", "updated_at")
    return {**{k: record[k] for k in keys}, "credential_preview": credential_preview(record["credential"])}


def credential_of(call: Call) -> dict[str, Any]:
    """The credential named by the path, if it belongs to the user (any user's with the admin key
    and no header)."""
    user = call.user("filter")
    credential_id = call.path_params["credential_id"]
    record = credentials(call.runtime).get(credential_id)
    if record is None or (user is not None and record["user_id"] != user):
        raise not_found(f"Credential '{credential_id}' not found")
    return record


@logged_operation("list_credential_services", object="credential_list", type="credentials.listed")
async def list_credential_services(call: Call) -> Any:
    """Services whose user credentials the MCP servers reference."""
    users_of: dict[str, list[str]] = {}
    for server_id, server in mcp_servers(call.runtime).items():
        for service in USER_CREDENTIAL_REFERENCE.findall(dumps(server)):
            users_of.setdefault(service, []).append(server_id)
    services = [
        {"service": name, "server_id": server_id, "description": "MCP server requiring user authentication"}
        for name, servers in sorted(users_of.items())
        for server_id in servers
    ]
    return {"services": services, "count": len(services)}


@logged_operation("list_credentials", object="credential_list", type="credentials.listed")
async def list_credentials(call: Call) -> Any:
    """The user's credentials (every user's with the admin key and no header), values masked."""
    user = call.user("filter")
    items = [credential_view(r) for r in credentials(call.runtime).values() if user is None or r["user_id"] == user]
    return {"credentials": items, "count": len(items)}


@logged_operation("get_credential", object="credential", type="credentials.retrieved")
async def get_credential(call: Call) -> Any:
    """One credential, values masked; 404 unless it is the user's."""
    return credential_view(credential_of(call))


@logged_operation("create_credential", object="credential", type="credentials.created")
async def create_credential(call: Call) -> Any:
    """201 ``{credential_id, service, name, credential_preview, created_at}``; 400 for a service name
    with spaces."""
    owner = call.user("filter") or "0"  # the admin key without a user stores a formation-level credential
    body = await call.body()
    service = required_field(body, "service", str).lower().strip()
    if " " in service:
        raise FormationError(400, "Service name cannot contain spaces", "VALIDATION_ERROR")
    secret = required_field(body, "credential", dict)
    record: dict[str, Any] = {
        "credential_id": new_id("cred"),
        "user_id": owner,
        "service": service,
        "name": body_field(body, "name", str) or service,  # the runtime answers the service name too
        "credential": dict(secret),
        "created_at": iso_now(),
        "updated_at": iso_now(),
    }
    credentials(call.runtime)[record["credential_id"]] = record
    return Reply({k: v for k, v in credential_view(record).items() if k != "updated_at"}, status=201)


@logged_operation("delete_credential", object="credential", type="credentials.deleted")
async def delete_credential(call: Call) -> Any:
    """Delete one of the user's credentials; 404 otherwise."""
    record = credential_of(call)
    del credentials(call.runtime)[record["credential_id"]]
    return {"credential_id": record["credential_id"], "deleted": True}
