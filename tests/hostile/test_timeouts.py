"""Row 6 of the hostile table, and the call deadline: a server that sends headers and then nothing
cannot hold a stream or a download forever, and one that trickles bytes just often enough to beat
the read timeout cannot outlast ``Timeout(total=…)``. Each error says which bound fired."""

from __future__ import annotations

import asyncio
import pathlib
import socket
import threading
from collections.abc import Callable

import pytest
from hostile_server import Received, hostile, response_head
from meshkit import (
    AsyncFormation,
    AsyncServerClient,
    Formation,
    Limits,
    ResponseValidationError,
    ServerClient,
    ServerError,
    StreamTimeoutError,
    Timeout,
    TimeoutError,
    build_bundle,
)

KEYS = {"key_id": "MUXI_hostile", "secret_key": "sk_hostile_secret_0005"}
CLIENT_KEY = "fmc_hostile_client_key_0001"
stop = threading.Event()


def headers_then_silence(content_type: str) -> Callable[[Received, socket.socket], None]:
    def behave(_: Received, connection: socket.socket) -> None:
        connection.sendall(response_head(200, {"Content-Type": content_type, "Content-Length": "100000"}))
        stop.wait(60)  # then nothing, until the test is over

    return behave


@pytest.fixture(autouse=True)
def release_servers():
    stop.clear()
    yield
    stop.set()


@pytest.fixture
def bundle(tmp_path: pathlib.Path) -> bytes:
    (tmp_path / "formation.afs").write_text('schema: "1.0.0"\nid: f1\nversion: "1"\n')
    return build_bundle(tmp_path).data


def test_every_server_stream_honours_the_callers_timeout_as_its_idle_bound(bundle: bytes, tmp_path) -> None:
    with (
        hostile(headers_then_silence("text/event-stream")) as server,
        ServerClient(server.url, timeout=1, **KEYS) as muxi,
    ):
        calls = {
            "deploy_stream": lambda: list(muxi.deploy_stream(bundle, formation_id="f1")),
            "update_stream": lambda: list(muxi.update_stream("f1", bundle)),
            "follow_logs": lambda: list(muxi.follow_logs("f1")),
        }
        for name, call in calls.items():
            with pytest.raises(StreamTimeoutError) as caught:
                call()
            assert caught.value.bound == "stream_idle", name
    with (
        hostile(headers_then_silence("application/zip")) as server,
        ServerClient(server.url, timeout=1, **KEYS) as muxi,
    ):
        target = tmp_path / "out" / "f1.zip"
        target.parent.mkdir()
        with pytest.raises(StreamTimeoutError) as caught:
            muxi.download("f1", target)
    assert caught.value.bound == "stream_idle"
    assert list(target.parent.iterdir()) == []  # no .part left behind


def test_the_async_server_client_too(bundle: bytes) -> None:
    async def main(url: str) -> None:
        async with AsyncServerClient(url, timeout=Timeout(30, stream_idle=1), **KEYS) as muxi:
            with pytest.raises(StreamTimeoutError) as caught:
                async for _ in muxi.deploy_stream(bundle, formation_id="f1"):
                    pass
            assert caught.value.bound == "stream_idle"

    with hostile(headers_then_silence("text/event-stream")) as server:
        asyncio.run(main(server.url))


def test_without_a_timeout_progress_streams_may_be_quiet_for_half_an_hour_not_forever() -> None:
    with ServerClient("http://127.0.0.1:9", **KEYS) as muxi:
        assert muxi._settings.timeout.stream_extension["read"] == 1800.0
        assert muxi._settings.timeout.blocking_extension["read"] == 300.0


