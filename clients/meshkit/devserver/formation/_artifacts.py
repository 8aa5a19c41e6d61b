"""Artifacts: the echo agent produces none, so every read is empty or 404."""

from __future__ import annotations

from typing import Any

from ._core import Call, FormationError, not_found
from ._logs import logged_operation


def _no_artifact(call: Call) -> FormationError:
    call.user("filter")
    return not_found(f"Artifact '{call.path_params['artifact_id']}' not found", "NOT_FOUND")


@logged_operation("list_artifacts", object="artifact_list", type="artifact.list")
async def list_artifacts(call: Call) -> Any:
    """Always empty: the echo agent makes no artifacts."""
    call.user("filter")
    call.query_int("limit", 20, 1, 100)
    return {"artifacts": [], "count": 0, "total": 0}


@logged_operation("get_artifact", object="artifact", type="artifact.retrieved")
async def get_artifact(call: Call) -> Any:
    """404: there are no artifacts."""
    raise _no_artifact(call)


@logged_operation("download_artifact_content", object="artifact", type="artifact.content")
async def download_artifact_content(call: Call) -> Any:
    """404: there are no artifacts."""
    raise _no_artifact(call)


@logged_operation("list_artifact_versions", object="artifact", type="artifact.versions.retrieved")
async def list_artifact_versions(call: Call) -> Any:
    """404: there are no artifacts."""
    raise _no_artifact(call)
