"""The ``meshkit`` command: chat with a formation, manage a MUXI Server, drive the AiMesh broker.

Install with the ``cli`` extra (``pip install "meshkit[cli]"``). Configuration comes from flags,
then the environment (``MUXI_FORMATION_URL``, ``MUXI_CLIENT_KEY``, ``MUXI_ADMIN_KEY``,
``MUXI_SERVER_URL``, ``MUXI_KEY_ID``, ``MUXI_SECRET_KEY``, ``AIMESH_URL``, ``AIMESH_API_KEY``).

Exit codes: 0 ok, 1 API error (the server refused), 2 usage or configuration error (nothing was
sent), 3 connection or timeout error, 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

from ._errors import EXIT_API, EXIT_CONNECTION, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from ._main import main

__all__ = ["EXIT_API", "EXIT_CONNECTION", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "main"]
