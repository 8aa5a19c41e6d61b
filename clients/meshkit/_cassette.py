"""Recorded formations replayed offline: the ``meshkit_cassette`` pytest fixture and ``use_cassette``.

vcrpy keeps the cassette (its YAML file, record modes, request matching); this module puts its own
stub on httpx's transports instead of vcrpy's, because vcrpy joins a response body into one bytes
object and a replayed stream would then arrive in one piece. Here a response is stored with the
chunks the server wrote (``body.chunks``, next to vcrpy's usual ``body.string``) and replayed
chunk by chunk, so a stream decodes into the same frames, in the same reads, as it did live.

Before anything is written, keys are scrubbed: the formation client and admin keys, the MUXI
Server's HMAC and the broker's Bearer ``Authorization``, cookies, the ``X-Muxi-User-ID`` header,
``user_id`` in query strings, ``/users/<id>`` paths, user ids and identifiers in JSON bodies
(streams included, see ``USER_ID_KEYS``), the value
of a stored secret or credential, and every key seen in a request wherever a response repeats it.
Requests are matched on method, path, query and body (JSON compared as data), never on host,
headers, the random ``X-Muxi-Idempotency-Key`` or a scrubbed value. The ids meshkit picks itself
(chat request ids, session ids, broker message ids) come from a seed stored in the cassette, so a
replayed test sends the requests it recorded.

A cassette needs vcrpy, imported on first use: the ``testing`` extra (``pip install
"meshkit[testing]"``); ``meshkit.testing``'s other fixtures do not.
"""

from __future__ import annotations

import importlib
import json
import os
import random
import re
import secrets
import uuid
import zlib
from collections.abc import AsyncIterator, Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, Literal, cast
from unittest import mock

import httpx
import pytest

from ._core.errors import MeshkitError

__all__ = [
    "RECORD_MODES",
    "SCRUBBED",
    "CassetteMissError",
    "MeshkitCassette",
    "default_record_mode",
    "meshkit_cassette",
    "meshkit_cassette_config",
    "use_cassette",
]

RecordMode = Literal["once", "new_episodes", "none", "all"]
RECORD_MODES: tuple[RecordMode, ...] = ("once", "new_episodes", "none", "all")
SCRUBBED = "<scrubbed>"

# Request headers whose values are secrets or identify a person: recorded as SCRUBBED.
SECRET_HEADERS = (
    "X-MUXI-CLIENT-KEY",
    "X-MUXI-ADMIN-KEY",
    "Authorization",
    "Proxy-Authorization",
    "Cookie",
    "X-Muxi-User-ID",
)
# Request headers that change every run or machine and say nothing about the call: not recorded.
VOLATILE_REQUEST_HEADERS = (
    "X-Muxi-Idempotency-Key",
    "Host",
    "User-Agent",
    "X-Muxi-Client",
    "Accept-Encoding",
    "Connection",
    "Content-Length",
)
SECRET_RESPONSE_HEADERS = ("Set-Cookie",)
VOLATILE_RESPONSE_HEADERS = ("Date", "Server")
# JSON keys whose values are user ids or identify a user (emails, phone numbers…), scrubbed in
# request and response bodies: a string, or every string of a list or object there.
USER_ID_KEYS = ("user_id", "user_ids", "muxi_user_id", "internal_user_id", "identifier", "identifiers")
# Request bodies that carry a secret a user stores (formation secrets, user credentials): the
# fields replaced whole, by path.
SECRET_BODY_FIELDS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"/v1/secrets(?:/[^/]+)?$"), ("value",)),
    (re.compile(r"/v1/credentials/?$"), ("credential",)),
)
# JSON keys a client fills from the clock (broker messages): not compared when matching bodies.
CLOCK_KEYS = ("timestamp", "deadline_ms")
# The modules whose ids meshkit picks with uuid4 and sends (request, session and message ids).
_ID_MODULES = ("meshkit.formation._base", "meshkit.formation._results", "meshkit.broker._models")
_SEED_KEY = "meshkit_seed"
_MIN_SECRET_LENGTH = 6  # shorter values seen in key headers are not replaced in bodies (too common)
_USERS_PATH = re.compile(r"(/users/(?:identifiers/)?)[^/?#]+")
_USER_QUERY = re.compile(r"([?&]user_id=)[^&#]*")
_AUTH_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_-]*)\s")
_HMAC_KEY = re.compile(r"\bkey=([^,\s]+)")

