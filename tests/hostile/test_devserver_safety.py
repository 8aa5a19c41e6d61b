"""The dev server is safe to leave running (issue 14, row 12).

- Beyond loopback it refuses to start (a clear message, exit 2, nothing bound) unless given
  --allow-remote AND keys of its own; the Python API (`DevServer`) follows the same rule.
- /_dev/* answers only to loopback peers, even with --allow-remote.
- The banner masks the secrets it was given; the public development defaults stay readable.
- Request bodies are bounded before they are buffered: a Content-Length over the limit is a 413 at
  once, a chunked body is refused as soon as it passes the limit, and the server's memory does not
  grow with what the client sends.

The machine has only loopback, and all of 127.0.0.0/8 is loopback: "another machine" is played by an
ASGI client address (httpx.ASGITransport) and by binding 0.0.0.0.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from meshkit.devserver import DevServer, DevServerConfig, UnsafeExposureError, create_app
from meshkit.devserver import __main__ as cli
from meshkit.devserver._config import DEFAULT_MAX_BODY_BYTES, exposure_problem, is_loopback_host, mask

MiB = 1024 * 1024

# Keys of our own for every well-known development key, and the flags that set them.
OWN_KEYS = {
    "--client-key": "fmc_own_client_key_0123456789",
    "--admin-key": "fma_own_admin_key_0123456789",
    "--key-id": "MUXI_own",
    "--secret-key": "sk_own_secret_key_0123456789",
    "--broker-key": "brk_own_broker_key_0123456789",
}
OWN_KEY_ARGS = [part for flag, value in OWN_KEYS.items() for part in (flag, value)]
OWN_KEY_FIELDS = {flag.removeprefix("--").replace("-", "_"): value for flag, value in OWN_KEYS.items()}


def _env(**extra: str) -> dict[str, str]:
    """The environment without any MESHKIT_DEV_* setting, plus ``extra``."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("MESHKIT_DEV_")}
    return {**env, **extra}


def _run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "meshkit.devserver", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env or _env(),
    )


class Served:
    """A dev server started through the CLI in a subprocess: its root URL on 127.0.0.1, its output."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "meshkit.devserver", "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env or _env(),
        )
        assert self.process.stdout is not None
        self.banner = "".join(self.process.stdout.readline() for _ in range(8))
        match = re.search(r"meshkit dev server on http://\S+:(\d+)", self.banner)
        if not match:
            self.stop()
            pytest.fail(f"no banner: {self.banner!r}")
        self.port = int(match.group(1))
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> str:
        """Stop the server; what it wrote on stderr."""
        self.process.terminate()
        try:
            _, err = self.process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return err

    def peak_rss(self) -> int:
        """The server process's peak resident set size so far (VmHWM), in bytes."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
        assert match, status
        return int(match.group(1)) * 1024


# --- where it may listen ------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "127.3.2.1", "localhost", "LOCALHOST", "::1", "[::1]"])
def test_loopback_hosts_are_loopback(host: str) -> None:
    assert is_loopback_host(host)
    assert exposure_problem(DevServerConfig(host=host)) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "", "::", "192.168.1.20", "10.0.0.1", "::ffff:10.0.0.1", "example.com"])
def test_every_other_host_is_not(host: str) -> None:
    assert not is_loopback_host(host)
    assert exposure_problem(DevServerConfig(host=host))


@pytest.mark.parametrize(
    "argv",
    [
        ["-m", "meshkit.devserver", "--host", "0.0.0.0"],
        ["-m", "meshkit.cli", "dev", "--host", "0.0.0.0"],  # `meshkit dev` runs the same main()
    ],
    ids=["python -m meshkit.devserver", "meshkit dev"],
)
def test_the_cli_refuses_a_lan_host_at_once_with_a_clear_message(argv: list[str]) -> None:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, *argv, "--port", "0"], capture_output=True, text=True, timeout=60, env=_env()
    )
    assert result.returncode == 2
    assert time.monotonic() - started < 30  # it exits instead of serving
    assert result.stdout == ""  # no banner: it never listened
    assert "refusing to listen on 0.0.0.0" in result.stderr
    assert "--allow-remote" in result.stderr
    for flag in OWN_KEYS:
        assert flag in result.stderr


