"""The scale benchmark's server: ``POST /formation/v1/chat`` answered with a formation chat stream
of pre-built SSE frames, paced by one ticker, for thousands of connections at once.

    .venv/bin/python bench/_scale_server.py [--frames 200] [--interval 0.01]

Prints ``scale server on http://127.0.0.1:PORT`` once listening (ephemeral port; four sockets on
it with SO_REUSEPORT, backlog 4096 each, so 5,000 connects at once fit the accept queues).

A plain asyncio protocol, no framework, so that it is not the bottleneck: every request (any body,
read and discarded by its Content-Length) gets a 200 ``text/event-stream`` with a chunked body of
the frames the dev server sends for a chat (``meshkit/devserver/formation/_chat.py``): ``progress``,
``planning`` and ``thinking`` tokens, content tokens, the ``completed`` token, then
``event: done``. The frames (and their chunk headers) are built once at start; a single ticker
writes each open stream's next frame every ``--interval`` seconds (the first one goes with the
response head), so ``--frames`` frames take ``(frames - 1) * interval`` seconds per stream. The
connection stays open for the next request (keep-alive). Not a test server: it trusts its client.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import resource
import socket
import sys
import time

HEAD = (
    b"HTTP/1.1 200 OK\r\n"
    b"content-type: text/event-stream\r\n"
    b"cache-control: no-cache\r\n"
    b"x-accel-buffering: no\r\n"
    b"transfer-encoding: chunked\r\n"
    b"\r\n"
)
NOT_FOUND = b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"
LAST_CHUNK = b"0\r\n\r\n"
PATH = b"/formation/v1/chat"


def _sse(data: object, event: str | None = None) -> bytes:
    """One server-sent event as the dev server writes it (``_wire.sse_frame``)."""
    head = f"event: {event}\n" if event else ""
    return f"{head}data: {json.dumps(data, separators=(',', ':'))}\n\n".encode()


def build_frames(count: int) -> list[bytes]:
    """The ``count`` frames of one chat stream, each already cut as one HTTP chunk: three
    preamble tokens, ``count - 5`` content tokens ("w0 ", "w1 ", ...), completed, done."""
    if count < 6:
        raise ValueError("a chat stream needs at least 6 frames")
    base = {"request_id": "req_0123456789abcdef01234", "user_id": "0", "session_id": "sess_0123456789abcdef"}
    now = time.time()

    def token(kind: str, content: object, **extra: object) -> bytes:
        return _sse({"token": {**base, "type": kind, "content": content, "timestamp": now, **extra}})

    words = [f"w{i} " for i in range(count - 5)]
    frames = [
        token("progress", "Request received...", stage="init"),
        token("planning", "Determining the best agent to handle this request...", stage="agent_selection"),
        token("thinking", "Give me a moment...", stage="agent_processing", agent_name="assistant"),
        *(token("content", word, stage="response_generation") for word in words),
        token(
            "completed",
            "".join(words),
            status="success",
            processing_time_ms=int(count * 10),
            agent_used="assistant",
        ),
        _sse({"finished": True}, event="done"),
    ]
    assert len(frames) == count
    return [b"%x\r\n%s\r\n" % (len(frame), frame) for frame in frames]


class Streams:
    """The open streams: each a transport and the index of its next frame, written by one ticker."""

    def __init__(self, frames: list[bytes], interval: float) -> None:
        self.frames = frames
        self.interval = interval
        self.open: dict[asyncio.Transport, int] = {}
        self.served = 0

    def start(self, transport: asyncio.Transport) -> None:
        transport.write(HEAD + self.frames[0])
        self.open[transport] = 1

    async def tick(self) -> None:
        frames, last = self.frames, len(self.frames)
        loop = asyncio.get_running_loop()
        deadline = loop.time()
        while True:
            deadline += self.interval
            await asyncio.sleep(max(0.0, deadline - loop.time()))
            deadline = max(deadline, loop.time() - self.interval)  # fallen behind: do not burst to catch up
            finished = []
            for transport, index in self.open.items():
                if transport.is_closing():
                    finished.append(transport)
                    continue
                if index + 1 == last:
                    transport.write(frames[index] + LAST_CHUNK)
                    finished.append(transport)
                else:
                    transport.write(frames[index])
                    self.open[transport] = index + 1
            for transport in finished:
                del self.open[transport]
                self.served += 1


class ChatProtocol(asyncio.Protocol):
    """One connection: reads requests (head, then Content-Length bytes of body) one after another."""

    def __init__(self, streams: Streams) -> None:
        self.streams = streams
        self.buffer = b""
        self.body_left = -1  # -1: reading a head
        self.transport: asyncio.Transport | None = None
        self.path = b""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            if self.body_left < 0:
                end = self.buffer.find(b"\r\n\r\n")
                if end < 0:
                    return
                head, self.buffer = self.buffer[:end], self.buffer[end + 4 :]
                lines = head.split(b"\r\n")
                self.path = lines[0].split(b" ")[1] if b" " in lines[0] else b""
                self.body_left = 0
                for line in lines[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        self.body_left = int(value)
            taken = min(self.body_left, len(self.buffer))
            self.buffer, self.body_left = self.buffer[taken:], self.body_left - taken
            if self.body_left > 0:
                return
            self.body_left = -1
            assert self.transport is not None
            if self.path == PATH:
                self.streams.start(self.transport)
            else:
                self.transport.write(NOT_FOUND)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.transport is not None:
            self.streams.open.pop(self.transport, None)


def listeners(count: int) -> list[socket.socket]:
    """``count`` sockets bound to one ephemeral port with SO_REUSEPORT: the kernel spreads new
    connections over them, and each has its own accept queue (``somaxconn`` caps one queue, 4096
    here, below the 5,000 connections the benchmark opens at once). One socket without it."""
    sockets: list[socket.socket] = []
    port = 0
    for _ in range(count if hasattr(socket, "SO_REUSEPORT") else 1):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if count > 1 and hasattr(socket, "SO_REUSEPORT"):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind(("127.0.0.1", port))
        port = sock.getsockname()[1]
        sockets.append(sock)
    return sockets


async def serve(frames: int, interval: float, backlog: int, count: int) -> None:
    streams = Streams(build_frames(frames), interval)
    loop = asyncio.get_running_loop()
    servers = [
        await loop.create_server(lambda: ChatProtocol(streams), sock=sock, backlog=backlog) for sock in listeners(count)
    ]
    port = servers[0].sockets[0].getsockname()[1]
    ticker = asyncio.create_task(streams.tick())
    print(f"scale server on http://127.0.0.1:{port}", flush=True)
    try:
        await asyncio.gather(*(server.serve_forever() for server in servers))
    finally:
        ticker.cancel()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frames", type=int, default=200, help="frames per stream (done included)")
    parser.add_argument("--interval", type=float, default=0.01, help="seconds between a stream's frames")
    parser.add_argument("--backlog", type=int, default=4096, help="per listening socket")
    parser.add_argument("--listeners", type=int, default=4, help="sockets on the port (SO_REUSEPORT)")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ValueError, OSError):  # an unlimited hard limit is still capped by the kernel's nr_open
        print(f"scale server: open files stay at {soft}", file=sys.stderr, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.frames, args.interval, args.backlog, args.listeners))


if __name__ == "__main__":
    main()