Scrubber = Callable[[bytes], bytes]


def _vcrpy() -> Any:
    """vcrpy, imported when a cassette is used: ``meshkit.testing``'s dev-server fixtures work
    without it (the ``server`` extra); the cassettes need the ``testing`` extra."""
    try:
        import vcr  # type: ignore[import-untyped]
        import vcr.errors  # type: ignore[import-untyped]
        import vcr.request  # type: ignore[import-untyped]
    except ImportError:
        raise MeshkitError(
            "meshkit_cassette needs vcrpy", hint='install the testing extra: pip install "meshkit[testing]"'
        ) from None
    return vcr


class CassetteMissError(MeshkitError):
    """A request the cassette does not hold, in a record mode that may not record it.

    ``method`` and ``url`` name the request (as recorded: scrubbed), ``cassette`` is the file and
    ``record_mode`` the mode in force. Nothing was sent.
    """

    def __init__(self, message: str, *, hint: str, method: str, url: str, cassette: str, record_mode: str) -> None:
        super().__init__(message, hint=hint)
        self.method = method
        self.url = url
        self.cassette = cassette
        self.record_mode = record_mode


def default_record_mode(environ: Mapping[str, str] | None = None) -> RecordMode:
    """``none`` (replay only, never the network) when ``CI`` is true, else ``once``."""
    env = os.environ if environ is None else environ
    return "none" if env.get("CI", "").strip().lower() in ("true", "1", "yes") else "once"


# --- scrubbing ------------------------------------------------------------------------------------


