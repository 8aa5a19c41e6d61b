"""Rows 1 and 10 of the hostile table: whatever a server sends, the client holds at most its
limits' worth of it. Each case runs the client in a subprocess and measures its peak RSS growth
over the call (VmHWM, reset to the current RSS just before it); the bound is the limit plus 16 MB."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
import zlib
from functools import cache

import pytest
from hostile_server import Received, hostile, response_head

MB = 1024 * 1024
SLACK = 16 * MB
HEALTH = b'{"status":"healthy","version":"1.0.0","uptime_seconds":1}'

CLIENT = textwrap.dedent(
    """
    import asyncio, json, sys
    import meshkit
    from meshkit import Formation, Limits

    def peak():  # VmHWM: this process's peak resident set, in bytes
        with open("/proc/self/status") as status:
            line = next(line for line in status if line.startswith("VmHWM:"))
        return int(line.split()[1]) * 1024

    def reset_peak():  # the peak restarts from the current resident set (Linux >= 4.0)
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")

    formation = Formation(url=sys.argv[1], client_key="fmc_hostile_client_key_0001", max_retries=0)
    formation.ops.get_health()  # warm-up: every module the call needs is loaded before measuring
    list(formation.chat_stream("warm-up"))

    async def warm_async():
        async with meshkit.AsyncFormation(url=sys.argv[1], client_key="fmc_k") as f:
            await f.ops.get_health()
            await f.chat_stream("warm-up").until_done()

    asyncio.run(warm_async())
    reset_peak()
    before = peak()
    try:
        ACTION
        outcome = "no error"
    except meshkit.MeshkitError as exc:
        outcome = f"{type(exc).__name__}: {getattr(exc, 'code', '')}: {exc}"
    print(json.dumps({"growth": peak() - before, "outcome": outcome}))
    """
)

WARM_STREAM = b'data: {"token":{"type":"content","content":"ok"}}\n\nevent: done\ndata: {}\n\n'


def run_client(url: str, action: str) -> dict[str, object]:
    script = CLIENT.replace("ACTION", action)
    done = subprocess.run([sys.executable, "-c", script, url], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"[bounded] {action.splitlines()[0]}: peak RSS growth {int(result['growth']) / MB:.1f} MB")
    return result


def serving(payload_for_chat):  # health and the warm-up stream answer normally; chat gets the payload
    def behave(received: Received, connection: socket.socket) -> None:
        if received.path.endswith("/v1/health"):
            connection.sendall(response_head(200, {"Content-Length": str(len(HEALTH))}) + HEALTH)
        elif b"warm-up" in received.body:
            head = {"Content-Type": "text/event-stream", "Content-Length": str(len(WARM_STREAM))}
            connection.sendall(response_head(200, head) + WARM_STREAM)
        else:
            payload_for_chat(connection)

    return behave


def endless(head: dict[str, str], first: bytes, repeat: bytes, most: int = 400 * MB):
    """Send the head, ``first``, then ``repeat`` until the client hangs up (or ``most`` bytes)."""

    def send(connection: socket.socket) -> None:
        connection.sendall(response_head(200, {"Connection": "close", **head}) + first)
        sent = 0
        try:
            while sent < most:
                connection.sendall(repeat)
                sent += len(repeat)
        except OSError:
            pass  # the client closed the connection: what it should do
        connection.close()

    return send


@cache
def gzip_bomb(size: int) -> bytes:
    """``size`` bytes of JSON-ish filler compressed with gzip (~1000:1)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    out = [packer.compress(b'{"data":{"x":"')]
    block = b"a" * MB
    for _ in range(size // MB):
        out.append(packer.compress(block))
    out.append(packer.compress(b'"}}') + packer.flush())
    return b"".join(out)


def test_a_300_mb_json_answer_is_refused_within_the_64_mib_limit() -> None:
    payload = endless({"Content-Type": "application/json"}, b'{"data":{"x":"', b"a" * MB)
    with hostile(serving(payload)) as server:
        result = run_client(server.url, 'formation.ops.chat(body={"message": "hi", "stream": False})')
    assert str(result["outcome"]).startswith("ResponseValidationError"), result
    assert "larger than the limit of 67108864 bytes" in str(result["outcome"])
    assert int(result["growth"]) < 64 * MB + SLACK, result


def test_a_declared_300_mb_answer_is_refused_before_reading_it() -> None:
    def declared(connection: socket.socket) -> None:
        connection.sendall(response_head(200, {"Content-Type": "application/json", "Content-Length": str(300 * MB)}))
        connection.sendall(b'{"data":')

    with hostile(serving(declared)) as server:
        result = run_client(server.url, 'formation.chat("hi")')
    assert "larger than the limit" in str(result["outcome"]), result
    assert int(result["growth"]) < SLACK, result


def test_a_gzip_bomb_is_inflated_in_bounded_steps_and_refused_at_the_limit() -> None:
    bomb = gzip_bomb(300 * MB)
    assert len(bomb) < 400_000  # ~300 KB on the wire

    def send(connection: socket.socket) -> None:
        head = {"Content-Type": "application/json", "Content-Encoding": "gzip", "Content-Length": str(len(bomb))}
        connection.sendall(response_head(200, head) + bomb)

    with hostile(serving(send)) as server:
        result = run_client(server.url, "formation.chat('hi')")
        small = run_client(server.url, "formation.with_options().chat('hi')")
    assert str(result["outcome"]).startswith("ResponseValidationError"), result
    assert int(result["growth"]) < 64 * MB + SLACK, result
    assert int(small["growth"]) < 64 * MB + SLACK, small


def test_a_content_coding_meshkit_did_not_ask_for_is_refused() -> None:
    def send(connection: socket.socket) -> None:
        body = b"not really brotli"
        head = {"Content-Type": "application/json", "Content-Encoding": "br", "Content-Length": str(len(body))}
        connection.sendall(response_head(200, head) + body)

    with hostile(serving(send)) as server:
        result = run_client(server.url, "formation.chat('hi')")
    assert "content coding meshkit did not ask for: 'br'" in str(result["outcome"]), result


def test_an_sse_line_that_never_ends_is_refused_at_1_mib() -> None:
    payload = endless({"Content-Type": "text/event-stream"}, b"data: ", b"a" * 65536)
    with hostile(serving(payload)) as server:
        result = run_client(server.url, "list(formation.chat_stream('hi'))")
    assert str(result["outcome"]).startswith("StreamError: STREAM_LINE_TOO_LONG"), result
    assert int(result["growth"]) < 1 * MB + SLACK, result


def test_data_lines_that_never_end_their_event_are_refused_at_16_mib() -> None:
    payload = endless({"Content-Type": "text/event-stream"}, b"", b"data: " + b"a" * 1000 + b"\n")
    with hostile(serving(payload)) as server:
        result = run_client(server.url, "list(formation.chat_stream('hi'))")
    assert str(result["outcome"]).startswith("StreamError: STREAM_EVENT_TOO_LARGE"), result
    assert int(result["growth"]) < 16 * MB + SLACK, result


def test_stream_limits_are_a_client_setting() -> None:
    payload = endless({"Content-Type": "text/event-stream"}, b"", b"data: " + b"a" * 1000 + b"\n")
    with hostile(serving(payload)) as server:
        result = run_client(
            server.url,
            "list(Formation(url=sys.argv[1], client_key='fmc_k', limits=Limits(max_event_bytes=100_000))"
            ".chat_stream('hi'))",
        )
    assert "larger than 100000 bytes" in str(result["outcome"]), result


def test_a_gzip_stream_bomb_is_bounded_too() -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    bomb = packer.compress(b"data: ") + b"".join(packer.compress(b"a" * MB) for _ in range(200)) + packer.flush()

    def send(connection: socket.socket) -> None:
        head = {"Content-Type": "text/event-stream", "Content-Encoding": "gzip", "Content-Length": str(len(bomb))}
        connection.sendall(response_head(200, head) + bomb)

    with hostile(serving(send)) as server:
        result = run_client(server.url, "list(formation.chat_stream('hi'))")
    assert str(result["outcome"]).startswith("StreamError: STREAM_LINE_TOO_LONG"), result
    assert int(result["growth"]) < 1 * MB + SLACK, result


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_async_client_is_bounded_the_same_way(mode: str) -> None:
    payload = endless({"Content-Type": "application/json"}, b'{"data":{"x":"', b"a" * MB)
    action = (
        "async def main():\n"
        "        async with meshkit.AsyncFormation(url=sys.argv[1], client_key='fmc_k', max_retries=0) as f:\n"
        "            await f.chat('hi')\n"
        "    asyncio.run(main())"
        if mode == "async"
        else "formation.chat('hi')"
    )
    with hostile(serving(payload)) as server:
        result = run_client(server.url, action)
    assert str(result["outcome"]).startswith("ResponseValidationError"), result
    assert int(result["growth"]) < 64 * MB + SLACK, result


def test_the_async_stream_is_bounded_too() -> None:
    payload = endless({"Content-Type": "text/event-stream"}, b"data: ", b"a" * 65536)
    action = (
        "async def main():\n"
        "        async with meshkit.AsyncFormation(url=sys.argv[1], client_key='fmc_k') as f:\n"
        "            await f.chat_stream('hi').until_done()\n"
        "    asyncio.run(main())"
    )
    with hostile(serving(payload)) as server:
        result = run_client(server.url, action)
    assert str(result["outcome"]).startswith("StreamError: STREAM_LINE_TOO_LONG"), result
    assert int(result["growth"]) < 1 * MB + SLACK, result
