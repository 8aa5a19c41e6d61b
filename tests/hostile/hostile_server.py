"""A small hostile HTTP server on loopback: each test scripts the raw bytes it answers with.

It speaks just enough HTTP/1.1 to read a request (line, headers, a Content-Length body) and then
hands the socket to the test's behaviour, which may write anything: a redirect to another host,
a line that never ends, headers and then silence. Every request it read is kept in ``requests``.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    body: bytes


Behaviour = Callable[[Received, socket.socket], None]


@dataclass
class HostileServer:
    behaviour: Behaviour
    host: str = "127.0.0.1"
    requests: list[Received] = field(default_factory=list)
    _server: socketserver.ThreadingTCPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://{self.host}:{self._server.server_address[1]}"

    def start(self) -> HostileServer:
        owner = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                connection: socket.socket = self.request
                connection.settimeout(30)
                with contextlib.suppress(OSError):
                    while True:  # keep-alive: several requests on one connection
                        received = _read_request(connection)
                        if received is None:
                            return
                        owner.requests.append(received)
                        owner.behaviour(received, connection)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = Server((self.host, 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


@contextlib.contextmanager
def hostile(behaviour: Behaviour, host: str = "127.0.0.1") -> Iterator[HostileServer]:
    server = HostileServer(behaviour, host).start()
    try:
        yield server
    finally:
        server.stop()


def _read_request(connection: socket.socket) -> Received | None:
    buffer = b""
    while b"\r\n\r\n" not in buffer:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        buffer += chunk
    head, _, rest = buffer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, path, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        rest += chunk
    return Received(method, path, headers, rest[:length])


def answer(status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> Behaviour:
    """A behaviour that answers every request with one complete response."""

    def behave(_: Received, connection: socket.socket) -> None:
        connection.sendall(response_head(status, {"Content-Length": str(len(body)), **(headers or {})}) + body)

    return behave


def response_head(status: int, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} X"] + [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


FORMATION_OK = b'{"object":"x","timestamp":1,"type":"x","request":{"id":"req_1"},"success":true,"error":null,"data":{}}'