class _Scrub:
    """The scrubbing rules of one cassette, with the key values its requests revealed."""

    def __init__(
        self,
        *,
        headers: Sequence[str],
        body_keys: Sequence[str],
        secrets: Sequence[str],
        scrubbers: Sequence[Scrubber],
    ) -> None:
        self.headers = tuple(dict.fromkeys((*SECRET_HEADERS, *headers)))
        self.body_keys = tuple(dict.fromkeys((*USER_ID_KEYS, *body_keys)))
        self.secrets: set[str] = {s for s in secrets if s}
        self.scrubbers = tuple(scrubbers)
        keys = "|".join(re.escape(k) for k in self.body_keys)
        self._json_key = re.compile(rb'("(?:' + keys.encode() + rb')"\s*:\s*)"(?:[^"\\]|\\.)*"')
        self._json_container = re.compile(rb'"(?:' + keys.encode() + rb')"\s*:\s*(?=[\[{])')

    def learn(self, name: str, value: str) -> None:
        """Remember the key a secret header carried, to replace it in responses too."""
        if name.lower() == "x-muxi-user-id":
            return  # user ids are scrubbed by key, not by value ("0" would hit every number)
        candidates = [value]
        if name.lower() in ("authorization", "proxy-authorization"):
            candidates = [value.split(None, 1)[-1], *_HMAC_KEY.findall(value)]
        self.secrets.update(c for c in candidates if len(c) >= _MIN_SECRET_LENGTH)

    def header_value(self, name: str, value: str) -> str:
        """``Bearer <scrubbed>``: an Authorization keeps its scheme, every other secret is replaced."""
        scheme = _AUTH_SCHEME.match(value) if "authorization" in name.lower() else None
        return f"{scheme.group(1)} {SCRUBBED}" if scheme else SCRUBBED

    def data(self, data: bytes) -> bytes:
        """A body or a chunk with its user ids, the keys seen and the user's scrubbers applied."""
        data = self._json_key.sub(rb'\1"' + SCRUBBED.encode() + rb'"', data)
        data = self._containers(data)
        for secret in sorted(self.secrets, key=len, reverse=True):
            data = data.replace(secret.encode(), SCRUBBED.encode())
        for scrubber in self.scrubbers:
            data = scrubber(data)
        return data

    def _containers(self, data: bytes) -> bytes:
        """A list or object under a user-id key with every string in it scrubbed (a value cut by a
        chunk's end stays: the whole body is scrubbed too, and wins when they differ)."""
        out: list[bytes] = []
        done = 0
        for match in self._json_container.finditer(data):
            start = match.end()
            if start < done:
                continue  # inside a value already scrubbed
            text = data[start : start + _MAX_SCRUBBED_VALUE].decode("utf-8", "replace")
            try:
                value, end = _DECODER.raw_decode(text)
            except ValueError:
                continue
            consumed = text[:end].encode()
            if data[start : start + len(consumed)] != consumed:
                continue
            out += [data[done:start], json.dumps(_all_scrubbed(value), separators=(",", ":")).encode()]
            done = start + len(consumed)
        return b"".join(out) + data[done:] if out else data

    def text(self, text: str) -> str:
        return self.data(text.encode()).decode("utf-8", "replace")

    def request(self, request: Any) -> Any:
        """vcrpy's ``before_record_request`` (it hands over a copy); applied to lookups too."""
        uri = _USER_QUERY.sub(r"\g<1>" + SCRUBBED, request.uri)
        request.uri = _USERS_PATH.sub(r"\g<1>" + SCRUBBED, uri)
        headers = request.headers
        for name in VOLATILE_REQUEST_HEADERS:
            headers.pop(name, None)
        for name in self.headers:
            value = headers.get(name)
            if value is not None and SCRUBBED not in value:
                self.learn(name, value)
                headers[name] = self.header_value(name, value)
        body = request.body
        if isinstance(body, bytes | str) and body:
            raw = body.encode() if isinstance(body, str) else body
            request.body = self.data(self.stored_secrets(request.path, raw))
        return request

    def stored_secrets(self, path: str, body: bytes) -> bytes:
        """A secret's value or a credential, in the body that stores it, replaced (and learnt)."""
        fields = next((names for pattern, names in SECRET_BODY_FIELDS if pattern.search(path)), ())
        if not fields or body[:1] != b"{":
            return body
        try:
            data = json.loads(body)
        except ValueError:
            return body
        hidden = {name for name in fields if name in data and data[name] != SCRUBBED}
        if not hidden:
            return body
        for name in hidden:
            value = data[name]
            for secret in value.values() if isinstance(value, dict) else [value]:
                if isinstance(secret, str) and len(secret) >= _MIN_SECRET_LENGTH:
                    self.secrets.add(secret)
            data[name] = SCRUBBED
        return json.dumps(data, separators=(",", ":")).encode()

    def response(self, response: dict[str, Any]) -> dict[str, Any]:
        """vcrpy's ``before_record_response``: body, chunks and headers scrubbed, lengths fixed."""
        body = response["body"]
        whole = _as_bytes(body["string"])
        chunks = [_as_bytes(c) for c in body.get("chunks") or [whole]]
        scrubbed = [self.data(c) for c in chunks]
        joined = self.data(whole)
        if b"".join(scrubbed) != joined:  # a value cut by a chunk boundary: safety before boundaries
            scrubbed = [joined]
        body["string"] = joined  # bytes, as vcrpy's own stubs replay it (its serializer writes text)
        if len(scrubbed) > 1:
            body["chunks"] = [_readable(c) for c in scrubbed]
        else:
            body.pop("chunks", None)
        headers: dict[str, list[str]] = {}
        volatile = {h.lower() for h in VOLATILE_RESPONSE_HEADERS}
        secret = {h.lower() for h in SECRET_RESPONSE_HEADERS}
        for name, values in response["headers"].items():
            lower = name.lower()
            if lower in volatile:
                continue
            if lower == "content-length":
                values = [str(len(joined))]
            elif lower in secret:
                values = [SCRUBBED for _ in values]
            else:
                values = [self.text(v) for v in values]
            headers[name] = values
        response["headers"] = headers
        return response


_DECODER = json.JSONDecoder()
_MAX_SCRUBBED_VALUE = 1024 * 1024  # a user-id list or object longer than this is left to the user's scrubbers


def _all_scrubbed(value: Any) -> Any:
    """``value`` with every string in it (not the keys) replaced by SCRUBBED."""
    if isinstance(value, dict):
        return {key: _all_scrubbed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_all_scrubbed(item) for item in value]
    return SCRUBBED if isinstance(value, str) else value


