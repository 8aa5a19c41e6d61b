"""Module-level convenience (the Mesh SDK style): ``meshkit.chat("Hello")`` with no client to build.

One ``Formation`` is created on first use from the environment (``MUXI_FORMATION_URL`` — or
``MUXI_SERVER_URL`` and ``MUXI_FORMATION_ID`` — ``MUXI_CLIENT_KEY``, ``MUXI_ADMIN_KEY``) and reused
by every later call; ``meshkit.close()`` closes it (a later call creates a new one).
"""

from __future__ import annotations

import threading
from typing import Any

from ._core.events import ChatEvent
from ._core.streams_sync import Stream
from .formation import ChatResult, Formation

_lock = threading.Lock()
_formation: Formation | None = None


def default_formation() -> Formation:
    """The shared formation client, created from the environment on first use."""
    global _formation
    with _lock:
        if _formation is None:
            _formation = Formation()
        return _formation


def chat(message: str, **options: Any) -> ChatResult:
    """``Formation().chat(message, ...)`` on the shared client.

    >>> import meshkit
    >>> meshkit.chat("Hello!").text        # doctest: +SKIP
    'You said: Hello!'
    """
    return default_formation().chat(message, **options)


def chat_stream(message: str, **options: Any) -> Stream[ChatEvent]:
    """``Formation().chat_stream(message, ...)`` on the shared client."""
    return default_formation().chat_stream(message, **options)


def close() -> None:
    """Close the shared client, if one was created."""
    global _formation
    with _lock:
        if _formation is not None:
            _formation.close()
            _formation = None
