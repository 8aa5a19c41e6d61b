"""Run the dev server in a background thread (tests, `make demo`) or in the foreground (CLI)."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import uvicorn

from ._app import create_app
from ._config import DevServerConfig, check_exposure
from ._faults import Fault, FaultBook


class DevServer:
    """The dev server on a loopback port, in a thread.

    >>> with DevServer() as dev:          # port 0: an ephemeral port
    ...     dev.formation_url.startswith("http://127.0.0.1:")
    True

    Settings are :class:`DevServerConfig` fields, as a config or as keywords (``max_body_bytes=…``).
    A host beyond loopback raises :class:`UnsafeExposureError` unless ``allow_remote=True`` and every
    development key is replaced, as for ``python -m meshkit.devserver --host``.
    """

    def __init__(self, config: DevServerConfig | None = None, **overrides: Any) -> None:
        base = config or DevServerConfig()
        if config is None and "port" not in overrides:
            overrides["port"] = 0
        self.config = DevServerConfig(**{**_fields(base), **overrides})
        check_exposure(self.config)
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
        return f"http://{url_host(self.config.host)}:{self.port}"

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
        check_exposure(self.config)  # again: the config is a plain attribute, it may have been replaced
        sock = bound_socket(self.config.host, self.config.port)
        self.port = sock.getsockname()[1]
        # uvicorn listens on the socket with this backlog as it starts (asyncio's create_server).
        server_config = uvicorn.Config(
            self.app, log_level="warning", lifespan="off", timeout_graceful_shutdown=1, backlog=self.config.backlog
        )
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


def bound_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host`` (IPv6 when it is an IPv6 address) and ``port``, not yet listening."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.removeprefix("[").removesuffix("]"), port))
    except BaseException:
        sock.close()
        raise
    return sock


def url_host(host: str) -> str:
    """``host`` as a URL writes it: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _fields(config: DevServerConfig) -> dict[str, Any]:
    return {name: getattr(config, name) for name in config.__dataclass_fields__}


__all__ = ["DevServer", "FaultBook"]