def _as_bytes(value: Any) -> bytes:
    if value is None:
        return b""
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def _readable(data: bytes) -> str | bytes:
    """Text when the bytes are UTF-8 (a readable cassette; encoding it back gives the same bytes)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data


# --- matching -------------------------------------------------------------------------------------

_BOUNDARY = re.compile(r"boundary=\"?([^\";]+)")


def _normalized_body(request: Any) -> Any:
    """A body to compare: JSON as data without its clock fields; a multipart body without its
    random boundary; anything else as bytes."""
    body = _as_bytes(request.body)
    content_type = request.headers.get("Content-Type") or ""
    boundary = _BOUNDARY.search(content_type)
    if boundary and content_type.startswith("multipart/"):
        return body.replace(boundary.group(1).encode(), b"<boundary>")
    if body[:1] in (b"{", b"["):
        try:
            return _without_clock(json.loads(body))
        except ValueError:
            pass
    return body


def _without_clock(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_clock(v) for k, v in value.items() if k not in CLOCK_KEYS}
    if isinstance(value, list):
        return [_without_clock(v) for v in value]
    return value


def match_body(r1: Any, r2: Any) -> None:
    """vcrpy matcher: the two bodies carry the same data (see :func:`_normalized_body`)."""
    assert _normalized_body(r1) == _normalized_body(r2), "the request bodies differ"


MATCH_ON = ("method", "path", "query", "meshkit_body")


# --- the httpx stub -------------------------------------------------------------------------------


class _ChunkStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A recorded body, given back in the chunks the server wrote."""

    def __init__(self, chunks: Sequence[bytes]) -> None:
        self.chunks = list(chunks)

    def __iter__(self) -> Iterator[bytes]:
        yield from self.chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.chunks:
            yield chunk


def _decoded(headers: httpx.Headers, chunks: list[bytes]) -> tuple[list[tuple[str, str]], list[bytes]]:
    """gzip/deflate bodies decoded chunk by chunk (so scrubbing sees text and boundaries stay);
    the Content-Encoding header goes, as vcrpy's ``decode_compressed_response`` does."""
    encoding = headers.get("Content-Encoding", "").strip().lower()
    items = list(headers.multi_items())
    if encoding not in ("gzip", "deflate"):
        return items, chunks
    wbits = 16 + zlib.MAX_WBITS if encoding == "gzip" else zlib.MAX_WBITS
    try:
        decoder = zlib.decompressobj(wbits)
        out = [decoder.decompress(c) for c in chunks]
        out[-1:] = [(out[-1] if out else b"") + decoder.flush()]
    except zlib.error:
        return items, chunks
    return [(k, v) for k, v in items if k.lower() != "content-encoding"], [c for c in out if c] or [b""]


def _serialized(response: httpx.Response, chunks: list[bytes]) -> dict[str, Any]:
    items, chunks = _decoded(response.headers, chunks)
    headers: dict[str, list[str]] = {}
    for name, value in items:
        headers.setdefault(name, []).append(value)
    return {
        "status": {"code": response.status_code, "message": response.reason_phrase},
        "headers": headers,
        "body": {"string": b"".join(chunks), "chunks": chunks},
    }


def _replayed(recorded: Mapping[str, Any]) -> httpx.Response:
    body = recorded["body"]
    chunks = [_as_bytes(c) for c in body.get("chunks") or [body.get("string")]]
    headers = [(name, value) for name, values in recorded["headers"].items() for value in values]
    message = recorded["status"].get("message")
    extensions = {"reason_phrase": message.encode("ascii", "replace")} if message else None
    return httpx.Response(
        recorded["status"]["code"], headers=headers, stream=_ChunkStream(chunks), extensions=extensions
    )


