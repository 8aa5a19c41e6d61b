"""ServerClient and AsyncServerClient: deploy and run formations on a MUXI Server.

    from meshkit import ServerClient

    server = ServerClient(url="http://localhost:7890", key_id="MUXI_...", secret_key="sk_...")
    result = server.deploy("path/to/formation")              # a directory or a .tar.gz bundle
    print(result.formation_id, result.port)
    print(server.formation(result.formation_id, client_key="fmc_...").chat("Hello!").text)

Every ``/rpc`` request is signed with MUXI-HMAC afresh for each attempt. The server's mutations
(deploy, update, lifecycle actions, delete) are never re-sent once they may have reached it; reads
are retried. Progress streams (``deploy_stream`` …) yield typed progress events and end with the
typed completion, or raise :class:`DeploymentError` on an ``event: error`` frame. Every server
operation of the spec is also ``server.ops.<operation_id>(...)`` (:class:`ServerOps`).

AsyncServerClient is written once (``_client_async.py``) and ServerClient generated from it by
``make generate``.
"""

from .._bundle import Bundle, build_bundle
from .._core.errors import DeploymentError
from .._core.public import present_as
from ._base import ServerOps
from ._client_async import AsyncServerClient
from ._client_sync import ServerClient

__all__ = ["AsyncServerClient", "Bundle", "DeploymentError", "ServerClient", "ServerOps", "build_bundle"]

present_as(__name__, globals(), __all__)
