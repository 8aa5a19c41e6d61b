"""Waiting for what the runtime writes after it has answered."""

from __future__ import annotations

import time
from typing import Any


def settled_session(formation: Any, session: str, user: str, count: int) -> Any:
    """The session once its buffer holds ``count`` messages: the runtime stores a turn's messages
    in background tasks, so a read right after the answer may miss the last one (bounded: 10 s)."""
    deadline = time.monotonic() + 10
    while True:
        got = formation.get_session(session, user_id=user)
        if got.message_count >= count or time.monotonic() > deadline:
            return got
        time.sleep(0.1)