class _Stub:
    """The replacement ``handle_request`` / ``handle_async_request`` of httpx's transports."""

    def __init__(self, cassette: Any) -> None:
        self.cassette = cassette

    def _lookup(self, request: httpx.Request, body: bytes) -> tuple[Any, httpx.Response | None]:
        recorded_request = _vcrpy().request.Request(request.method, str(request.url), body, request.headers)
        cassette = self.cassette
        if cassette.can_play_response_for(recorded_request):
            return recorded_request, _replayed(cassette.play_response(recorded_request))
        if cassette.write_protected and cassette.filter_request(recorded_request):
            raise _miss(cassette, recorded_request)
        return recorded_request, None

    def sync(self, original: Callable[..., httpx.Response]) -> Callable[..., httpx.Response]:
        def handle_request(transport: httpx.BaseTransport, request: httpx.Request) -> httpx.Response:
            recorded_request, replay = self._lookup(request, request.read())
            if replay is not None:
                return replay
            response = original(transport, request)
            stream = cast(httpx.SyncByteStream, response.stream)
            try:
                chunks = [bytes(c) for c in stream]
            finally:
                stream.close()
            self.cassette.append(recorded_request, _serialized(response, chunks))
            response.stream = _ChunkStream(chunks)
            return response

        return handle_request

    def asynchronous(self, original: Callable[..., Any]) -> Callable[..., Any]:
        async def handle_async_request(transport: httpx.AsyncBaseTransport, request: httpx.Request) -> httpx.Response:
            recorded_request, replay = self._lookup(request, await request.aread())
            if replay is not None:
                return replay
            response: httpx.Response = await original(transport, request)
            stream = cast(httpx.AsyncByteStream, response.stream)
            try:
                chunks = [bytes(c) async for c in stream]
            finally:
                await stream.aclose()
            self.cassette.append(recorded_request, _serialized(response, chunks))
            response.stream = _ChunkStream(chunks)
            return response

        return handle_async_request


_MATCHER_NAMES = {"match_body": "body", "method": "method", "path": "path", "query": "query"}


def _miss(cassette: Any, request: Any) -> CassetteMissError:
    scrubbed = cassette.filter_request(request)
    url = str(scrubbed.uri) if scrubbed is not None else "?"
    path = Path(str(cassette._path))
    mode = str(getattr(cassette.record_mode, "value", cassette.record_mode))
    if not path.exists():
        why = "the cassette does not exist"
        hint = "record it: run with --meshkit-record-mode=once where the server can be reached"
    else:
        why = "the cassette holds no unplayed interaction matching it"
        hint = "record it with --meshkit-record-mode=new_episodes, or the whole test again with all"
        closest = cassette.find_requests_with_most_matches(request)
        if closest:
            _, succeeded, failed = closest[0]
            same = ", ".join(_MATCHER_NAMES.get(name, name) for name in succeeded)
            other = ", ".join(_MATCHER_NAMES.get(name, name) for name, _ in failed)
            why += f" (the closest recorded request has the same {same}, another {other})"
    return CassetteMissError(
        f"{request.method} {url} is not in the cassette {path} (record mode {mode!r}): {why}; nothing was sent",
        hint=hint,
        method=request.method,
        url=url,
        cassette=str(path),
        record_mode=mode,
    )


# --- ids ------------------------------------------------------------------------------------------


class _SeededUUID:
    """``uuid`` as the id modules see it while a cassette is in use: uuid4 drawn from a seed."""

    def __init__(self, seed: str) -> None:
        self._random = random.Random(seed)

    def uuid4(self) -> uuid.UUID:
        return uuid.UUID(int=self._random.getrandbits(128), version=4)

    def __getattr__(self, name: str) -> Any:
        return getattr(uuid, name)


def _seed(cassette: Any) -> str:
    """The cassette's seed: a new one when recording anew, the stored one when replaying."""
    if getattr(cassette.record_mode, "value", cassette.record_mode) == "all":
        cassette._metadata.pop(_SEED_KEY, None)  # re-recording: fresh ids (a server may remember old ones)
    try:
        return str(cassette.get_metadata(_SEED_KEY, secrets.token_hex(8)))
    except _vcrpy().errors.MissingMetadataError:  # replay only, and nothing was recorded: every request will miss
        return "unrecorded"


# --- the context manager and the fixture ------------------------------------------------------------


