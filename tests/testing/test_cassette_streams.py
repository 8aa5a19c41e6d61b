"""Streams keep their frame boundaries: a recorded stream replays in the chunks the server wrote,
and decodes into the same typed events, with the sync and the async client.

httpx hands a transport's body over in the chunks the server wrote (HTTP/1.1 chunked encoding keeps
them apart), and vcrpy would join them into one bytes object. The cassette keeps them.
"""

from __future__ import annotations

import asyncio
import json
import re
import zlib
from pathlib import Path
from typing import Any

import httpx
import pytest
from meshkit import AsyncFormation, Formation
from meshkit._cassette import MeshkitCassette, use_cassette
from meshkit.devserver import DevServer
from starlette.types import Receive, Scope, Send

KEY = "fmc_dev_not_a_secret"


def token(kind: str, content: str, **extra: Any) -> bytes:
    body = {"token": {"request_id": "req_1", "session_id": "sess_1", "type": kind, "content": content, **extra}}
    return b"data: " + json.dumps(body).encode() + b"\n\n"


FRAMES = [
    b": keepalive\n\n",
    token("progress", "Request received...", stage="init"),
    token("content", "Once ", stage="response_generation"),
    token("content", "upon ", stage="response_generation"),
    token("completed", "Once upon", status="success"),
    b'event: done\ndata: {"finished": true}\n\n',
]
# How the server writes them: a frame per chunk, one frame cut in two, two frames in one chunk.
CHUNKS = [FRAMES[0], FRAMES[1], FRAMES[2][:20], FRAMES[2][20:], FRAMES[3] + FRAMES[4], FRAMES[5]]


