"""Formation and AsyncFormation: the MUXI formation API, typed, streaming, multi-user.

    from meshkit import Formation

    formation = Formation(url="http://localhost:8001", client_key="fmc_...")
    print(formation.chat("Hello!").text)
    for event in formation.chat_stream("Tell me a story"):
        print(event.text, end="", flush=True)

Every operation of the spec is reachable through ``formation.ops.<operation_id>(...)`` with the
same auth, retries, typed errors and envelope unwrapping as the hand-written methods; those exist
for good names, defaults and streaming. AsyncFormation is written once (``_client_async.py``) and
Formation generated from it by ``make generate``.
"""

from .._core.events import StreamEvent
from .._core.public import present_as
from ._base import FormationOps
from ._client_async import AsyncFormation
from ._client_sync import Formation
from ._results import ChatResult, Session, SessionMessage, SessionSummary, TrackedRequest

AsyncFormationOps = FormationOps  # one class serves both: the formation's transport decides

__all__ = [
    "AsyncFormation",
    "AsyncFormationOps",
    "ChatResult",
    "Formation",
    "FormationOps",
    "Session",
    "SessionMessage",
    "SessionSummary",
    "StreamEvent",
    "TrackedRequest",
]

present_as(__name__, globals(), __all__)