class MeshkitCassette:
    """The cassette a test runs with: its ``path``, ``record_mode`` and vcrpy's ``cassette``."""

    def __init__(self, cassette: Any, record_mode: RecordMode) -> None:
        self.cassette = cassette
        self.record_mode = record_mode

    @property
    def path(self) -> Path:
        """The YAML file the interactions are read from and written to."""
        return Path(str(self.cassette._path))

    @property
    def interactions(self) -> list[tuple[Any, dict[str, Any]]]:
        """The (request, response) pairs held, as recorded (scrubbed); in mode ``all``, this run's
        (the ones the file will keep)."""
        data = list(self.cassette.data)
        return data[self.cassette._loaded_count :] if self.record_mode == "all" else data

    @property
    def play_count(self) -> int:
        """How many recorded responses this run replayed."""
        return int(self.cassette.play_count)

    @property
    def all_played(self) -> bool:
        """Whether every recorded interaction was replayed."""
        return bool(self.cassette.all_played)

    def chunks(self, index: int) -> list[bytes]:
        """The body of the ``index``-th interaction, in the chunks the server wrote."""
        body = self.interactions[index][1]["body"]
        return [_as_bytes(c) for c in body.get("chunks") or [body.get("string")]]

    def __repr__(self) -> str:
        return f"MeshkitCassette(path={str(self.path)!r}, record_mode={self.record_mode!r})"


@contextmanager
def use_cassette(
    path: str | os.PathLike[str],
    *,
    record_mode: RecordMode | None = None,
    scrub_headers: Sequence[str] = (),
    scrub_body_keys: Sequence[str] = (),
    scrub_values: Sequence[str] = (),
    scrubbers: Sequence[Scrubber] = (),
    match_on: Sequence[str | Callable[[Any, Any], None]] = MATCH_ON,
    allow_playback_repeats: bool = False,
) -> Iterator[MeshkitCassette]:
    """Record or replay every httpx call (so every meshkit client, sync or async) in the block.

    ``record_mode`` is vcrpy's (default :func:`default_record_mode`). Beyond the default scrubbing
    (see the module docstring), ``scrub_headers`` names more secret request headers,
    ``scrub_body_keys`` more JSON keys, ``scrub_values`` literal values to replace anywhere, and
    each of ``scrubbers`` (bytes -> bytes) sees every request body and response chunk.
    ``match_on`` replaces the matchers: vcrpy's names, or functions ``(recorded, sent)`` that raise
    ``AssertionError`` when the two differ. ``allow_playback_repeats`` lets a recorded answer
    replay more than once.
    """
    mode = record_mode or default_record_mode()
    if mode not in RECORD_MODES:
        raise MeshkitError(f"record mode must be one of {', '.join(RECORD_MODES)}, not {mode!r}")
    scrub = _Scrub(headers=scrub_headers, body_keys=scrub_body_keys, secrets=scrub_values, scrubbers=scrubbers)
    recorder = _vcrpy().VCR(decode_compressed_response=False)
    recorder.register_matcher("meshkit_body", match_body)
    named = []
    for index, matcher in enumerate(match_on):
        if callable(matcher):
            recorder.register_matcher(f"meshkit_custom_{index}", matcher)
            matcher = f"meshkit_custom_{index}"
        named.append(matcher)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    context = recorder.use_cassette(
        str(path),
        record_mode=mode,
        match_on=tuple(named),
        before_record_request=scrub.request,
        before_record_response=scrub.response,
        allow_playback_repeats=allow_playback_repeats,
        # all: the ids are new (see _seed), so no old interaction could match again: keep only this run's.
        drop_unused_requests=mode == "all",
        # httpx goes through the stub below; vcrpy's other patchers (http.client, urllib3…) stay.
        skip_patchers=("httpx", "httpx2"),
    )
    with context as cassette, ExitStack() as patches:
        stub = _Stub(cassette)
        patches.enter_context(
            mock.patch.object(httpx.HTTPTransport, "handle_request", stub.sync(httpx.HTTPTransport.handle_request))
        )
        patches.enter_context(
            mock.patch.object(
                httpx.AsyncHTTPTransport,
                "handle_async_request",
                stub.asynchronous(httpx.AsyncHTTPTransport.handle_async_request),
            )
        )
        _typed_misses(patches)
        ids = _SeededUUID(_seed(cassette))
        for name in _ID_MODULES:
            module = importlib.import_module(name)
            if getattr(module, "uuid", None) is uuid:
                patches.enter_context(mock.patch.object(module, "uuid", ids))
        yield MeshkitCassette(cassette, mode)


