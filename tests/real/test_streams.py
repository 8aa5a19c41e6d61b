"""``chat_stream`` against the real runtime: typed events and the full text, sync and async."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from conftest import make_async_formation
from meshkit import Completed, ContentDelta, Done


def test_stream_sync(formation: Any) -> None:
    user = f"stream-user-{uuid.uuid4().hex[:8]}"
    with formation.chat_stream("stream this please", user_id=user) as stream:
        events = list(stream)
    kinds = [type(e) for e in events]
    assert ContentDelta in kinds and kinds[-2:] == [Completed, Done]
    completed = next(e for e in events if isinstance(e, Completed))
    assert completed.full_text == "You said: stream this please"
    assert stream.text == "You said: stream this please"
    assert "".join(e.text for e in events if isinstance(e, ContentDelta)) == "You said: stream this please"


def test_stream_through_ops(formation: Any) -> None:
    with formation.ops.chat(body={"message": "ops stream"}, stream=True, as_user="ops-stream-user") as stream:
        events = list(stream)
    assert isinstance(events[-1], Done)
    assert stream.text == "You said: ops stream"


@pytest.mark.anyio
async def test_stream_async(stack: Any, recorder: Any) -> None:
    async with make_async_formation(stack, recorder) as formation:
        user = f"async-user-{uuid.uuid4().hex[:8]}"
        answer = await formation.chat("async hello", user_id=user)
        assert answer.text == "You said: async hello"
        texts = [event.text async for event in formation.chat_stream("async story", user_id=user)]
        assert "".join(texts) == "You said: async story"


def test_llm_failing_mid_stream(formation: Any) -> None:
    """The stub cuts its stream after the first chunk: the runtime does not report an error; it
    completes the chat (status success) with the partial text, which meshkit passes on as is."""
    with formation.chat_stream("break STUB_FAIL_MIDSTREAM now", user_id="midstream-user") as stream:
        events = list(stream)
    completed = next(e for e in events if isinstance(e, Completed))
    assert isinstance(events[-1], Done)
    assert completed.status == "success"
    assert completed.full_text == stream.text == "You"
