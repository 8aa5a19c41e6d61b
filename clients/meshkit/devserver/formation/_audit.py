"""The audit log: where mutating admin calls would be recorded, and ``GET``/``DELETE /v1/audit``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._chat import iso_now
from ._core import Call, FormationError, invalid_params
from ._logs import logged_operation
from ._shared import between, parse_datetime

if TYPE_CHECKING:
    from . import FormationRuntime

AUDIT_RESOURCE_TYPES = ("agent", "secret", "mcp_server", "scheduler_job", "logging_destination", "async", "memory")
CLEAR_AUDIT_CONFIRMATION = "clear-audit-log"


def audit_log(runtime: FormationRuntime) -> list[dict[str, Any]]:
    """The runtime's audit entries, oldest first. Like muxi-runtime 1.20260928.0, it starts empty and
    records only its own clearing (``audit.cleared``): the runtime's audit logger has no other caller."""
    return runtime.area("audit", list)


def _audit_entry(call: Call, action: str, resource_type: str, resource_id: str, message: str) -> dict[str, Any]:
    """One entry, with the keys the runtime writes."""
    return {
        "timestamp": iso_now(),
        "request_id": call.request_id,
        "action": action,
        "resource_type": resource_type,
        "resource_id": resource_id,
        "user": "admin",
        "ip": None,
        "result": "success",
        "status_code": 200,
        "message": message,
    }


def audit(call: Call, action: str, resource_type: str, resource_id: str, **details: Any) -> None:
    """Where a mutating admin call would be audited. muxi-runtime 1.20260928.0 records none of them
    (its audit log holds only ``audit.cleared``), so neither does the dev server."""


# --- GET and DELETE /v1/audit ---------------------------------------------------------------------------


@logged_operation("get_audit_log", object="audit_log", type="audit.retrieved")
async def get_audit_log(call: Call) -> Any:
    """Audit entries, newest first (``limit``, exact ``action``, ``resource_type``, ``since``)."""
    limit = call.query_int("limit", 100, 1, 1000)
    action, resource_type = call.query.get("action"), call.query.get("resource_type")
    if resource_type and resource_type not in AUDIT_RESOURCE_TYPES:
        raise invalid_params("query.resource_type", f"Input should be one of {', '.join(AUDIT_RESOURCE_TYPES)}", "enum")
    since = call.query.get("since")
    since_moment = parse_datetime(since) if since else None
    if since and since_moment is None:
        raise FormationError(400, f"Invalid timestamp format: {since}. Use ISO 8601 format.", "INVALID_PARAMETER")
    entries = [
        entry
        for entry in reversed(audit_log(call.runtime))  # newest first
        if (not action or entry["action"] == action)
        and (not resource_type or entry["resource_type"] == resource_type)
        and between(entry["timestamp"], since_moment, None)
    ][:limit]
    return {"entries": entries, "total_entries": len(entries), "limit": limit}


@logged_operation("clear_audit_log", object="audit_log", type="audit.cleared")
async def clear_audit_log(call: Call) -> Any:
    """Clear the audit log, leaving one ``audit.cleared`` entry; 400 without ``confirm=clear-audit-log``."""
    if call.query.get("confirm") != CLEAR_AUDIT_CONFIRMATION:
        message = f"Confirmation required: add ?confirm={CLEAR_AUDIT_CONFIRMATION} to delete"
        raise FormationError(400, message, "INVALID_REQUEST")
    entries = audit_log(call.runtime)
    cleared = len(entries)
    message = f"Audit log cleared by admin ({cleared} entries removed)"
    entry = _audit_entry(call, "audit.cleared", "audit_log", call.runtime.formation_id, message)
    entries[:] = [{**entry, "data": {"previous_entries_count": cleared}}]
    return {
        "previous_entries_count": cleared,
        "cleared_by": "admin",
        "message": f"Audit log cleared ({cleared} entries removed)",
    }
