"""DELETE /rpc/formations/{formation_id}: Delete a formation

Generated from openapi/mesh.yaml; do not edit.
"""

from typing import Any
from urllib.parse import quote


def request_kwargs(
    formation_id: str,
) -> dict[str, Any]:
    """Method, path, query, headers and body of this operation, as ``httpx`` keyword arguments.

    Nothing is sent. The path is relative: the caller's client supplies the base URL.
    """

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/rpc/formations/{formation_id}".format(
            formation_id=quote(str(formation_id), safe=""),
        ),
    }

    return _kwargs
