"""Run the dev server in a background thread (tests, `make demo`) or in the foreground (CLI)."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import uvicorn

from ._app import create_app
from ._config import DevServerConfig, check_exposure
from ._faults import Fault, FaultBook
from ._journal import Journal, JournalEntry
from ._scripts import Answer, BrokerAnswer, DeployFailure, Script, ScriptBook

Match = str | re.Pattern[str] | Callable[[str], bool] | None


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
        self.journal = Journal()
        self.app = create_app(self.config, self.book, self.journal)
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

    # --- scripts -------------------------------------------------------------------------------

    @property
    def scripts(self) -> ScriptBook:
        """Every armed script; ``scripts.strict = True`` refuses chats no script matches,
        ``scripts.clear()`` disarms them all."""
        return self.book.scripts

    def script(
        self,
        answer: Answer | str,
        *,
        message: Match = None,
        agent: Match = None,
        user: Match = None,
        session: Match = None,
        times: int | None = 1,
    ) -> Script:
        """Make the formation answer ``answer`` (an :class:`Answer`, or a text) to the next ``times``
        chats (None: every one) whose message, agent, user and session match: a text (exact), a
        compiled regex (searched) or a predicate. Unmatched fields match anything.

        >>> import httpx
        >>> with DevServer() as dev:
        ...     _ = dev.script(Answer().tool_call({"name": "weather"}).text("Sunny."), message="Weather?")
        ...     reply = httpx.post(
        ...         dev.formation_url + "/v1/chat",
        ...         headers={"X-MUXI-CLIENT-KEY": dev.config.client_key},
        ...         json={"message": "Weather?", "stream": False},
        ...     )
        ...     reply.json()["data"]["message"]["content"]
        'Sunny.'
        """
        return self.book.scripts.add(
            "formation", answer, times, message=message, agent=agent, user=user, session=session
        )

    def script_broker(
        self,
        answer: BrokerAnswer,
        *,
        agent: Match = None,
        message_id: Match = None,
        times: int | None = 1,
    ) -> Script:
        """Make the broker answer matching messages (by ``agent_id`` and ``message_id``) with a
        latency, a token charge or a refusal (:class:`BrokerAnswer`).

        >>> with DevServer() as dev:
        ...     dev.script_broker(BrokerAnswer(status=503, code="no_healthy_endpoints"), agent="bot").times
        1
        """
        return self.book.scripts.add("broker", answer, times, agent=agent, message_id=message_id)

    def script_deploy(
        self, failure: DeployFailure, *, formation: Match = None, operation: Match = None, times: int | None = 1
    ) -> Script:
        """Make the MUXI Server's ``operation`` (``deploy``, ``update``, ``start``, ``restart``,
        ``rollback``) of ``formation`` fail at a stage (:class:`DeployFailure`). The script is used
        by the next matching operation that reaches that stage (a restart extracts nothing, so it
        leaves an ``extracting`` failure armed for the next deploy or update).

        >>> with DevServer() as dev:
        ...     dev.script_deploy(DeployFailure("health_check"), formation="demo-bot").to_json()["answer"]["kind"]
        'HealthCheckFailed'
        """
        return self.book.scripts.add("server", failure, times, formation=formation, operation=operation)

    # --- the request journal -------------------------------------------------------------------

    def requests(
        self, api: str | None = None, operation: str | None = None, method: str | None = None
    ) -> list[JournalEntry]:
        """What the server received, oldest first (the last 10,000 requests), of ``api``
        (``formation``, ``broker``, ``server``) and ``operation`` (the spec's id: ``chat``…) when
        given: headers with keys masked, user, idempotency key, parsed body, status answered. An
        API or operation the spec does not have raises ``JournalQueryError`` (not an empty list).

        >>> import httpx
        >>> with DevServer() as dev:
        ...     _ = httpx.get(dev.formation_url + "/v1/health", headers={"X-MUXI-CLIENT-KEY": "fmc_x"})
        ...     [(e.operation, e.status, e.headers["x-muxi-client-key"]) for e in dev.requests(api="formation")]
        [('get_health', 200, '***')]
        """
        return self.journal.entries(api, operation, method)

    def assert_one_chat(self, idempotency_key: str | None = None) -> JournalEntry:
        """Assert that exactly one chat was accepted for one logical call (the call ``idempotency_key``
        names, or the only one the journal holds), however many times it was sent; returns its
        first request. Raises AssertionError saying what was received otherwise.

        >>> import httpx
        >>> with DevServer() as dev:
        ...     _ = dev.fault(path="/v1/chat", status=503)  # the first try is refused, the retry runs
        ...     for _ in range(2):
        ...         _ = httpx.post(
        ...             dev.formation_url + "/v1/chat",
        ...             headers={"X-MUXI-CLIENT-KEY": dev.config.client_key, "X-Muxi-Idempotency-Key": "k1"},
        ...             json={"message": "Book it", "stream": False},
        ...         )
        ...     dev.assert_one_chat("k1").body["message"]
        'Book it'
        """
        chats = self.requests(operation="chat")
        keys = {entry.idempotency_key for entry in chats}
        if idempotency_key is None:
            if len(keys) != 1 or None in keys:
                seen = [(entry.idempotency_key, entry.status) for entry in chats]
                raise AssertionError(f"expected the chats of one logical call (one idempotency key), got {seen}")
            (idempotency_key,) = keys
        sent = [entry for entry in chats if entry.idempotency_key == idempotency_key]
        accepted = self.accepted()["chats"].get(str(idempotency_key), 0)
        if not sent or accepted != 1:
            statuses = [entry.status for entry in sent]
            raise AssertionError(
                f"expected exactly one chat accepted for {idempotency_key!r}: sent {len(sent)} time(s) "
                f"(statuses {statuses}), accepted {accepted} time(s)"
            )
        return sent[0]

    def reset(self) -> None:
        """Disarm every fault and script, and forget the journal and the accepted-work ledger (the
        shared fixture's teardown: the next test's :meth:`assert_one_chat` sees its own chats only)."""
        self.book.clear()
        self.book.scripts.clear()
        self.book.reset_accepted()
        self.journal.clear()


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