def _typed_misses(patches: ExitStack) -> None:
    """vcrpy's own stubs (aiohttp: ``http_backend="aiohttp"``, an injected HttpxAiohttpClient) raise
    :class:`CassetteMissError` on a miss too, as the httpx stub does, instead of vcrpy's exception."""

    def miss(*, cassette: Any, failed_request: Any) -> CassetteMissError:
        return _miss(cassette, failed_request)

    try:
        stubs = importlib.import_module("vcr.stubs.aiohttp_stubs")
    except ImportError:  # no aiohttp: vcrpy has no stub for it either
        return
    patches.enter_context(mock.patch.object(stubs, "CannotOverwriteExistingCassetteException", miss))


def pytest_addoption(parser: pytest.Parser) -> None:
    """``--meshkit-record-mode``: the record mode of every ``meshkit_cassette`` in the run."""
    parser.addoption(
        "--meshkit-record-mode",
        choices=RECORD_MODES,
        default=None,
        help="record mode of the meshkit_cassette fixture (default: none when CI=true, else once)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Registers the ``meshkit_cassette`` marker (its keywords are :func:`use_cassette`'s)."""
    config.addinivalue_line(
        "markers",
        "meshkit_cassette(path=None, record_mode=None, **options): options of the meshkit_cassette fixture",
    )


@pytest.fixture
def meshkit_cassette_config() -> dict[str, Any]:
    """Options every ``meshkit_cassette`` of its scope gets (override it in a conftest.py)."""
    return {}


@pytest.fixture
def meshkit_cassette(
    request: pytest.FixtureRequest, meshkit_cassette_config: dict[str, Any]
) -> Iterator[MeshkitCassette]:
    """The test's httpx calls recorded to, or replayed from, ``cassettes/<module>/<test>.yaml``.

    The cassette sits next to the test module (``<Class>.<test>.yaml`` for a method). The record
    mode is ``--meshkit-record-mode`` when given, else the ``meshkit_cassette`` marker's
    ``record_mode``, else ``none`` when ``CI=true`` (a request not in the cassette raises
    :class:`CassetteMissError`) and ``once`` locally (record when the cassette does not exist yet,
    then replay). Other marker keywords and
    ``meshkit_cassette_config`` are :func:`use_cassette`'s options. Example, run once with the
    formation reachable (here ``make serve``) to record, then anywhere, ``CI=true`` included::

        # conftest.py
        pytest_plugins = ["meshkit.testing"]

        # test_bot.py
        from meshkit import Formation

        def test_greets(meshkit_cassette):
            formation = Formation(url="http://127.0.0.1:7890/formation", client_key="fmc_dev_not_a_secret")
            assert formation.chat("Hello!").text == "You said: Hello!"
            with formation.chat_stream("Hi there") as stream:
                kinds = [type(event).__name__ for event in stream]
            assert kinds[-2:] == ["Completed", "Done"]
    """
    marker = request.node.get_closest_marker("meshkit_cassette")
    options: dict[str, Any] = {**meshkit_cassette_config, **(marker.kwargs if marker else {})}
    path = options.pop("path", None)
    if path is None:
        module = Path(str(request.node.path))
        name = f"{request.cls.__name__}.{request.node.name}" if request.cls is not None else request.node.name
        path = module.parent / "cassettes" / module.stem / f"{_file_name(name)}.yaml"
    elif not Path(path).is_absolute():
        path = Path(str(request.node.path)).parent / path
    option = request.config.getoption("--meshkit-record-mode", default=None)
    options["record_mode"] = option or options.get("record_mode") or default_record_mode()
    with use_cassette(path, **options) as cassette:
        yield cassette


def _file_name(test_name: str) -> str:
    """``test_x[sync-1]`` -> ``test_x-sync-1``: a file name on every OS."""
    return re.sub(r"[^\w.-]+", "-", test_name).strip("-")
