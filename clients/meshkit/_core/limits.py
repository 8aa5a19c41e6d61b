"""Bounded reads and the call deadline: whatever a server sends, meshkit holds at most a limit's
worth of it in memory, and no call outlives its ``Timeout.total``.

Bodies are read from the raw socket chunks and decompressed here, not by httpx: its decoders
inflate a whole network read at once, so a 64 KiB gzip bomb would become ~64 MB in one step. Here
each chunk is inflated in pieces of at most :data:`PIECE` bytes and counted as it goes. meshkit
asks for ``gzip, deflate`` only; any other content coding is refused.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass

import httpx

from .errors import ResponseValidationError, TimeoutError

MiB = 1024 * 1024
_UNTRUSTED = "the server (or something between it and you) sent what no MUXI or AiMesh server sends; check the URL"
PIECE = 256 * 1024  # the most one inflate step produces
ACCEPT_ENCODING = "gzip, deflate"
DEADLINE = "meshkit.deadline"  # request extension: time.monotonic() by which the whole call must end
LIMITS = "meshkit.limits"  # request extension of a stream: the client's Limits, for its SSE decoder


@dataclass(frozen=True)
class Limits:
    """The most meshkit reads from a server, in bytes. Every client's ``limits=`` takes one; a
    server that sends more gets a typed error and its connection closed, so memory stays within
    these limits (plus a small constant) whatever it sends.

    * ``max_body_bytes`` — a JSON or text answer, after decompression (default 64 MiB):
      :class:`ResponseValidationError` beyond it.
    * ``max_line_bytes`` / ``max_event_bytes`` — one line / one event of an event stream
      (defaults 1 MiB / 16 MiB): :class:`StreamError` beyond them.
    * ``max_download_bytes`` — a downloaded archive (default 4 GiB; None: no limit), checked as it
      is written.

    >>> Limits(max_body_bytes=8 * 1024 * 1024).max_line_bytes
    1048576
    """

    max_body_bytes: int = 64 * MiB
    max_line_bytes: int = 1 * MiB
    max_event_bytes: int = 16 * MiB
    max_download_bytes: int | None = 4096 * MiB

    def __post_init__(self) -> None:
        from .errors import ConfigurationError

        for name in ("max_body_bytes", "max_line_bytes", "max_event_bytes", "max_download_bytes"):
            value = getattr(self, name)
            if value is None and name == "max_download_bytes":
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigurationError(f"Limits.{name} must be a positive number of bytes, got {value!r}")


DEFAULT_LIMITS = Limits()


# --- the deadline of a call (Timeout.total) ------------------------------------------------------------


def deadline_of(request: httpx.Request) -> float | None:
    deadline: float | None = request.extensions.get(DEADLINE)
    return deadline


def total_exceeded(request: httpx.Request) -> TimeoutError:
    error = TimeoutError(f"{request.method} {request.url.path}: the call's total timeout passed")
    error.bound = "total"
    return error


def fit_attempt_to_deadline(request: httpx.Request) -> None:
    """Before an attempt of a call with a deadline: no single wait may outlast what is left of it."""
    deadline = request.extensions.get(DEADLINE)
    if deadline is None:
        return
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise total_exceeded(request)
    timeouts = request.extensions.get("timeout") or {}
    request.extensions["timeout"] = {
        phase: remaining if limit is None else min(limit, remaining)
        for phase, limit in {"connect": None, "read": None, "write": None, "pool": None, **timeouts}.items()
    }


def past_deadline(request: httpx.Request) -> bool:
    deadline = request.extensions.get(DEADLINE)
    return deadline is not None and time.monotonic() >= deadline - 0.01


# --- content codings -------------------------------------------------------------------------------


def _coding(response: httpx.Response) -> str:
    return response.headers.get("content-encoding", "identity").strip().lower() or "identity"


def unencoded(response: httpx.Response) -> bool:
    """Whether the body has no content coding: its raw chunks are the bytes themselves."""
    return _coding(response) == "identity"


class _Inflater:
    """gzip or deflate, inflated in pieces of at most PIECE bytes."""

    def __init__(self, coding: str) -> None:
        self._raw_fallback = coding == "deflate"  # RFC deflate is zlib-wrapped; some servers send it raw
        self._zlib = zlib.decompressobj(zlib.MAX_WBITS | 16 if coding in ("gzip", "x-gzip") else zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            piece = self._inflate(data)
        except zlib.error:  # only while a deflate body may still turn out to be raw
            self._raw_fallback = False
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
            piece = self._inflate(data)
        self._raw_fallback = False
        if piece:
            yield piece
        # Whatever did not fit in PIECE waits in unconsumed_tail: each step either yields or consumes.
        while self._zlib.unconsumed_tail:
            piece = self._inflate(self._zlib.unconsumed_tail)
            if piece:
                yield piece

    def _inflate(self, data: bytes) -> bytes:
        try:
            return self._zlib.decompress(data, PIECE)
        except zlib.error:
            if self._raw_fallback:
                raise
            raise ResponseValidationError("the answer's compressed body is corrupt", hint=_UNTRUSTED) from None


def _inflater(response: httpx.Response, what: str) -> _Inflater | None:
    coding = _coding(response)
    if coding == "identity":
        return None
    if coding in ("gzip", "x-gzip", "deflate") and what != "download":
        return _Inflater(coding)
    raise ResponseValidationError(
        f"the answer uses a content coding meshkit did not ask for: {coding!r}", hint=_UNTRUSTED
    )


def _too_large(what: str, limit: int) -> ResponseValidationError:
    setting = "max_download_bytes" if what == "download" else "max_body_bytes"
    return ResponseValidationError(
        f"the {what} is larger than the limit of {limit} bytes (the connection was closed); "
        f"if that is expected, raise Limits({setting}=…)",
        hint=f"raise Limits({setting}=…) if an answer this large is expected; otherwise check the URL",
    )


def _declared_too_large(response: httpx.Response, limit: int | None) -> bool:
    declared = response.headers.get("content-length")
    return (
        limit is not None
        and declared is not None
        and declared.isdigit()
        and int(declared) > limit
        and unencoded(response)
    )


# --- reading ---------------------------------------------------------------------------------------


class _Body:
    """One body being read: its inflater, the bytes counted so far against ``limit``, and the
    call's deadline. The sync and async readers below only feed it their chunks."""

    def __init__(self, response: httpx.Response, limit: int | None, what: str) -> None:
        if _declared_too_large(response, limit):
            raise _too_large(what, limit or 0)
        self._request = response.request
        self._inflater = None if response.is_stream_consumed else _inflater(response, what)
        self._deadline = deadline_of(response.request)
        self._limit = limit
        self._what = what
        self._size = 0

    def pieces(self, chunk: bytes) -> Iterator[bytes]:
        """The bytes of one raw chunk (``b""``: the end of the body), each counted as it is made."""
        if not chunk and self._inflater is None:
            return
        for piece in (chunk,) if self._inflater is None else self._inflater.feed(chunk):
            self._size += len(piece)
            if self._limit is not None and self._size > self._limit:
                raise _too_large(self._what, self._limit)
            yield piece
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise total_exceeded(self._request)


