"""What Stream and AsyncStream share (``streams_async.py``, and its generated twin
``streams_sync.py``): the decoder protocol, and how a stream's failures become meshkit errors.

The request is sent on first use (iteration or ``with``); its status is checked before any event
is read; the response is closed when the stream ends, fails, or is left early (``close()``,
leaving the ``with`` block, breaking out of the loop). Idle time is bounded by the timeout's
``stream_idle`` (else ``read``; keepalive comments count as activity), the whole stream by its
``total``, and a line or an event by the client's ``Limits``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Protocol, TypeVar

import httpx

from .errors import StreamError, StreamInterruptedError, StreamTimeoutError
from .limits import (
    DEFAULT_LIMITS,
    LIMITS,
    Limits,
    adecoded,
    araw_chunks,
    deadline_of,
    decoded,
    past_deadline,
    raw_chunks,
    unencoded,
)
from .retry import as_httpx_would_raise
from .sse import ServerSentEvent, SSEDecoder, SSELimitError

E = TypeVar("E", covariant=True)


class EventDecoder(Protocol[E]):
    finished: bool
    terminal: str | None

    @property
    def text(self) -> str: ...

    def convert(self, event: ServerSentEvent) -> E: ...

    def interrupted(self) -> Exception: ...


def _deadline_passed(text: str) -> StreamTimeoutError:
    error = StreamTimeoutError(
        "the stream did not end within the call's total timeout", code="STREAM_TIMEOUT", partial_text=text
    )
    error.bound = "total"
    return error


def _mid_stream_error(exc: httpx.TransportError, response: httpx.Response, text: str) -> Exception:
    if isinstance(as_httpx_would_raise(exc), httpx.TimeoutException):
        if past_deadline(response.request):
            error = _deadline_passed(text)
        else:
            error = StreamTimeoutError(
                "no data within the stream's idle timeout", code="STREAM_TIMEOUT", partial_text=text
            )
            error.bound = "stream_idle"
        return error
    return StreamInterruptedError(
        f"the connection broke mid-stream: {exc or type(exc).__name__}", code="STREAM_INTERRUPTED", partial_text=text
    )


def _decoder_for(response: httpx.Response) -> SSEDecoder:
    limits: Limits = response.request.extensions.get(LIMITS, DEFAULT_LIMITS)
    return SSEDecoder(limits.max_line_bytes, limits.max_event_bytes)


def _chunks(response: httpx.Response) -> Iterator[bytes]:
    """The body's bytes: the raw chunks themselves in the common case (a chat stream arrives one
    ~200-byte frame per chunk, and a decoding layer costs ~1 µs a chunk); inflated in bounded steps
    and checked against the call's deadline otherwise."""
    if unencoded(response) and deadline_of(response.request) is None:
        return raw_chunks(response)
    return decoded(response, raw_chunks(response), None, "stream")


def _achunks(response: httpx.Response) -> AsyncIterator[bytes]:
    if unencoded(response) and deadline_of(response.request) is None:
        return araw_chunks(response)
    return adecoded(response, araw_chunks(response), None, "stream")


# What may follow a stream's final event before its body ends: normally nothing but the chunked
# body's end, already on its way. Reading it lets the connection go back to the pool; a body that
# goes on, or does not end at once, is closed as before. asyncio streams only: a blocking read
# cannot be cut short, and a server that sent its final event and then went quiet would hold the
# caller for the whole read timeout.
DRAIN_BYTES = 64 * 1024
DRAIN_SECONDS = 0.5


async def _adrain(chunks: AsyncIterator[bytes]) -> None:
    """Read the rest of a finished stream's body: at most DRAIN_BYTES, for at most DRAIN_SECONDS;
    whatever goes wrong here changes nothing (the answer is complete). Cancellation propagates."""
    import anyio

    size = 0
    with anyio.move_on_after(DRAIN_SECONDS):
        try:
            async for chunk in chunks:
                size += len(chunk)
                if size > DRAIN_BYTES:
                    return
        except Exception:  # a transport error, a corrupt compressed tail, a deadline: the answer stands
            return


def _too_large(exc: SSELimitError, text: str) -> StreamError:
    return StreamError(f"{exc}; the stream was closed", code=exc.code, partial_text=text)


__all__ = ["EventDecoder"]