def test_the_refusal_comes_before_anything_is_bound(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bound: list[tuple[str, int]] = []

    def bind(host: str, port: int) -> socket.socket:
        bound.append((host, port))
        raise AssertionError("the dev server bound a socket")

    monkeypatch.setattr(cli, "bound_socket", bind)
    for env in [name for name in os.environ if name.startswith("MESHKIT_DEV_")]:
        monkeypatch.delenv(env)
    assert cli.main(["--host", "0.0.0.0", "--port", "0"]) == 2
    assert cli.main(["--host", "192.168.1.20", "--port", "0", "--allow-remote"]) == 2
    assert bound == []
    assert "refusing to listen on 192.168.1.20" in capsys.readouterr().err


@pytest.mark.parametrize("kept", list(OWN_KEYS))
def test_allow_remote_still_needs_every_key_replaced(kept: str) -> None:
    """--allow-remote with all keys but one replaced is refused, and the refusal names that one."""
    args = [part for flag, value in OWN_KEYS.items() if flag != kept for part in (flag, value)]
    problem = exposure_problem(cli.parse_args(["--host", "0.0.0.0", "--allow-remote", *args]))
    assert problem is not None and kept in problem.rsplit("Missing:", 1)[1]
    for flag, value in OWN_KEYS.items():
        assert value not in problem  # it names flags, never the keys given
        if flag != kept:
            assert flag not in problem.rsplit("Missing:", 1)[1]


def test_a_key_set_back_to_its_public_default_counts_as_default() -> None:
    args = ["--host", "0.0.0.0", "--allow-remote", *OWN_KEY_ARGS, "--admin-key", DevServerConfig().admin_key]
    problem = exposure_problem(cli.parse_args(args))
    assert problem is not None and "--admin-key" in problem.rsplit("Missing:", 1)[1]


def test_keys_and_allow_remote_can_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for flag, value in OWN_KEYS.items():
        monkeypatch.setenv("MESHKIT_DEV_" + flag.removeprefix("--").replace("-", "_").upper(), value)
    monkeypatch.setenv("MESHKIT_DEV_ALLOW_REMOTE", "1")
    assert exposure_problem(cli.parse_args(["--host", "0.0.0.0"])) is None
    monkeypatch.setenv("MESHKIT_DEV_ALLOW_REMOTE", "0")
    assert exposure_problem(cli.parse_args(["--host", "0.0.0.0"])) is not None
    monkeypatch.setenv("MESHKIT_DEV_ALLOW_REMOTE", "maybe")
    with pytest.raises(SystemExit) as exited:
        cli.parse_args([])
    assert exited.value.code == 2


def test_allow_remote_with_keys_of_its_own_really_serves_beyond_loopback() -> None:
    """On 0.0.0.0 with --allow-remote and its own keys (the secret by environment variable): it starts,
    warns, serves with the keys given only, keeps /_dev/* for loopback peers, and masks the secrets."""
    secret = OWN_KEYS["--secret-key"]
    args = [part for flag, value in OWN_KEYS.items() if flag != "--secret-key" for part in (flag, value)]
    served = Served("--host", "0.0.0.0", "--allow-remote", *args, env=_env(MESHKIT_DEV_SECRET_KEY=secret))
    try:
        assert served.banner.startswith("meshkit dev server on http://0.0.0.0:")
        with httpx.Client(base_url=served.url, timeout=10) as http:
            assert http.get("/ping").status_code == 200
            chat = {"message": "Hello!", "stream": False}
            public = {"X-MUXI-CLIENT-KEY": DevServerConfig().client_key}
            assert http.post("/formation/v1/chat", headers=public, json=chat).status_code == 401
            own = {"X-MUXI-CLIENT-KEY": OWN_KEYS["--client-key"]}
            assert http.post("/formation/v1/chat", headers=own, json=chat).status_code == 200
            assert http.get("/broker/health").status_code == 401  # the broker needs its bearer key now
            assert http.get("/_dev/faults").status_code == 200  # we are a loopback peer
    finally:
        err = served.stop()
    assert "warning: listening on 0.0.0.0" in err
    output = served.banner + err
    for flag in ("--client-key", "--admin-key", "--secret-key", "--broker-key"):
        assert OWN_KEYS[flag] not in output
        assert mask(OWN_KEYS[flag]) in served.banner
    assert "key id MUXI_own" in served.banner  # an id, not a secret
    assert "Keys you gave are masked" in served.banner


def test_the_banner_keeps_the_public_defaults_readable() -> None:
    text = cli.banner(DevServerConfig(), 7890)
    for value in ("fmc_dev_not_a_secret", "fma_dev_not_a_secret", "sk_dev_not_a_secret", "MUXI_dev"):
        assert value in text
    assert "masked" not in text


def test_the_banner_masks_each_secret_it_was_given() -> None:
    config = DevServerConfig(**OWN_KEY_FIELDS)
    text = cli.banner(config, 7890)
    for name in ("client_key", "admin_key", "secret_key", "broker_key"):
        assert OWN_KEY_FIELDS[name] not in text
        assert OWN_KEY_FIELDS[name][:4] + "…" in text
    assert mask("short") == "…"  # too short for a prefix to hide anything


def test_the_python_api_follows_the_same_rule() -> None:
    with pytest.raises(UnsafeExposureError, match=r"refusing to listen on 0\.0\.0\.0"):
        DevServer(host="0.0.0.0")
    with pytest.raises(UnsafeExposureError, match="--admin-key"):
        DevServer(host="0.0.0.0", allow_remote=True, **{**OWN_KEY_FIELDS, "admin_key": DevServerConfig().admin_key})
    with pytest.raises(UnsafeExposureError, match="--allow-remote"):
        DevServer(DevServerConfig(host="0.0.0.0", port=0, **OWN_KEY_FIELDS))
    with DevServer(host="0.0.0.0", allow_remote=True, **OWN_KEY_FIELDS) as dev:
        reply = httpx.get(f"http://127.0.0.1:{dev.port}/ping", timeout=10)
        assert reply.status_code == 200
    with DevServer(host="localhost") as dev:  # loopback by name: no flag needed
        assert httpx.get(f"http://127.0.0.1:{dev.port}/ping", timeout=10).status_code == 200


# --- /_dev/* answers only to loopback peers -------------------------------------------------------


def _dev_calls(client: tuple[str, int], config: DevServerConfig | None = None) -> tuple[list[httpx.Response], int]:
    """Every /_dev call from ``client``; the responses and how many faults ended up armed."""
    app = create_app(config)

    async def calls() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app, client=client)
        async with httpx.AsyncClient(transport=transport, base_url="http://devserver.test") as http:
            return [
                await http.post("/_dev/faults", json={"path": "/v1/chat", "status": 500}),
                await http.get("/_dev/faults"),
                await http.delete("/_dev/faults"),
                await http.get("/_dev/accepted"),
                await http.delete("/_dev/accepted"),
                await http.get("/_dev/anything-else"),
                await http.get("/_dev"),
            ]

    responses = asyncio.run(calls())
    return responses, len(app.state.book.faults)


