"""The reference dev server: the AiMesh broker, a MUXI formation and the MUXI Server, in memory.

It behaves like the real servers on the wire (contract/), answers deterministically (an echo
agent, or the answers a test scripts: ``dev.script(Answer().text("Hi!"), message="Hello")``),
takes injected faults, and journals every request it receives (``dev.requests(operation="chat")``).
Needs the ``server`` extra (starlette, uvicorn).

    python -m meshkit.devserver            # foreground, prints URLs and keys (on loopback only,
                                           # unless --allow-remote and keys of your own)
    from meshkit.devserver import DevServer
    with DevServer() as dev: ...           # background thread, ephemeral port
"""

from ._app import create_app
from ._config import BrokerLimits, DevServerConfig, UnsafeExposureError
from ._faults import Fault, FaultBook
from ._journal import Journal, JournalEntry, JournalQueryError
from ._runner import DevServer
from ._scripts import Answer, BrokerAnswer, DeployFailure, Script, ScriptBook, ScriptError

__all__ = [
    "Answer",
    "BrokerAnswer",
    "BrokerLimits",
    "DeployFailure",
    "DevServer",
    "DevServerConfig",
    "Fault",
    "FaultBook",
    "Journal",
    "JournalEntry",
    "JournalQueryError",
    "Script",
    "ScriptBook",
    "ScriptError",
    "UnsafeExposureError",
    "create_app",
]
