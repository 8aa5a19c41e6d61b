"""The MUXI Server of the dev server, as contract/server.md describes it.

Served at the root of the dev server: ``/ping`` and ``/health`` (public), the ``/rpc/*`` management
routes behind MUXI-HMAC (§1), and the ``/api/{formation_id}/*`` and ``/draft/{formation_id}/*``
reverse proxy (§9). Anything else is 404 ``Endpoint not found``.

Formations are simulated. Deploying a bundle registers a formation whose "process" is an in-memory
:class:`FormationRuntime` behind a fake port (from 8001 upwards) and a fake pid; updates are
blue-green (a staging instance on a second port, health-checked, then swapped in), the previous
version is kept for rollback, and each formation keeps stdout/stderr line buffers for its logs.

State and time. :func:`build_server_routes` creates one :class:`MuxiServer`, which holds all state;
two dev servers never share anything. ``MuxiServer.clock`` (epoch seconds, default
:func:`time.time`) is the time source of the HMAC timestamp check and of every time the server
reports, so a test can pin it::

    server = MuxiServer(config, FaultBook(), clock=lambda: 1_700_000_000)
    app = Starlette(routes=server.routes())

Health checks call the formation's own ``GET /v1/health`` in process, the way the real server polls
the formation's port. A fault armed on the formation's ``/v1/health`` therefore applies to them too:
``dev.fault(api="formation", path="/v1/health", status=503, count=5)`` makes the next five checks
fail, which is how a test slows an update down, cancels it, or makes it fail its health check.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import io
import itertools
import platform
import posixpath
import re
import sys
import tarfile
import time
import uuid
import zipfile
import zlib
from collections import Counter, deque
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any

import yaml
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__ as meshkit_version
from ._config import DevServerConfig
from ._errors import server_error
from ._faults import FaultBook
from ._validation import SERVER, server_message, spec
from ._wire import SSE_HEADERS, json_response, sse_frame
from .formation import FormationRuntime

SERVER_VERSION = f"{meshkit_version}-dev"

# §10: formation ids, and the ids that would collide with the server's own routes.
FORMATION_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$")
RESERVED_FORMATION_IDS = frozenset({"health", "ping", "rpc", "server", "admin", "metrics", "api"})

# §4: the bundle.
BUNDLE_CONTENT_TYPES = ("application/gzip", "application/x-gzip", "application/octet-stream")
FORMATION_FILES = ("formation.afs", "formation.yaml", "formation.yml")  # the runtime's lookup order
DEFAULT_FORMATION_VERSION = "1.0.0"
MEMORY_DB = "memory.db"
RUNTIME_PIN = re.compile(r"^(latest|\d+(\.\d+)*)(:[a-z0-9_-]+)?$")
LATEST_RUNTIME_VERSION = "0.0.0-dev"

FIRST_PORT, LAST_PORT = 8001, 8999
FIRST_PID = 4242

# The real server polls once a second up to 300 times; the dev server is faster so that a test
# making every check fail still finishes in about a second.
HEALTH_CHECK_ATTEMPTS = 50
HEALTH_CHECK_INTERVAL_SECS = 0.02
HEALTH_CHECK_TIMEOUT_SECS = 2.0

# Progress frames leave one at a time, as the real server flushes each one.
FRAME_GAP_SECS = 0.005
FOLLOW_POLL_SECS = 0.1

# §6 and the server audit log.
DEFAULT_LOG_LINES = 100
MAX_LOG_LINES = 10_000

Handler = Callable[[Request], Awaitable[Response]]

UNAUTHORIZED_MISSING = "Missing authorization header"
UNAUTHORIZED_FORMAT = "Invalid authorization header format"
UNAUTHORIZED_KEY = "Invalid key"
UNAUTHORIZED_EXPIRED = "Request expired (timestamp too old or in future)"
UNAUTHORIZED_SIGNATURE = "Invalid signature"


# --- errors ------------------------------------------------------------------------------------


class ServerError(Exception):
    """A refusal: the server error body (§2) in a JSON answer, or an ``event: error`` frame (§5).

    ``kind`` is the frame's ``error`` value (``NotFound``, ``ExtractError``…); ``stage`` pins the
    frame's stage when the failure happens before the operation reports one.
    """

    def __init__(self, status: int, message: str, kind: str | None = None, stage: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.kind = kind or HTTPStatus(status).phrase.replace(" ", "")
        self.stage = stage

    def response(self) -> Response:
        """The JSON answer: ``{"error": <status text>, "message", "code": <status>}``."""
        return json_response(server_error(self.status, self.message), self.status)

    def event(self, current_stage: str) -> dict[str, Any]:
        """The data of the ``event: error`` frame."""
        return {"error": self.kind, "message": self.message, "stage": self.stage or current_stage}


def formation_not_found(stage: str | None = None) -> ServerError:
    """404 ``Formation not found`` (``NotFound`` in a progress stream)."""
    return ServerError(404, "Formation not found", "NotFound", stage)


def success(data: Any, status: int = 200) -> Response:
    """The success envelope (§2)."""
    return json_response({"success": True, "data": data}, status)


class EndpointNotFound:
    """The catch-all ASGI app: 404 ``Endpoint not found`` for every path and method nobody serves."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await ServerError(404, "Endpoint not found").response()(scope, receive, send)


# --- §1 MUXI-HMAC ------------------------------------------------------------------------------


