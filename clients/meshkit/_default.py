"""Module-level convenience (the Mesh SDK style): ``meshkit.chat("Hello")`` with no client to build.

One ``Formation`` is created on first use from the environment (``MUXI_FORMATION_URL`` — or
``MUXI_SERVER_URL`` and ``MUXI_FORMATION_ID`` — ``MUXI_CLIENT_KEY``, ``MUXI_ADMIN_KEY``) and reused
by every later call; ``meshkit.close()`` closes it (a later call creates a new one).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Unpack

from ._core.events import ChatEvent
from ._core.options import RequestOptions
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


def chat(
    message: str,
    *,
    agent: str | None = None,
    session_id: str | None = None,
    user_id: str | None = None,
    idempotency_key: str | None = None,
    request_id: str | None = None,
    files: Sequence[Mapping[str, object]] | None = None,
    **options: Unpack[RequestOptions],
) -> ChatResult:
    """``Formation().chat(message, ...)`` on the shared client (the same arguments).

    >>> import meshkit
    >>> meshkit.chat("Hello!").text        # doctest: +SKIP
    'You said: Hello!'
    """
    return default_formation().chat(
        message,
        agent=agent,
        session_id=session_id,
        user_id=user_id,
        idempotency_key=idempotency_key,
        request_id=request_id,
        files=files,
        **options,
    )


def chat_stream(
    message: str,
    *,
    agent: str | None = None,
    session_id: str | None = None,
    user_id: str | None = None,
    idempotency_key: str | None = None,
    files: Sequence[Mapping[str, object]] | None = None,
    **options: Unpack[RequestOptions],
) -> Stream[ChatEvent]:
    """``Formation().chat_stream(message, ...)`` on the shared client (the same arguments)."""
    return default_formation().chat_stream(
        message,
        agent=agent,
        session_id=session_id,
        user_id=user_id,
        idempotency_key=idempotency_key,
        files=files,
        **options,
    )


def close() -> None:
    """Close the shared client, if one was created."""
    global _formation
    with _lock:
        if _formation is not None:
            _formation.close()
            _formation = None
