"""The reference dev server: the AiMesh broker, a MUXI formation and the MUXI Server, in memory.

It behaves like the real servers on the wire (contract/), answers deterministically (an echo
agent), and takes injected faults. Needs the ``server`` extra (starlette, uvicorn).

    python -m meshkit.devserver            # foreground, prints URLs and keys (on loopback only,
                                           # unless --allow-remote and keys of your own)
    from meshkit.devserver import DevServer
    with DevServer() as dev: ...           # background thread, ephemeral port
"""

from ._app import create_app
from ._config import BrokerLimits, DevServerConfig, UnsafeExposureError
from ._faults import Fault, FaultBook
from ._runner import DevServer

__all__ = ["BrokerLimits", "DevServer", "DevServerConfig", "Fault", "FaultBook", "UnsafeExposureError", "create_app"]