def decoded(response: httpx.Response, raw: Iterable[bytes], limit: int | None, what: str) -> Iterator[bytes]:
    """The body's bytes from its raw chunks: inflated in bounded pieces, counted against ``limit``,
    and checked against the call's deadline after every chunk. A download takes no content coding."""
    body = _Body(response, limit, what)
    for chunk in raw:
        yield from body.pieces(chunk)
    yield from body.pieces(b"")


async def adecoded(
    response: httpx.Response, raw: AsyncIterator[bytes], limit: int | None, what: str
) -> AsyncIterator[bytes]:
    """The async twin of :func:`decoded`."""
    body = _Body(response, limit, what)
    async for chunk in raw:
        for piece in body.pieces(chunk):
            yield piece
    for piece in body.pieces(b""):
        yield piece


def read_body(response: httpx.Response, limit: int) -> bytes:
    """Read a whole (non-stream) answer within ``limit``; the response is closed either way and its
    ``.content`` is the body afterwards."""
    if response.is_stream_consumed:  # read already: a response a mock transport built from bytes
        return _already_read(response, limit)
    try:
        if unencoded(response) and deadline_of(response.request) is None:
            # The common case, without the generator: one chat answer is one or two chunks.
            if _declared_too_large(response, limit):
                raise _too_large("answer", limit)
            parts: list[bytes] = []
            size = 0
            for chunk in response.iter_raw():
                size += len(chunk)
                if size > limit:
                    raise _too_large("answer", limit)
                parts.append(chunk)
        else:
            parts = list(decoded(response, response.iter_raw(), limit, "answer"))
    finally:
        response.close()
    return _keep(response, parts)


async def aread_body(response: httpx.Response, limit: int) -> bytes:
    """The async twin of :func:`read_body`."""
    if response.is_stream_consumed:
        return _already_read(response, limit)
    # One growing buffer, not a list of chunks: anyio hands out 64 KiB slices of larger reads, and
    # keeping those as separate objects fragments the heap (+25% RSS, measured); appending to one
    # buffer reuses each chunk's memory for the next.
    buffer = bytearray()
    try:
        async for piece in adecoded(response, response.aiter_raw(), limit, "answer"):
            buffer += piece
    finally:
        await response.aclose()
    return _keep(response, [bytes(buffer)])


def _already_read(response: httpx.Response, limit: int) -> bytes:
    content = response.content
    if len(content) > limit:
        raise _too_large("answer", limit)
    return content


def raw_chunks(response: httpx.Response) -> Iterator[bytes]:
    """The body's raw chunks, or, for a response read already (a mock's), its decoded content."""
    if response.is_stream_consumed:
        return iter((response.content,))
    return response.iter_raw()


async def _one(content: bytes) -> AsyncIterator[bytes]:
    yield content


def araw_chunks(response: httpx.Response) -> AsyncIterator[bytes]:
    """The async twin of :func:`raw_chunks`."""
    if response.is_stream_consumed:
        return _one(response.content)
    return response.aiter_raw()


def _keep(response: httpx.Response, parts: list[bytes]) -> bytes:
    content = parts[0] if len(parts) == 1 else b"".join(parts)
    # What httpx's own read() does: .content, .text and .json() then answer from it. httpx has no
    # public way to read a body with a limit, hence its private attribute, set in this one place.
    response._content = content
    return content


__all__ = ["ACCEPT_ENCODING", "DEFAULT_LIMITS", "Limits"]