def test_a_download_takes_no_content_coding_and_stops_at_its_size_limit(tmp_path: pathlib.Path) -> None:
    def coded(received: Received, connection: socket.socket) -> None:
        connection.sendall(response_head(200, {"Content-Type": "application/zip", "Content-Encoding": "gzip"}))
        connection.sendall(b"\x1f\x8b" + b"\0" * 1000)
        connection.close()

    def big(received: Received, connection: socket.socket) -> None:
        connection.sendall(response_head(200, {"Content-Type": "application/zip", "Connection": "close"}))
        try:
            for _ in range(64):
                connection.sendall(b"\0" * 1024 * 1024)
        except OSError:
            pass
        connection.close()

    with (
        hostile(coded) as server,
        ServerClient(server.url, **KEYS) as muxi,
        pytest.raises(ResponseValidationError, match="content coding"),
    ):
        muxi.download("f1", tmp_path / "f1.zip")
    assert server.requests[0].headers["accept-encoding"] == "identity"
    with (
        hostile(big) as server,
        ServerClient(server.url, limits=Limits(max_download_bytes=2_000_000), **KEYS) as muxi,
        pytest.raises(ResponseValidationError, match="larger than the limit of 2000000 bytes"),
    ):
        muxi.download("f1", tmp_path / "f1.zip")
    assert list(tmp_path.glob("*.part")) == [] and not (tmp_path / "f1.zip").exists()


def trickle(first: bytes, every: float, byte: bytes, content_type: str) -> Callable[[Received, socket.socket], None]:
    def behave(_: Received, connection: socket.socket) -> None:
        connection.sendall(response_head(200, {"Content-Type": content_type, "Content-Length": "100000"}) + first)
        try:
            while not stop.wait(every):
                connection.sendall(byte)
        except OSError:
            pass

    return behave


def test_a_trickling_answer_ends_at_the_total_deadline() -> None:
    slow = trickle(b'{"data":', 0.3, b" ", "application/json")
    with (
        hostile(slow) as server,
        Formation(url=server.url, client_key=CLIENT_KEY, timeout=Timeout(1, total=2)) as f,
        pytest.raises(TimeoutError) as caught,
    ):
        f.chat("hi")  # each byte comes within the 1 s read timeout: only the total bounds it
    assert caught.value.bound == "total"
    assert "total timeout" in str(caught.value)


def test_a_stream_of_keepalives_ends_at_the_total_deadline_sync_and_async() -> None:
    keepalives = trickle(b": keepalive\n\n", 0.2, b": keepalive\n\n", "text/event-stream")
    with hostile(keepalives) as server:
        with (
            Formation(url=server.url, client_key=CLIENT_KEY, timeout=Timeout(5, total=1.5)) as f,
            pytest.raises(StreamTimeoutError) as caught,
        ):
            f.chat_stream("hi").until_done()
        assert caught.value.bound == "total"

        async def main() -> None:
            async with AsyncFormation(url=server.url, client_key=CLIENT_KEY, timeout=Timeout(5, total=1.5)) as f:
                with pytest.raises(TimeoutError) as caught:
                    await f.chat_stream("hi").until_done()
                assert caught.value.bound == "total"

        asyncio.run(main())


def test_a_silent_stream_names_its_idle_bound() -> None:
    with (
        hostile(headers_then_silence("text/event-stream")) as server,
        Formation(url=server.url, client_key=CLIENT_KEY, timeout=Timeout(30, stream_idle=0.5)) as f,
        pytest.raises(StreamTimeoutError) as caught,
    ):
        f.chat_stream("hi").until_done()
    assert caught.value.bound == "stream_idle"


def test_no_retry_wait_outlasts_the_deadline() -> None:
    def busy(_: Received, connection: socket.socket) -> None:
        connection.sendall(response_head(503, {"Retry-After": "5", "Content-Length": "4"}) + b"busy")

    with (
        hostile(busy) as server,
        Formation(url=server.url, client_key=CLIENT_KEY, timeout=Timeout(30, total=2)) as f,
        pytest.raises(ServerError) as caught,
    ):
        f.chat("hi")
    assert caught.value.retry_after == 5.0
    assert len(server.requests) == 1  # a 5 s wait cannot fit in a 2 s deadline: the 503 surfaces


def test_a_server_that_is_down_is_a_connection_error_naming_the_url_without_credentials() -> None:
    from meshkit import ConnectionError

    with (
        Formation(url="http://user:pw@127.0.0.1:9/formation", client_key=CLIENT_KEY, max_retries=0) as f,
        pytest.raises(ConnectionError) as caught,
    ):
        f.chat("hi")
    assert "POST http://127.0.0.1:9/formation/v1/chat: connection failed" in str(caught.value)
    assert "pw" not in str(caught.value)