async def chunk_server(scope: Scope, receive: Receive, send: Send) -> None:
    """A formation whose /v1/chat stream is CHUNKS, each sent as its own write."""
    assert scope["type"] == "http"
    while (await receive()).get("more_body"):
        pass
    headers = [(b"content-type", b"text/event-stream"), (b"cache-control", b"no-cache")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    for chunk in CHUNKS:
        await send({"type": "http.response.body", "body": chunk, "more_body": True})
    await send({"type": "http.response.body", "body": b""})


def typed_events(client: str, url: str, message: str) -> list[tuple[str, str, str]]:
    """(event class, text, full_text) of each event of a chat stream."""
    if client == "sync":
        with Formation(url=url, client_key=KEY) as formation, formation.chat_stream(message) as stream:
            return [(type(e).__name__, e.text, getattr(e, "full_text", "")) for e in stream]

    async def read() -> list[tuple[str, str, str]]:
        async with AsyncFormation(url=url, client_key=KEY) as formation:
            return [
                (type(e).__name__, e.text, getattr(e, "full_text", "")) async for e in formation.chat_stream(message)
            ]

    return asyncio.run(read())


def raw_chunks(client: str, url: str, message: str) -> list[bytes]:
    """The body of the same request as plain httpx reads it from its transport, chunk by chunk."""
    body = {"message": message, "stream": True}
    if client == "sync":
        with httpx.Client() as http, http.stream("POST", f"{url}/v1/chat", json=body) as response:
            return list(response.iter_raw())

    async def read() -> list[bytes]:
        async with httpx.AsyncClient() as http, http.stream("POST", f"{url}/v1/chat", json=body) as response:
            return [chunk async for chunk in response.aiter_raw()]

    return asyncio.run(read())


def chunk_dev_server() -> DevServer:
    dev = DevServer()
    dev.app = chunk_server  # the dev server's loopback runner, serving our app instead
    return dev


@pytest.mark.parametrize("client", ["sync", "async"])
def test_a_stream_replays_in_the_chunks_the_server_wrote(client: str, tmp_path: Path) -> None:
    path = tmp_path / "stream.yaml"
    with chunk_dev_server() as dev, use_cassette(path, record_mode="once") as recording:
        url = f"{dev.url}/formation"
        live = typed_events(client, url, "Tell me a story")
        assert recording.chunks(0) == CHUNKS  # recorded as written, not joined

    with use_cassette(path, record_mode="none") as replay:
        assert replay.chunks(0) == CHUNKS  # and so they come back from the YAML file
        replayed = typed_events(client, url, "Tell me a story")
    assert (
        replayed
        == live
        == [
            ("Progress", "", ""),
            ("ContentDelta", "Once ", ""),
            ("ContentDelta", "upon ", ""),
            ("Completed", "", "Once upon"),
            ("Done", "", ""),
        ]
    )

    with use_cassette(path, record_mode="none", allow_playback_repeats=True):
        assert raw_chunks(client, url, "Tell me a story") == CHUNKS  # the transport yields them one by one


SSE_FRAME = re.compile(rb"\A(?::[^\n]*|(?:event: \w+\n)?data: [^\n]*)\n\n\Z")


def assert_one_frame_per_chunk(recording: MeshkitCassette, index: int) -> list[bytes]:
    chunks = recording.chunks(index)
    assert [chunk for chunk in chunks if not SSE_FRAME.match(chunk)] == []
    return chunks


@pytest.mark.parametrize("client", ["sync", "async"])
def test_a_dev_server_stream_is_recorded_frame_by_frame_and_replays_the_same_events(
    client: str, tmp_path: Path
) -> None:
    """The dev server writes every SSE frame as its own chunk: the cassette holds one frame per chunk."""
    path = tmp_path / "stream.yaml"
    with DevServer() as dev, use_cassette(path, record_mode="once") as recording:
        url = dev.formation_url
        live = typed_events(client, url, "Hi there")
        chunks = assert_one_frame_per_chunk(recording, 0)
    assert chunks[0] == b": keepalive\n\n"
    frames = [chunk for chunk in chunks if chunk.startswith((b"data:", b"event:"))]
    assert len(frames) == len(live)  # one typed event per recorded frame
    assert b'"user_id": "<scrubbed>"' in chunks[1] or b'"user_id":"<scrubbed>"' in chunks[1]

    with use_cassette(path, record_mode="none"):
        replayed = typed_events(client, url, "Hi there")
    assert replayed == live
    assert [kind for kind, _, _ in live] == [
        "Progress",
        "Planning",
        "Thinking",
        "ContentDelta",
        "ContentDelta",
        "ContentDelta",
        "ContentDelta",
        "Completed",
        "Done",
    ]
    assert "".join(text for _, text, _ in live) == "You said: Hi there"


def gzip_chunks(frames: list[bytes]) -> list[bytes]:
    """Each frame compressed and flushed on its own, as a gzip-ing proxy in front of a formation does."""
    compressor = zlib.compressobj(wbits=31)
    chunks = [compressor.compress(frame) + compressor.flush(zlib.Z_SYNC_FLUSH) for frame in frames]
    return [*chunks, compressor.flush()]


USER_FRAME = token("content", "Hi", user_id="alice-4711")
GZIP_FRAMES = [FRAMES[0], FRAMES[1], USER_FRAME, FRAMES[4], FRAMES[5]]


async def gzip_server(scope: Scope, receive: Receive, send: Send) -> None:
    """A formation behind a proxy that gzips its stream, chunk by chunk."""
    assert scope["type"] == "http"
    while (await receive()).get("more_body"):
        pass
    headers = [(b"content-type", b"text/event-stream"), (b"content-encoding", b"gzip")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    for chunk in gzip_chunks(GZIP_FRAMES):
        await send({"type": "http.response.body", "body": chunk, "more_body": True})
    await send({"type": "http.response.body", "body": b""})


@pytest.mark.parametrize("client", ["sync", "async"])
def test_a_gzipped_stream_is_stored_decoded_chunk_by_chunk_and_scrubbed(client: str, tmp_path: Path) -> None:
    path = tmp_path / "gzip.yaml"
    dev = DevServer()
    dev.app = gzip_server
    with dev, use_cassette(path, record_mode="once") as recording:
        url = f"{dev.url}/formation"
        live = typed_events(client, url, "Hi")
        ((_, response),) = recording.interactions
    scrubbed_user_frame = USER_FRAME.replace(b"alice-4711", b"<scrubbed>")
    assert recording.chunks(0) == [FRAMES[0], FRAMES[1], scrubbed_user_frame, FRAMES[4], FRAMES[5]]
    assert "content-encoding" not in {name.lower() for name in response["headers"]}

    with use_cassette(path, record_mode="none"):
        assert typed_events(client, url, "Hi") == live
    assert [kind for kind, _, _ in live] == ["Progress", "ContentDelta", "Completed", "Done"]
