"""The dev server's listen backlog (issue 18, "Stalls"): the socket listens with the backlog asked
for (``--backlog``, ``DevServer(backlog=...)``), from the banner on, and a burst of connects is
queued, none dropped.

A dropped SYN costs the client a 1 s retransmit (then 3, 7, 15 s): the stall pattern the issue asked
to rule out. The backlog is read from ``ss -ltn`` (its Send-Q column is a listener's backlog); Linux
has no socket option that reports it.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from meshkit.devserver import DevServer
from meshkit.devserver.__main__ import parse_args
from meshkit.devserver._config import DEFAULT_BACKLOG, DevServerConfig

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ss") is None, reason="reads the backlog with Linux's ss"
)


def somaxconn() -> int:
    return int(Path("/proc/sys/net/core/somaxconn").read_text())


def listen_backlog(port: int) -> int:
    """The Send-Q of the TCP listener on ``port``: its backlog."""
    out = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines() if line.strip()]
    assert len(rows) == 1, out
    return int(rows[0][2])  # State Recv-Q Send-Q Local Peer


def test_the_default_backlog_is_uvicorns_2048() -> None:
    assert DevServerConfig().backlog == DEFAULT_BACKLOG == 2048
    assert parse_args([]).backlog == 2048
    assert parse_args(["--backlog", "512"]).backlog == 512


def test_a_backlog_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="backlog"):
        DevServerConfig(backlog=0)


def test_dev_server_listens_with_the_backlog_asked_for() -> None:
    asked = min(1000, somaxconn())
    with DevServer(backlog=asked) as dev:
        assert listen_backlog(dev.port) == asked
    with DevServer() as dev:
        assert listen_backlog(dev.port) == min(DEFAULT_BACKLOG, somaxconn())


def test_cli_listens_with_the_backlog_as_soon_as_the_banner_is_out() -> None:
    # Before, the CLI listened with Python's default (128) until uvicorn's start-up raised it.
    asked = min(700, somaxconn())
    process = subprocess.Popen(
        [sys.executable, "-m", "meshkit.devserver", "--port", "0", "--backlog", str(asked)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("meshkit dev server on "), first
        assert listen_backlog(int(first.rsplit(":", 1)[1])) == asked
    finally:
        process.terminate()
        process.wait(timeout=10)


def listen_queue_drops() -> int:
    """The kernel's count of connects a full listen queue overflowed or dropped (machine-wide,
    /proc/net/netstat: TcpExt ListenOverflows + ListenDrops)."""
    rows = [line.split() for line in Path("/proc/net/netstat").read_text().splitlines() if line.startswith("TcpExt:")]
    counters = dict(zip(rows[0][1:], map(int, rows[1][1:]), strict=True))
    return counters["ListenOverflows"] + counters["ListenDrops"]


def test_a_burst_of_connects_is_queued_not_dropped() -> None:
    """600 connects at once (beyond the 128 a bare listen() gives) all complete, and the kernel
    counts no connect overflowing the listen queue: it holds them in the backlog."""
    burst = 600

    async def connect_all(port: int) -> int:
        writers: list[asyncio.StreamWriter] = []

        async def one() -> None:
            _reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 30)
            writers.append(writer)

        try:
            await asyncio.gather(*(one() for _ in range(burst)))
        finally:
            for writer in writers:
                writer.close()
        return len(writers)

    with DevServer() as dev:
        before = listen_queue_drops()
        connected = asyncio.run(connect_all(dev.port))
        dropped = listen_queue_drops() - before
    assert connected == burst
    assert dropped == 0