@pytest.mark.parametrize("address", ["192.0.2.7", "10.1.2.3", "::ffff:192.0.2.7", "2001:db8::7"])
@pytest.mark.parametrize("allow_remote", [False, True], ids=["loopback-config", "allow-remote"])
def test_dev_routes_refuse_a_non_loopback_peer(address: str, allow_remote: bool) -> None:
    config = DevServerConfig(allow_remote=True, **OWN_KEY_FIELDS) if allow_remote else None
    responses, armed = _dev_calls((address, 1234), config)
    assert [r.status_code for r in responses] == [403] * len(responses)
    for response in responses:
        body = response.json()  # the MUXI Server's error body: the root of the dev server is that server
        assert body == {"error": "Forbidden", "message": body["message"], "code": 403}
        assert "loopback" in body["message"]
    assert armed == 0  # the POST armed nothing


@pytest.mark.parametrize("address", ["127.0.0.1", "127.9.9.9", "::1", "::ffff:127.0.0.1"])
def test_dev_routes_still_answer_a_loopback_peer(address: str) -> None:
    responses, _ = _dev_calls((address, 1234))
    assert [r.status_code for r in responses] == [201, 200, 200, 200, 200, 404, 404]


def test_the_apis_themselves_answer_any_peer() -> None:
    """Only /_dev/* is loopback-only: the APIs (behind their keys) answer a LAN peer."""
    app = create_app()

    async def ping() -> int:
        transport = httpx.ASGITransport(app=app, client=("192.0.2.7", 1234))
        async with httpx.AsyncClient(transport=transport, base_url="http://devserver.test") as http:
            return (await http.get("/ping")).status_code

    assert asyncio.run(ping()) == 200