def sign_request(secret_key: str, timestamp: str, method: str, path: str) -> str:
    """Base64 of HMAC-SHA256(secret, ``"{timestamp};{METHOD};{path}"``)."""
    message = f"{timestamp};{method.upper()};{path}".encode()
    digest = hmac.new(secret_key.encode(), message, hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def parse_authorization(header: str) -> tuple[str, str, str]:
    """``key``, ``timestamp`` and ``signature`` of a ``MUXI-HMAC`` header.

    Parameters are split on ``", "`` and each on its first ``=``, as the server does; any other
    separator leaves a parameter missing, which is a format error.
    """
    if not header.startswith("MUXI-HMAC "):
        raise ServerError(401, UNAUTHORIZED_FORMAT)
    params: dict[str, str] = {}
    for part in header.removeprefix("MUXI-HMAC ").split(", "):
        name, equals, value = part.partition("=")
        if equals:
            params[name] = value
    key, timestamp, signature = (params.get(name, "") for name in ("key", "timestamp", "signature"))
    if not (key and timestamp and signature):
        raise ServerError(401, UNAUTHORIZED_FORMAT)
    return key, timestamp, signature


@dataclass(frozen=True)
class HmacVerifier:
    """The MUXI-HMAC check of every ``/rpc/*`` request (§1), in the server's order."""

    key_id: str
    secret_key: str
    tolerance_secs: int
    clock: Callable[[], float] = time.time

    def check(self, authorization: str | None, method: str, path: str) -> None:
        """Raise a 401 :class:`ServerError` unless the header signs ``METHOD path`` now."""
        if not authorization:
            raise ServerError(401, UNAUTHORIZED_MISSING)
        key, timestamp, signature = parse_authorization(authorization)
        if not hmac.compare_digest(key.encode(), self.key_id.encode()):
            raise ServerError(401, UNAUTHORIZED_KEY)
        if not self._is_fresh(timestamp):
            raise ServerError(401, UNAUTHORIZED_EXPIRED)
        # The server signs the timestamp exactly as it was sent.
        expected = sign_request(self.secret_key, timestamp, method, path)
        if not hmac.compare_digest(signature.encode(), expected.encode()):
            raise ServerError(401, UNAUTHORIZED_SIGNATURE)

    def _is_fresh(self, timestamp: str) -> bool:
        # Like the real server, a timestamp that is not an integer fails the freshness check.
        if not re.fullmatch(r"[+-]?\d+", timestamp):
            return False
        return abs(self.clock() - int(timestamp)) <= self.tolerance_secs


# --- §4 bundles --------------------------------------------------------------------------------


def extract_bundle(raw: bytes) -> dict[str, bytes]:
    """The regular files of a gzip tar bundle by relative path, a single top-level directory
    stripped when the formation file is not at the root. 400 ``ExtractError`` when unreadable."""
    try:
        with tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz") as archive:
            files = {_member_path(member.name): _member_bytes(archive, member) for member in archive if member.isfile()}
    except (tarfile.TarError, OSError, EOFError, zlib.error, ValueError) as exc:
        raise ServerError(400, f"Failed to extract bundle: {exc}", "ExtractError") from None
    if not files:
        raise ServerError(400, "Failed to extract bundle: the archive holds no files", "ExtractError")
    return _without_single_top_directory(files)


def _member_path(name: str) -> str:
    path = posixpath.normpath(name)  # also drops the "./" of `tar -C dir .` archives
    if path.startswith("/") or path == ".." or path.startswith("../"):
        raise ValueError(f"unsafe path in archive: {name}")
    return path


def _member_bytes(archive: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    handle = archive.extractfile(member)
    if handle is None:
        raise ValueError(f"unreadable archive member: {member.name}")
    return handle.read()


def _without_single_top_directory(files: dict[str, bytes]) -> dict[str, bytes]:
    if any(name in files for name in FORMATION_FILES):
        return files
    tops = {path.split("/", 1)[0] for path in files}
    if len(tops) != 1 or not all("/" in path for path in files):
        return files
    prefix = tops.pop() + "/"
    return {path.removeprefix(prefix): data for path, data in files.items()}


def parse_definition(files: Mapping[str, bytes]) -> dict[str, Any]:
    """The parsed formation file (``formation.afs``, then ``.yaml``, then ``.yml``). 400 ``ParseError``
    when there is none, it is not YAML, or it is not a mapping."""
    name = next((candidate for candidate in FORMATION_FILES if candidate in files), None)
    if name is None:
        message = "Failed to find formation config: no formation.afs, formation.yaml or formation.yml in the bundle"
        raise ServerError(400, message, "ParseError")
    try:
        document = yaml.safe_load(files[name].decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ServerError(400, f"Failed to parse {name}: {' '.join(str(exc).split())}", "ParseError") from None
    if not isinstance(document, dict):
        raise ServerError(400, f"Failed to parse {name}: the document is not a mapping", "ParseError")
    return document


def semantic_version(definition: Mapping[str, Any]) -> str:
    """The bundle's declared ``version``, ``1.0.0`` when absent."""
    version = definition.get("version")
    return DEFAULT_FORMATION_VERSION if version in (None, "") else str(version)


def check_bundle_id(definition: Mapping[str, Any], formation_id: str) -> None:
    """400 ``IDMismatch`` unless the bundle's ``id`` is the ``X-Formation-ID`` header."""
    bundle_id = str(definition.get("id") or "")
    if bundle_id != formation_id:
        message = f"Formation ID mismatch: header says '{formation_id}' but bundle contains '{bundle_id}'"
        raise ServerError(400, message, "IDMismatch")


def check_bundle_version(definition: Mapping[str, Any], expected: str) -> None:
    """400 ``VersionMismatch`` unless the bundle's version is ``X-Formation-Version`` (or its default)."""
    actual = semantic_version(definition)
    if actual != expected:
        message = f"Formation version mismatch: header says '{expected}' but bundle contains '{actual}'"
        raise ServerError(400, message, "VersionMismatch")


def bundle_hash(raw: bytes) -> str:
    """The bundle's identity: the SHA-256 of its bytes (what NoChange compares)."""
    return hashlib.sha256(raw).hexdigest()


def check_formation_id(formation_id: str | None) -> str:
    """The ``X-Formation-ID`` header of a deploy: 400 ``MissingHeader`` or ``InvalidFormationID`` (§10)."""
    if not formation_id:
        message = "Missing X-Formation-ID header. Provide the formation ID for early conflict detection."
        raise ServerError(400, message, "MissingHeader")
    problem = None
    if not 3 <= len(formation_id) <= 50:
        problem = "formation ID must be 3-50 characters"
    elif formation_id in RESERVED_FORMATION_IDS:
        problem = f'formation ID "{formation_id}" is reserved'
    elif not FORMATION_ID_PATTERN.match(formation_id):
        problem = "formation ID must contain only lowercase letters, numbers, and hyphens"
    if problem:
        raise ServerError(400, f"Invalid X-Formation-ID: {problem}", "InvalidFormationID")
    return formation_id


def is_bundle_content_type(content_type: str) -> bool:
    """Deploy accepts gzip bundles under any of three media types (§4)."""
    return any(accepted in content_type.lower() for accepted in BUNDLE_CONTENT_TYPES)


def wants_event_stream(request: Request) -> bool:
    """A progress stream is asked for with ``Accept: text/event-stream`` on the same route (§5)."""
    return "text/event-stream" in request.headers.get("accept", "")


# --- §7 download -------------------------------------------------------------------------------


def is_hidden(path: str) -> bool:
    """Hidden files and directories are left out of a download, except ``.env`` files."""
    *directories, name = path.split("/")
    return any(part.startswith(".") for part in directories) or (name.startswith(".") and name != ".env")


def zip_release(files: Mapping[str, bytes], include_db: bool) -> bytes:
    """The download archive: the version's files, ``memory.db`` only when asked for (a placeholder
    when the bundle had none: an empty file is an empty SQLite database)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in sorted(files.items()):
            if path != MEMORY_DB and not is_hidden(path):
                archive.writestr(path, data)
        if include_db:
            archive.writestr(MEMORY_DB, files.get(MEMORY_DB, b""))
    return buffer.getvalue()


async def _chunks(data: bytes, size: int = 64 * 1024) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


# --- logs --------------------------------------------------------------------------------------


def parse_line_count(raw: str | None) -> int:
    """``lines``: 1-10000, larger values capped, invalid or <= 0 → 100 (§6)."""
    try:
        count = int(raw or "")
    except ValueError:
        return DEFAULT_LOG_LINES
    return DEFAULT_LOG_LINES if count <= 0 else min(count, MAX_LOG_LINES)


class LogStream:
    """One output stream (stdout or stderr): its last lines, and how many were ever written so a
    follower can ask for what came after the point it last saw."""

    def __init__(self, keep: int = MAX_LOG_LINES) -> None:
        self._lines: deque[str] = deque(maxlen=keep)
        self.written = 0

    def __len__(self) -> int:
        return len(self._lines)

    def write(self, line: str) -> None:
        """Append one line (no newline)."""
        self._lines.append(line)
        self.written += 1

    def tail(self, count: int) -> list[str]:
        """The last ``count`` lines, oldest first."""
        return list(self._lines)[-count:] if count > 0 else []

    def since(self, position: int) -> list[str]:
        """The lines written after ``written`` was ``position``."""
        return self.tail(min(self.written - position, len(self._lines)))


@dataclass
class FormationLogs:
    """A formation's two output streams."""

    stdout: LogStream = field(default_factory=LogStream)
    stderr: LogStream = field(default_factory=LogStream)

    def stream(self, name: str) -> LogStream:
        """``stderr`` for "stderr", ``stdout`` for anything else (the follow rule of §6)."""
        return self.stderr if name == "stderr" else self.stdout


# --- formations --------------------------------------------------------------------------------


def rfc3339(timestamp: float) -> str:
    """An epoch time as an RFC 3339 UTC string."""
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass
class Release:
    """One deployed bundle: the current version, or the previous one kept for rollback."""

    counter: int  # the deployment counter of update/rollback answers
    bundle_hash: str
    files: dict[str, bytes]
    definition: dict[str, Any]
    deployed_at: float

    @property
    def short_hash(self) -> str:
        """The opaque ``version.current/previous`` value of summaries and details."""
        return self.bundle_hash[:12]


@dataclass
class Instance:
    """A simulated formation process: an in-memory runtime behind a fake port and pid."""

    runtime: FormationRuntime
    port: int
    pid: int
    started_at: float


@dataclass
class Staging:
    """The new version of an update in progress; cancel-update stops it."""

    instance: Instance
    release: Release


@dataclass
class ManagedFormation:
    """Everything the server knows about one formation."""

    id: str
    release: Release
    instance: Instance
    draft: FormationRuntime
    created_at: float
    updated_at: float
    status: str = "starting"
    previous: Release | None = None
    restart_count: int = 0
    healthy: bool | None = None
    last_health_check: float | None = None
    updating: bool = False
    staging: Staging | None = None
    logs: FormationLogs = field(default_factory=FormationLogs)

    @property
    def name(self) -> str:
        """The formation file's ``name``, else its id."""
        return str(self.release.definition.get("name") or self.id)

    @property
    def port(self) -> int:
        """The port serving the formation (kept while stopped)."""
        return self.instance.port

    @property
    def pid(self) -> int:
        """The process id; 0 while stopped."""
        return 0 if self.status == "stopped" else self.instance.pid

    def uptime(self, now: float) -> int:
        """Whole seconds since the process started; 0 while stopped."""
        return 0 if self.status == "stopped" else max(0, int(now - self.instance.started_at))

    def version_info(self) -> dict[str, str | None]:
        """``{current, previous}`` bundle hashes."""
        previous = self.previous.short_hash if self.previous else None
        return {"current": self.release.short_hash, "previous": previous}


class PortPool:
    """The formation ports, allocated lowest first."""

    def __init__(self, first: int = FIRST_PORT, last: int = LAST_PORT) -> None:
        self.first, self.last = first, last
        self.allocated: set[int] = set()

    @property
    def total(self) -> int:
        """How many ports the pool has."""
        return self.last - self.first + 1

    def allocate(self) -> int | None:
        """The lowest free port, or None when the pool is exhausted."""
        port = next((p for p in range(self.first, self.last + 1) if p not in self.allocated), None)
        if port is not None:
            self.allocated.add(port)
        return port

    def release(self, port: int) -> None:
        """Give a port back (releasing a free port is harmless)."""
        self.allocated.discard(port)


# --- §5 progress streams -----------------------------------------------------------------------


@dataclass
class Outcome:
    """A finished operation: the JSON answer's ``data`` and the stream's ``complete`` event."""

    data: dict[str, Any]
    complete: dict[str, Any]
    status: int = 200


class Progress:
    """Where an operation reports its stages: SSE frames on a queue, or nowhere for a JSON answer."""

    def __init__(self, queue: asyncio.Queue[bytes | None] | None = None) -> None:
        self._queue = queue
        self.stage = "validating"

    async def __call__(self, stage: str, message: str, **extra: Any) -> None:
        """Enter ``stage`` and, when streaming, send its ``event: progress`` frame."""
        self.stage = stage
        if self._queue is not None:
            await self._queue.put(sse_frame({"stage": stage, "message": message, **extra}, "progress"))
            await asyncio.sleep(FRAME_GAP_SECS)


Operation = Callable[[Progress], Awaitable[Outcome]]


def internal_error(exc: Exception) -> ServerError:
    """A bug or an unexpected failure, reported instead of dropping the answer."""
    return ServerError(500, f"Internal server error: {exc}", "InternalError")


async def _run_into(operation: Operation, queue: asyncio.Queue[bytes | None]) -> None:
    progress = Progress(queue)
    try:
        outcome = await operation(progress)
        last = sse_frame(outcome.complete, "complete")
    except ServerError as exc:
        last = sse_frame(exc.event(progress.stage), "error")
    except Exception as exc:  # the stream must still end with an error frame
        last = sse_frame(internal_error(exc).event(progress.stage), "error")
    await queue.put(last)
    await queue.put(None)


async def _drain(queue: asyncio.Queue[bytes | None]) -> AsyncIterator[bytes]:
    while (frame := await queue.get()) is not None:
        yield frame


# --- §9 proxy ----------------------------------------------------------------------------------

_SERVER_OWNED_HEADERS = frozenset(
    {b"host", b"x-forwarded-for", b"x-forwarded-proto", b"x-forwarded-host", b"x-formation-id", b"x-muxi-server"}
)


def forwarded_scope(scope: Scope, formation_id: str, path: str, port: int) -> Scope:
    """The scope a proxied request has at the formation: path ``/{path}``, the query kept, every
    header but ``Host`` copied, and the proxy's own headers set (replacing any client value)."""
    headers = Headers(scope=scope)
    client = scope.get("client")
    forwarded_for = (headers.get("x-forwarded-for") or "").split(",")[0].strip() or (client[0] if client else "")
    added = {
        "host": f"127.0.0.1:{port}",
        "x-forwarded-for": forwarded_for,
        "x-forwarded-proto": headers.get("x-forwarded-proto") or scope.get("scheme", "http"),
        "x-forwarded-host": headers.get("host", ""),
        "x-formation-id": formation_id,
        "x-muxi-server": SERVER_VERSION,
    }
    kept = [(name, value) for name, value in scope["headers"] if name.lower() not in _SERVER_OWNED_HEADERS]
    # raw_path keeps the client's percent-encoding: drop its /api/{id} (or /draft/{id}) prefix.
    raw_parts = bytes(scope.get("raw_path") or path.encode()).split(b"/", 3)
    raw_path = b"/" + raw_parts[3] if len(raw_parts) == 4 else path.encode()
    return {
        "type": "http",
        "asgi": scope.get("asgi", {"version": "3.0"}),
        "http_version": scope.get("http_version", "1.1"),
        "method": scope["method"],
        "scheme": "http",
        "path": path,
        "raw_path": raw_path,
        "root_path": "",
        "query_string": scope.get("query_string", b""),
        "headers": kept + [(name.encode(), value.encode("latin-1")) for name, value in added.items()],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", port),
        "extensions": scope.get("extensions", {}),
    }


class FormationProxy:
    """``ANY /api/{formation_id}/{path}`` (or ``/draft/…``): the formation's ASGI app called in
    process with the forwarded scope; the response, streams included, passes through as produced."""

    def __init__(self, server: MuxiServer, draft: bool) -> None:
        self.server = server
        self.draft = draft

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        params = scope.get("path_params", {})
        formation = self.server.formations.get(params.get("formation_id", ""))
        if formation is None:
            await ServerError(404, "Formation not found").response()(scope, receive, send)
            return
        if not self.draft and formation.status != "running":
            await ServerError(503, "Formation unavailable").response()(scope, receive, send)
            return
        app = formation.draft.app if self.draft else formation.instance.runtime.app
        path = "/" + params.get("path", "")
        inner = forwarded_scope(scope, formation.id, path, formation.port)
        access_log = None if self.draft else formation.logs.stdout
        await _relay(app, inner, receive, send, scope, access_log)


async def _relay(
    app: ASGIApp, inner: Scope, receive: Receive, send: Send, outer: Scope, access_log: LogStream | None
) -> None:
    started = False

    async def send_through(message: Message) -> None:
        nonlocal started
        if message["type"] == "http.response.start":
            started = True
            if access_log is not None:
                access_log.write(f"INFO {inner['method']} {inner['path']} {message['status']}")
        await send(message)

    try:
        await app(inner, receive, send_through)
    except Exception:
        if started:  # the answer is under way: nothing better than cutting it is possible
            raise
        await ServerError(502, "Bad gateway").response()(outer, receive, send)


async def asgi_get_status(app: ASGIApp, path: str, port: int) -> int:
    """The status of an in-process ``GET path`` on an ASGI app (the body is discarded)."""
    scope: Scope = {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", f"127.0.0.1:{port}".encode()), (b"user-agent", b"muxi-server-health-check")],
        "client": ("127.0.0.1", 0),
        "server": ("127.0.0.1", port),
    }
    statuses: list[int] = []
    body_sent = False

    async def receive() -> Message:
        nonlocal body_sent
        if body_sent:
            return {"type": "http.disconnect"}
        body_sent = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            statuses.append(int(message["status"]))

    await app(scope, receive, send)
    return statuses[0] if statuses else 0


# --- the server --------------------------------------------------------------------------------


def _base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


async def _body_or_undo(request: Request, undo: Callable[[], None]) -> bytes:
    """The whole request body; ``undo`` releases the caller's reservation when reading fails."""
    try:
        return await request.body()
    except BaseException:
        undo()
        raise


class MuxiServer:
    """The MUXI Server's state (formations, ports, audit log) and its route handlers."""

    def __init__(self, config: DevServerConfig, book: FaultBook, clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.book = book
        self.clock = clock
        # Through self.clock, so that replacing the clock later moves the HMAC check too.
        self.verifier = HmacVerifier(config.key_id, config.secret_key, config.hmac_tolerance_secs, lambda: self.clock())
        self.server_id = "muxi-dev-" + uuid.uuid4().hex[:8]
        self.started_at = clock()
        self.formations: dict[str, ManagedFormation] = {}
        self.ports = PortPool()
        self.audit_log: deque[str] = deque(maxlen=MAX_LOG_LINES)
        self._pids = itertools.count(FIRST_PID)
        self._deploying: set[str] = set()
        # Streamed operations run as tasks so they finish even when the client goes away.
        self._tasks: set[asyncio.Task[None]] = set()

    def routes(self) -> list[BaseRoute]:
        """Every route of §3 and §9, then the catch-all 404."""
        one = "/rpc/formations/{formation_id}"

        def public(method: str, path: str, handler: Handler) -> Route:
            return Route(path, self._validated(method, path, handler), methods=[method])

        def rpc(method: str, path: str, handler: Handler) -> Route:
            # Authentication first: a bad signature is a 401 whatever else is wrong.
            return Route(path, self._signed(self._validated(method, path, handler)), methods=[method])

        return [
            public("GET", "/ping", self.ping),
            public("GET", "/health", self.health),
            rpc("GET", "/rpc/server/status", self.server_status),
            rpc("GET", "/rpc/server/logs", self.server_logs),
            rpc("GET", "/rpc/formations", self.list_formations),
            rpc("POST", "/rpc/formations", self.deploy),
            rpc("GET", one, self.get_formation),
            rpc("PUT", one, self.update),
            rpc("DELETE", one, self.delete),
            rpc("POST", one + "/start", self.start),
            rpc("POST", one + "/stop", self.stop),
            rpc("POST", one + "/restart", self.restart),
            rpc("POST", one + "/rollback", self.rollback),
            rpc("POST", one + "/cancel-update", self.cancel_update),
            rpc("GET", one + "/logs", self.formation_logs),
            rpc("GET", one + "/download", self.download),
            Route("/api/{formation_id}", FormationProxy(self, draft=False)),
            Route("/api/{formation_id}/{path:path}", FormationProxy(self, draft=False)),
            Route("/draft/{formation_id}", FormationProxy(self, draft=True)),
            Route("/draft/{formation_id}/{path:path}", FormationProxy(self, draft=True)),
            Route("/{path:path}", EndpointNotFound()),
        ]

    # --- plumbing ------------------------------------------------------------------------------

    def _signed(self, handler: Handler) -> Handler:
        """``handler`` behind MUXI-HMAC; every /rpc call lands in the audit log."""

        async def endpoint(request: Request) -> Response:
            try:
                self.verifier.check(request.headers.get("authorization"), request.method, request.url.path)
            except ServerError as exc:
                response = exc.response()
            else:
                response = await handler(request)
            self.audit_log.append(f"{rfc3339(self.clock())} {request.method} {request.url.path} {response.status_code}")
            return response

        return endpoint

    def _validated(self, method: str, path: str, handler: Handler) -> Handler:
        """``handler`` behind the spec's request validation: 400 with the server error body (§2)."""
        checked = spec().check(SERVER, method, path)
        if checked is None:
            return handler

        async def endpoint(request: Request) -> Response:
            problems = await checked.check(request)
            if problems:
                return json_response(server_error(400, server_message(problems)), 400)
            return await handler(request)

        return endpoint

    async def _respond(self, request: Request, operation: Operation) -> Response:
        """The one progress-stream writer (§5) of deploy, update, start, restart and rollback: a JSON
        answer, or with ``Accept: text/event-stream`` a 200 stream of progress frames ending in
        ``complete`` or ``error``."""
        if not wants_event_stream(request):
            try:
                outcome = await operation(Progress())
            except ServerError as exc:
                return exc.response()
            except Exception as exc:
                return internal_error(exc).response()
            return success(outcome.data, outcome.status)
        queue: asyncio.Queue[bytes | None] = asyncio.Queue()
        task = asyncio.create_task(_run_into(operation, queue))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return StreamingResponse(_drain(queue), media_type="text/event-stream", headers=SSE_HEADERS)

    def _find(self, formation_id: str, stage: str | None = None) -> ManagedFormation:
        formation = self.formations.get(formation_id)
        if formation is None:
            raise formation_not_found(stage)
        return formation

    def _spawn(self, formation_id: str, release: Release, port: int) -> Instance:
        runtime = FormationRuntime(self.config, self.book, formation_id, release.definition)
        return Instance(runtime, port, next(self._pids), self.clock())

    def _forget(self, formation: ManagedFormation) -> None:
        """Unregister a formation and give its ports back (delete, failed deploy)."""
        if self.formations.get(formation.id) is formation:
            del self.formations[formation.id]
        self.ports.release(formation.port)
        if formation.staging is not None:
            self.ports.release(formation.staging.instance.port)
            formation.staging = None

    async def _probe(self, instance: Instance) -> bool:
        """One health check: ``GET /v1/health`` on the formation, at most 2 s."""

        async def check() -> bool:
            fault = self.book.take("formation", "GET", "/v1/health")
            if fault is not None:
                if fault.delay:
                    await asyncio.sleep(fault.delay)
                if fault.status is not None or fault.reset is not None:
                    return False
            return await asgi_get_status(instance.runtime.app, "/v1/health", instance.port) == 200

        try:
            return await asyncio.wait_for(check(), HEALTH_CHECK_TIMEOUT_SECS)
        except TimeoutError:
            return False

    async def _wait_until_healthy(
        self, progress: Progress, instance: Instance, waiting: str, alive: Callable[[], bool]
    ) -> str | None:
        """Poll the instance's health like the real server; None when healthy, else why not."""
        await progress("health_check", waiting)
        for attempt in range(1, HEALTH_CHECK_ATTEMPTS + 1):
            if not alive():
                return "the process was stopped"
            message = f"Health check attempt {attempt}/{HEALTH_CHECK_ATTEMPTS}..."
            await progress("health_check", message, attempt=attempt, max_attempts=HEALTH_CHECK_ATTEMPTS)
            if await self._probe(instance):
                return None if alive() else "the process was stopped"
            await asyncio.sleep(HEALTH_CHECK_INTERVAL_SECS)
        return f"no healthy answer from /v1/health after {HEALTH_CHECK_ATTEMPTS} attempts"

    async def _resolve_runtime(self, progress: Progress, definition: Mapping[str, Any], invalid_kind: str) -> None:
        """The runtime stages, only when the formation pins ``muxi_runtime``."""
        pin = definition.get("muxi_runtime")
        if pin in (None, ""):
            return
        await progress("resolving_runtime", f"Resolving runtime version: {pin}")
        if isinstance(pin, bool) or not RUNTIME_PIN.match(str(pin)):
            message = (
                f"Invalid muxi_runtime '{pin}': expected a version such as 0.2025.1 or latest, optionally :variant"
            )
            raise ServerError(400, message, invalid_kind)
        version = str(pin).split(":")[0]
        resolved = LATEST_RUNTIME_VERSION if version == "latest" else version
        await progress("resolving_runtime", f"Resolved runtime version: {resolved}", version=resolved)
        await progress("downloading_sif", "Using cached runtime image", progress=100)
        if sys.platform != "linux":  # the runner image is only pulled where containers need it
            await progress("pulling_runner", "Using cached runtime runner")

    def _log_start(self, formation: ManagedFormation, instance: Instance) -> None:
        out, definition = formation.logs.stdout, formation.release.definition
        version = semantic_version(definition)
        out.write(f"Starting formation {formation.id} version {version} on port {instance.port} (pid {instance.pid})")
        out.write(f"Loaded agents: {', '.join(instance.runtime.agents)}")
        formation.logs.stderr.write("WARNING: no LLM provider configured; the dev server's echo agent answers")

    def _mark_running(self, formation: ManagedFormation) -> None:
        now = self.clock()
        formation.status, formation.healthy = "running", True
        formation.last_health_check = formation.updated_at = now
        formation.logs.stdout.write(f"Uvicorn running on http://127.0.0.1:{formation.port} (Press CTRL+C to quit)")
        formation.logs.stdout.write("Application startup complete.")

    def _stop_process(self, formation: ManagedFormation) -> None:
        if formation.status != "stopped":
            formation.logs.stdout.write("Shutting down")
            formation.logs.stdout.write("Application shutdown complete.")
        formation.status, formation.healthy = "stopped", False
        formation.updated_at = self.clock()

    async def _start_process(self, progress: Progress, formation: ManagedFormation) -> None:
        """Spawn the formation again on its port and wait for it (start, restart)."""
        await self._resolve_runtime(progress, formation.release.definition, "InvalidRuntime")
        await progress("spawning", "Starting formation...")
        now = self.clock()
        instance = replace(formation.instance, pid=next(self._pids), started_at=now)
        instance.runtime.started_at = now
        formation.instance, formation.status, formation.healthy = instance, "starting", None
        self._log_start(formation, instance)
        failure = await self._wait_until_healthy(
            progress, instance, "Waiting for formation health check...", lambda: formation.instance is instance
        )
        if failure:
            formation.status, formation.healthy = "crashed", False
            raise ServerError(500, f"Formation failed health check: {failure}", "HealthCheckFailed")
        self._mark_running(formation)

    def _summary(self, formation: ManagedFormation) -> dict[str, Any]:
        return {
            "id": formation.id,
            "name": formation.name,
            "port": formation.port,
            "status": formation.status,
            "pid": formation.pid,
            "uptime": formation.uptime(self.clock()),
            "restart_count": formation.restart_count,
            "healthy": formation.healthy,
            "version": formation.version_info(),
        }

    def _detail(self, formation: ManagedFormation) -> dict[str, Any]:
        checked = formation.last_health_check
        return {
            **self._summary(formation),
            "created_at": rfc3339(formation.created_at),
            "deployed_at": rfc3339(formation.release.deployed_at),
            "updated_at": rfc3339(formation.updated_at),
            "last_health_check": rfc3339(checked) if checked is not None else None,
        }

    # --- public routes -------------------------------------------------------------------------

    async def ping(self, request: Request) -> Response:
        """``GET /ping``: the text ``pong``."""
        return PlainTextResponse("pong")

    async def health(self, request: Request) -> Response:
        """``GET /health``: ``{success, status, version}`` without a data envelope."""
        return json_response({"success": True, "status": "ok", "version": SERVER_VERSION})

    # --- server --------------------------------------------------------------------------------

    async def server_status(self, request: Request) -> Response:
        """``GET /rpc/server/status``."""
        statuses = Counter(formation.status for formation in self.formations.values())
        allocated = len(self.ports.allocated)
        return success(
            {
                "server": {
                    "id": self.server_id,
                    "version": SERVER_VERSION,
                    "uptime": int(self.clock() - self.started_at),
                },
                "formations": {
                    "total": len(self.formations),
                    "running": statuses["running"],
                    "stopped": statuses["stopped"],
                    "crashed": statuses["crashed"],
                },
                "port_pool": {
                    "total": self.ports.total,
                    "available": self.ports.total - allocated,
                    "allocated": allocated,
                },
                # The real server reports its Go runtime; the dev server reports what it runs on.
                "runtime": {"goroutines": len(asyncio.all_tasks()), "go_version": f"python{platform.python_version()}"},
            }
        )

    async def server_logs(self, request: Request) -> Response:
        """``GET /rpc/server/logs``: the last lines of the audit log as text, each ending in a newline."""
        count = parse_line_count(request.query_params.get("lines"))
        lines = list(self.audit_log)[-count:]
        return PlainTextResponse("".join(line + "\n" for line in lines))

    # --- formations: reads ---------------------------------------------------------------------

    async def list_formations(self, request: Request) -> Response:
        """``GET /rpc/formations``: a summary of each formation."""
        summaries = [self._summary(formation) for formation in self.formations.values()]
        return success({"formations": summaries, "total": len(summaries)})

    async def get_formation(self, request: Request) -> Response:
        """``GET /rpc/formations/{id}``: the details, after a live health check of a running formation."""
        try:
            formation = self._find(request.path_params["formation_id"])
        except ServerError as exc:
            return exc.response()
        if formation.status in ("running", "unhealthy"):
            healthy = await self._probe(formation.instance)
            if formation.status in ("running", "unhealthy"):  # unless it was stopped meanwhile
                formation.status, formation.healthy = ("running", True) if healthy else ("unhealthy", False)
                formation.last_health_check = self.clock()
        return success(self._detail(formation))

    async def formation_logs(self, request: Request) -> Response:
        """``GET /rpc/formations/{id}/logs``: recent lines as JSON, or with ``follow`` an endless stream."""
        try:
            formation = self._find(request.path_params["formation_id"])
        except ServerError as exc:
            return exc.response()
        query = request.query_params
        if query.get("follow", "").lower() in ("true", "1"):
            frames = self._follow(formation, formation.logs.stream(query.get("stream", "stdout")))
            return StreamingResponse(frames, media_type="text/event-stream", headers=SSE_HEADERS)
        count = parse_line_count(query.get("lines"))
        selected = query.get("stream", "all")
        names = [selected] if selected in ("stdout", "stderr") else ["stdout", "stderr"]
        streams = {name: formation.logs.stream(name) for name in names}
        return success(
            {
                "formation_id": formation.id,
                "logs": {name: stream.tail(count) for name, stream in streams.items()},
                "total_lines": {name: len(stream) for name, stream in streams.items()},
            }
        )

    async def _follow(self, formation: ManagedFormation, stream: LogStream) -> AsyncIterator[bytes]:
        # Like tail -f: no backlog, only what is written after the connection opened.
        position = stream.written
        yield sse_frame({"formation_id": formation.id}, "connected")
        while True:
            await asyncio.sleep(FOLLOW_POLL_SECS)
            for line in stream.since(position):
                yield sse_frame({"line": line, "formation_id": formation.id}, "log")
            position = stream.written

    async def download(self, request: Request) -> Response:
        """``GET /rpc/formations/{id}/download``: the current version's files as a zip."""
        try:
            formation = self._find(request.path_params["formation_id"])
        except ServerError as exc:
            return exc.response()
        include_db = request.query_params.get("db", "").lower() in ("true", "1")
        archive = zip_release(formation.release.files, include_db)
        disposition = {"Content-Disposition": f'attachment; filename="{formation.id}.zip"'}
        return StreamingResponse(_chunks(archive), media_type="application/zip", headers=disposition)

    # --- formations: deploy and update ---------------------------------------------------------

    async def deploy(self, request: Request) -> Response:
        """``POST /rpc/formations``: header checks as JSON, then the deploy (streamed on request)."""
        try:
            if not is_bundle_content_type(request.headers.get("content-type", "")):
                message = "Invalid Content-Type. Expected application/gzip with a formation bundle (tar.gz)"
                raise ServerError(400, message)
            formation_id = check_formation_id(request.headers.get("x-formation-id"))
            if formation_id in self.formations or formation_id in self._deploying:
                raise ServerError(409, f"Formation '{formation_id}' already exists. Use PUT to update.")
        except ServerError as exc:
            return exc.response()
        version = request.headers.get("x-formation-version") or DEFAULT_FORMATION_VERSION
        self._deploying.add(formation_id)
        raw = await _body_or_undo(request, lambda: self._deploying.discard(formation_id))
        base_url = _base_url(request)

        async def operation(progress: Progress) -> Outcome:
            try:
                return await self._deploy(progress, formation_id, version, raw, base_url)
            finally:
                self._deploying.discard(formation_id)

        return await self._respond(request, operation)

    async def _deploy(self, progress: Progress, formation_id: str, version: str, raw: bytes, base_url: str) -> Outcome:
        await progress("extracting", "Extracting bundle...")
        files = extract_bundle(raw)
        await progress("validating", "Validating formation config...")
        definition = parse_definition(files)
        check_bundle_id(definition, formation_id)
        check_bundle_version(definition, version)
        await self._resolve_runtime(progress, definition, "ResolveError")
        port = self.ports.allocate()
        if port is None:
            raise ServerError(500, "Failed to allocate port: the port pool is exhausted", "PortAllocationError")
        await progress("spawning", "Starting formation...")
        formation = self._register(formation_id, Release(1, bundle_hash(raw), files, definition, self.clock()), port)
        failure = await self._wait_until_healthy(
            progress, formation.instance, "Waiting for formation health check...", lambda: self._serves(formation)
        )
        if failure:
            self._forget(formation)
            raise ServerError(500, f"Formation failed health check: {failure}", "HealthCheckFailed")
        self._mark_running(formation)
        data = {
            "formation_id": formation_id,
            "port": port,
            "status": "running",
            "url": f"{base_url}/api/{formation_id}",
            "health_url": f"{base_url}/api/{formation_id}/v1/health",
            "pid": formation.pid,
        }
        return Outcome(data, dict(data), 201)

    def _register(self, formation_id: str, release: Release, port: int) -> ManagedFormation:
        """A newly deployed formation, starting: its process, its draft instance and its first log lines."""
        instance = self._spawn(formation_id, release, port)
        draft = FormationRuntime(self.config, self.book, formation_id, release.definition)
        now = release.deployed_at
        formation = ManagedFormation(formation_id, release, instance, draft, created_at=now, updated_at=now)
        self.formations[formation_id] = formation
        self._log_start(formation, instance)
        return formation

    def _serves(self, formation: ManagedFormation) -> bool:
        """Whether ``formation`` is still the registered one (not deleted meanwhile)."""
        return self.formations.get(formation.id) is formation

    async def update(self, request: Request) -> Response:
        """``PUT /rpc/formations/{id}``: 404 and concurrent-update 409 as JSON, then the blue-green update."""
        formation = self.formations.get(request.path_params["formation_id"])
        if formation is None:
            return formation_not_found().response()
        if formation.updating:
            return ServerError(409, "Formation is already being updated").response()
        version = request.headers.get("x-formation-version") or DEFAULT_FORMATION_VERSION
        formation.updating = True

        def done() -> None:
            formation.updating = False

        raw = await _body_or_undo(request, done)
        base_url = _base_url(request)

        async def operation(progress: Progress) -> Outcome:
            try:
                return await self._update(progress, formation, version, raw, base_url)
            finally:
                done()

        return await self._respond(request, operation)

    async def _update(
        self, progress: Progress, formation: ManagedFormation, version: str, raw: bytes, base_url: str
    ) -> Outcome:
        await progress("extracting", "Extracting bundle to staging...")
        files = extract_bundle(raw)
        await progress("validating", "Validating formation config...")
        new_hash = bundle_hash(raw)
        if new_hash == formation.release.bundle_hash:
            raise ServerError(409, "Source is identical to current version - nothing to update", "NoChange")
        definition = parse_definition(files)
        check_bundle_version(definition, version)
        await self._resolve_runtime(progress, definition, "InvalidRuntime")
        release = Release(formation.release.counter + 1, new_hash, files, definition, self.clock())
        await self._swap_through_staging(progress, formation, release)
        message = "Formation updated with zero downtime"
        return self._version_switched(formation, base_url, message, port=formation.port, deployment_type="blue-green")

    async def _swap_through_staging(self, progress: Progress, formation: ManagedFormation, release: Release) -> None:
        """Blue-green: ``release`` starts on a staging port, and serves once healthy; the old port is freed."""
        port = self.ports.allocate()
        if port is None:
            raise ServerError(507, "No available ports for staging deployment", "PortAllocationError")
        staging = Staging(self._spawn(formation.id, release, port), release)
        formation.staging = staging
        try:
            await progress("spawning_staging", f"Starting staging version on port {port}", staging_port=port)
            formation.logs.stdout.write(f"Starting staging version {release.counter} on port {port}")
            failure = await self._wait_until_healthy(
                progress, staging.instance, "Waiting for staging health check...", lambda: formation.staging is staging
            )
            if failure:
                message = (
                    f"New version failed health check: {failure}. Old version still running - zero downtime maintained."
                )
                raise ServerError(400, message, "HealthCheckFailed")
            await progress("swapping", "Switching traffic to new version...")
            old = self._swap_in(formation, staging)
            await progress("stopping_old", "Stopping old version...")
            self.ports.release(old.port)
        finally:
            if formation.staging is staging:  # failed or cancelled: the staging process goes away
                formation.staging = None
                self.ports.release(port)

    def _version_switched(self, formation: ManagedFormation, base_url: str, message: str, **extra: Any) -> Outcome:
        """The answer of an update or a rollback: deployment counters, integers in JSON and strings in
        the stream's complete event."""
        new = formation.release.counter
        previous = formation.previous.counter if formation.previous else 0
        data = {
            "id": formation.id,
            "status": "running",
            "version": new,
            "previous_version": previous,
            "pid": formation.pid,
            "message": message,
            **extra,
        }
        complete = {
            "formation_id": formation.id,
            "port": formation.port,
            "status": "running",
            "url": f"{base_url}/api/{formation.id}",
            "pid": formation.pid,
            "previous_version": str(previous),
            "new_version": str(new),
        }
        return Outcome(data, complete)

    def _swap_in(self, formation: ManagedFormation, staging: Staging) -> Instance:
        """Traffic goes to the staging instance; the old instance is returned (to be stopped)."""
        if formation.staging is not staging or not self._serves(formation):
            raise ServerError(
                400, "Update cancelled before the switch. Old version still running.", "HealthCheckFailed"
            )
        old = formation.instance
        formation.previous, formation.release = formation.release, staging.release
        formation.instance, formation.staging = staging.instance, None
        self._mark_running(formation)
        return old

    async def cancel_update(self, request: Request) -> Response:
        """``POST /rpc/formations/{id}/cancel-update``: stop the staging process (bare answer)."""
        try:
            formation = self._find(request.path_params["formation_id"])
        except ServerError as exc:
            return exc.response()
        staging = formation.staging
        if staging is None:
            return ServerError(400, "No update in progress for this formation").response()
        formation.staging = None
        self.ports.release(staging.instance.port)
        formation.logs.stdout.write(f"Staging version on port {staging.instance.port} stopped (update cancelled)")
        return json_response(
            {
                "message": "Update cancelled successfully",
                "formation_id": formation.id,
                "staging_port": staging.instance.port,
                "status": formation.status,
                "current_port": formation.port,
            }
        )

    async def delete(self, request: Request) -> Response:
        """``DELETE /rpc/formations/{id}``: stop the process and forget the formation."""
        try:
            formation = self._find(request.path_params["formation_id"])
        except ServerError as exc:
            return exc.response()
        self._stop_process(formation)
        self._forget(formation)
        return success({"id": formation.id, "message": "Formation deleted successfully"})

    # --- formations: lifecycle -----------------------------------------------------------------

    async def start(self, request: Request) -> Response:
        """``POST /rpc/formations/{id}/start`` (streams switch at once: even 404/409 are frames)."""
        formation_id = request.path_params["formation_id"]
        return await self._respond(request, lambda progress: self._start(progress, formation_id))

    async def _start(self, progress: Progress, formation_id: str) -> Outcome:
        formation = self._find(formation_id, stage="validating")
        if formation.status in ("running", "starting"):
            raise ServerError(409, "Formation is already running", "AlreadyRunning", "validating")
        await progress("validating", "Loading formation configuration...")
        await self._start_process(progress, formation)
        data = {"id": formation.id, "status": "running", "message": "Formation started", "port": formation.port}
        return Outcome(data, {"formation_id": formation.id, "port": formation.port, "status": "running"})

    async def stop(self, request: Request) -> Response:
        """``POST /rpc/formations/{id}/stop`` (JSON only)."""
        try:
            formation = self._find(request.path_params["formation_id"])
        except ServerError as exc:
            return exc.response()
        if formation.status == "stopped":
            return ServerError(409, "Formation is already stopped").response()
        self._stop_process(formation)
        return success({"id": formation.id, "status": "stopped", "message": "Formation stopped successfully"})

    async def restart(self, request: Request) -> Response:
        """``POST /rpc/formations/{id}/restart`` (streams switch at once)."""
        formation_id = request.path_params["formation_id"]
        return await self._respond(request, lambda progress: self._restart(progress, formation_id))

    async def _restart(self, progress: Progress, formation_id: str) -> Outcome:
        formation = self._find(formation_id, stage="stopping")
        await progress("stopping", "Stopping current process...")
        self._stop_process(formation)
        await self._start_process(progress, formation)
        formation.restart_count += 1
        count, port = formation.restart_count, formation.port
        message = "Formation restarted"
        data = {"id": formation.id, "status": "running", "message": message, "restart_count": count, "port": port}
        complete = {"formation_id": formation.id, "port": port, "status": "running", "restart_count": count}
        return Outcome(data, complete)

    async def rollback(self, request: Request) -> Response:
        """``POST /rpc/formations/{id}/rollback`` (streams switch at once)."""
        formation_id = request.path_params["formation_id"]
        base_url = _base_url(request)
        return await self._respond(request, lambda progress: self._rollback(progress, formation_id, base_url))

    async def _rollback(self, progress: Progress, formation_id: str, base_url: str) -> Outcome:
        await progress("validating", "Validating rollback request...")
        formation = self._find(formation_id)
        target = formation.previous
        if target is None:
            raise ServerError(400, "No previous version available for rollback", "NoPreviousVersion")
        candidate = await self._start_previous(progress, formation, target)
        # Once healthy, the previous version runs on the formation's own port, as a fresh process.
        formation.previous, formation.release = formation.release, target
        formation.instance = replace(candidate, port=formation.port, pid=next(self._pids))
        self._log_start(formation, formation.instance)
        self._mark_running(formation)
        return self._version_switched(formation, base_url, "Rolled back to previous version")

    async def _start_previous(self, progress: Progress, formation: ManagedFormation, target: Release) -> Instance:
        """The previous version, started on a staging port and health-checked while the current one serves."""
        staging_port = self.ports.allocate()
        if staging_port is None:
            raise ServerError(507, "No available ports for rollback", "PortAllocationError")
        try:
            await self._resolve_runtime(progress, target.definition, "InvalidRuntime")
            await progress("spawning_previous", f"Starting previous version on staging port {staging_port}...")
            candidate = self._spawn(formation.id, target, staging_port)
            failure = await self._wait_until_healthy(
                progress,
                candidate,
                "Waiting for previous version health check...",
                lambda: self._serves(formation),
            )
            if failure:
                message = f"Previous version failed health check: {failure}. Current version still running."
                raise ServerError(500, message, "HealthCheckFailed")
            await progress("stopping_current", "Stopping current version...")
            await progress("swapping", "Swapping versions...")
            return candidate
        finally:
            self.ports.release(staging_port)


def build_server_routes(config: DevServerConfig, book: FaultBook) -> list[BaseRoute]:
    """The MUXI Server's routes, served at the root of the dev server; one :class:`MuxiServer` per call."""
    return MuxiServer(config, book).routes()
