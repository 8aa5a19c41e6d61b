"""A chat stream is read raw when it has no content coding (the fast path) and through httpx's
decoders when it has one: a gzip-encoded stream gives the same events as a plain one."""

from __future__ import annotations

import gzip
import json
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from meshkit import AsyncFormation, ContentDelta, Done, Formation

FRAMES = (
    b"".join(
        b"data: " + json.dumps({"token": {"type": "content", "content": word}}).encode() + b"\n\n"
        for word in ("You ", "said: ", "hi")
    )
    + b"event: done\ndata: {}\n\n"
)


class _Pieces(httpx.SyncByteStream, httpx.AsyncByteStream):
    """The body in 7-byte pieces: frames and gzip blocks alike span chunks."""

    def __init__(self, body: bytes) -> None:
        self._pieces = [body[i : i + 7] for i in range(0, len(body), 7)]

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._pieces)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for piece in self._pieces:
            yield piece


def _handler(encoding: str | None) -> httpx.MockTransport:
    body = gzip.compress(FRAMES) if encoding == "gzip" else FRAMES
    headers = {"Content-Type": "text/event-stream"} | ({"Content-Encoding": encoding} if encoding else {})

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=_Pieces(body), headers=headers)

    return httpx.MockTransport(handler)


@pytest.mark.parametrize("encoding", [None, "identity", "gzip"])
def test_a_stream_gives_the_same_events_whatever_its_content_coding(encoding: str | None) -> None:
    formation = Formation(
        url="http://formation.invalid", client_key="fmc_x", http_client=httpx.Client(transport=_handler(encoding))
    )

    with formation.chat_stream("hi") as stream:
        events = list(stream)

    assert [type(event) for event in events] == [ContentDelta, ContentDelta, ContentDelta, Done]
    assert stream.text == "You said: hi"


@pytest.mark.anyio
@pytest.mark.parametrize("encoding", [None, "gzip"])
async def test_an_async_stream_gives_the_same_events_whatever_its_content_coding(encoding: str | None) -> None:
    transport = _handler(encoding)
    async with AsyncFormation(
        url="http://formation.invalid", client_key="fmc_x", http_client=httpx.AsyncClient(transport=transport)
    ) as formation:
        stream = formation.chat_stream("hi")
        events = [event async for event in stream]

    assert [type(event) for event in events] == [ContentDelta, ContentDelta, ContentDelta, Done]
    assert stream.text == "You said: hi"
