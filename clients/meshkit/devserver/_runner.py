"""Run the dev server in a background thread (tests, `make demo`) or in the foreground (CLI)."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import uvicorn

from ._app import create_app
from ._config import DevServerConfig
from ._faults import Fault, FaultBook


class DevServer:
    """The dev server on a loopback port, in a thread.

    >>> with DevServer() as dev:          # port 0: an ephemeral port
    ...     dev.formation_url.startswith("http://127.0.0.1:")
    True
    """

    def __init__(self, config: DevServerConfig | None = None, **overrides: Any) -> None:
        base = config or DevServerConfig()
        if config is None and "port" not in overrides:
            overrides["port"] = 0
        self.config = DevServerConfig(**{**_fields(base), **overrides})
        self.book = FaultBook()
        self.app = create_app(self.config, self.book)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port = self.config.port

    def __repr__(self) -> str:
        return f"DevServer(url={self.url!r})"

    @property
    def url(self) -> str:
        """The MUXI Server base URL (also the root of the other two)."""
        return f"http://{self.config.host}:{self.port}"

    @property
    def server_url(self) -> str:
        return self.url

    @property
    def formation_url(self) -> str:
        """The direct formation's URL: its API base URL is this plus ``/v1``."""
        return f"{self.url}/formation"

    @property
    def broker_url(self) -> str:
        return f"{self.url}/broker"

    def start(self) -> DevServer:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.config.host, self.config.port))
        self.port = sock.getsockname()[1]
        server_config = uvicorn.Config(self.app, log_level="warning", lifespan="off", timeout_graceful_shutdown=1)
        self._server = uvicorn.Server(server_config)
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the dev server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
        self._server = None
        self._thread = None

    def __enter__(self) -> DevServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def fault(self, **spec: Any) -> Fault:
        """Arm a fault (fields of :class:`meshkit.devserver.Fault`), e.g. ``fault(path="/v1/chat", status=503)``."""
        return self.book.arm(**spec)

    def accepted(self) -> dict[str, dict[str, int]]:
        """What the server accepted: broker messages by id, chats and trigger fires by idempotency key."""
        return self.book.snapshot()


def _fields(config: DevServerConfig) -> dict[str, Any]:
    return {name: getattr(config, name) for name in config.__dataclass_fields__}


__all__ = ["DevServer", "FaultBook"]