# --- request bodies are bounded before they are buffered -----------------------------------------

LIMIT = MiB


@pytest.fixture(scope="module")
def small_limit() -> Iterator[DevServer]:
    """A dev server (in this process) taking bodies of at most 1 MiB."""
    with DevServer(max_body_bytes=LIMIT) as dev:
        yield dev


def _head(path: str, *headers: str) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", *headers, "", ""]
    return "\r\n".join(lines).encode()


def _read_response(sock: socket.socket) -> tuple[int, dict[str, object]]:
    """Status and JSON body of the first response on ``sock`` (Content-Length framed)."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536) or pytest.fail(f"connection closed: {data!r}")
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(re.search(rb"content-length: (\d+)", head, re.IGNORECASE).group(1))  # type: ignore[union-attr]
    while len(body) < length:
        body += sock.recv(65536) or pytest.fail("connection closed")
    return int(head.split()[1]), json.loads(body[:length])


@pytest.mark.parametrize(
    ("path", "shape"),
    [
        ("/formation/v1/chat", "formation"),
        ("/api/dev-formation/v1/chat", "formation"),
        ("/broker/messages", "broker"),
        ("/rpc/formations", "server"),
    ],
)
def test_a_content_length_over_the_limit_is_413_before_any_body_is_sent(
    small_limit: DevServer, path: str, shape: str
) -> None:
    """The request declares 10 GB and sends none of it: the answer comes at once."""
    with socket.create_connection(("127.0.0.1", small_limit.port), timeout=10) as sock:
        sock.sendall(_head(path, "Content-Type: application/json", f"Content-Length: {10**10}"))
        status, body = _read_response(sock)
    assert status == 413
    message = f"Payload too large: the request body exceeds {LIMIT} bytes"
    if shape == "formation":
        assert body["success"] is False and body["error"]["message"] == message  # type: ignore[index]
    elif shape == "broker":
        assert body == {"error": "payload_too_large", "message": message}
    else:
        assert body == {"error": "Request Entity Too Large", "message": message, "code": 413}


def test_a_chunked_body_is_refused_as_soon_as_it_passes_the_limit(small_limit: DevServer) -> None:
    """Chunks go out one by one, the body never ends: the 413 arrives soon after the limit."""
    headers = (
        "Content-Type: application/json",
        "Transfer-Encoding: chunked",
        "X-MUXI-CLIENT-KEY: fmc_dev_not_a_secret",
    )
    chunk = b" " * 65536
    sent = 0
    with socket.create_connection(("127.0.0.1", small_limit.port), timeout=10) as sock:
        sock.sendall(_head("/formation/v1/chat", *headers))
        sock.setblocking(False)
        deadline = time.monotonic() + 30
        answered = False
        while not answered and time.monotonic() < deadline and sent < 64 * LIMIT:
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent += len(chunk)
            try:
                answered = bool(sock.recv(1, socket.MSG_PEEK))
            except BlockingIOError:
                time.sleep(0.001)
        sock.setblocking(True)
        assert answered, f"no answer after {sent} bytes"
        status, body = _read_response(sock)
    assert status == 413
    assert body["error"]["message"] == f"Payload too large: the request body exceeds {LIMIT} bytes"  # type: ignore[index]
    assert LIMIT < sent <= 4 * LIMIT  # refused near the limit, not at the end of the body


def _chat_body(size: int) -> bytes:
    """A valid blocking chat request, padded with JSON whitespace to exactly ``size`` bytes."""
    body = json.dumps({"message": "Hello!", "stream": False}).encode()
    return body + b" " * (size - len(body))


def _chunks(data: bytes, size: int = 65536) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def test_a_body_of_exactly_the_limit_is_taken_either_way(small_limit: DevServer) -> None:
    headers = {"X-MUXI-CLIENT-KEY": small_limit.config.client_key, "Content-Type": "application/json"}
    url = small_limit.formation_url + "/v1/chat"
    with httpx.Client(timeout=30) as http:
        for content in (_chat_body(LIMIT), _chunks(_chat_body(LIMIT))):
            reply = http.post(url, headers=headers, content=content)
            assert reply.status_code == 200, reply.text
        for content in (_chat_body(LIMIT + 1), _chunks(_chat_body(LIMIT + 1))):
            assert http.post(url, headers=headers, content=content).status_code == 413


def test_a_large_upload_is_refused_and_the_connection_keeps_working(small_limit: DevServer) -> None:
    """64 MiB from a generator (chunked): 413, then the same client goes on as usual."""
    headers = {"X-MUXI-CLIENT-KEY": small_limit.config.client_key, "Content-Type": "application/json"}
    url = small_limit.formation_url + "/v1/chat"
    with httpx.Client(timeout=60) as http:
        started = time.monotonic()
        refused = http.post(url, headers=headers, content=(b" " * 65536 for _ in range(1024)))
        assert refused.status_code == 413
        assert time.monotonic() - started < 60
        assert http.post(url, headers=headers, json={"message": "Hello!", "stream": False}).status_code == 200


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak RSS from /proc")
def test_the_server_memory_does_not_grow_with_what_the_client_sends() -> None:
    """256 MiB chunked and 256 MiB with a Content-Length, to a server with a 1 MiB limit (the CLI in
    a subprocess): its peak RSS grows by less than 16 MiB. Before the limit, the chunked body was
    buffered whole."""
    served = Served("--max-body-bytes", str(LIMIT))
    try:
        headers = {"X-MUXI-CLIENT-KEY": DevServerConfig().client_key, "Content-Type": "application/json"}
        url = served.url + "/formation/v1/chat"
        with httpx.Client(timeout=120) as http:
            assert http.post(url, headers=headers, json={"message": "warm up", "stream": False}).status_code == 200
            before = served.peak_rss()
            chunked = http.post(url, headers=headers, content=(b" " * 65536 for _ in range(4096)))
            declared = http.post(
                url,
                headers={**headers, "Content-Length": str(256 * MiB)},
                content=(b" " * 65536 for _ in range(4096)),
            )
            after = served.peak_rss()
        assert (chunked.status_code, declared.status_code) == (413, 413)
        assert after - before < 16 * MiB, f"peak RSS grew by {(after - before) / MiB:.1f} MiB"
    finally:
        served.stop()


def test_the_limit_is_a_setting_with_a_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert DevServerConfig().max_body_bytes == DEFAULT_MAX_BODY_BYTES == 32 * MiB
    # Deploy bundles are the largest bodies; the broker keeps its own (smaller) contract limit.
    assert DevServerConfig().broker.max_body_bytes <= DEFAULT_MAX_BODY_BYTES
    assert cli.parse_args(["--max-body-bytes", "1000"]).max_body_bytes == 1000
    monkeypatch.setenv("MESHKIT_DEV_MAX_BODY_BYTES", "2000")
    assert cli.parse_args([]).max_body_bytes == 2000
    with pytest.raises(SystemExit):
        cli.parse_args(["--max-body-bytes", "0"])
    with pytest.raises(ValueError, match="max_body_bytes"):
        DevServerConfig(max_body_bytes=0)
    server = DevServer(max_body_bytes=123)
    assert server.config.max_body_bytes == 123
