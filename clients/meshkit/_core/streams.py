"""Stream and AsyncStream: server-sent events as typed events, over one response.

The request is sent on first use (iteration or ``with``); its status is checked before any event
is read; the response is closed when the stream ends, fails, or is left early (``close()``,
leaving the ``with`` block, breaking out of the loop). Idle time is bounded by the timeout's
``stream_idle`` (else ``read``; keepalive comments count as activity), the whole stream by its
``total``, and a line or an event by the client's ``Limits``.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import Generic, Protocol, TypeVar

import httpx

from .errors import StreamError, StreamInterruptedError, StreamTimeoutError, TimeoutError
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
    if isinstance(exc, httpx.TimeoutException):
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


def _too_large(exc: SSELimitError, text: str) -> StreamError:
    return StreamError(f"{exc}; the stream was closed", code=exc.code, partial_text=text)


class Stream(Generic[E]):
    """An iterator of typed events and a context manager that closes the response.

    >>> with formation.chat_stream("Tell me a story") as stream:   # doctest: +SKIP
    ...     for event in stream:
    ...         print(event.text, end="")
    ...     print(stream.text)  # the whole answer
    """

    def __init__(self, opener: Callable[[], httpx.Response], decoder: EventDecoder[E]) -> None:
        self._opener = opener
        self._decoder = decoder
        self._response: httpx.Response | None = None
        self._iterator: Iterator[E] | None = None
        self._closed = False

    @property
    def text(self) -> str:
        """The text received so far (for chat: the answer, with ``completed`` authoritative)."""
        return self._decoder.text

    @property
    def response(self) -> httpx.Response:
        """The underlying response (sends the request if it was not sent yet)."""
        return self._open()

    def _open(self) -> httpx.Response:
        if self._response is None:
            if self._closed:
                raise RuntimeError("the stream is closed")
            self._response = self._opener()
        return self._response

    def __enter__(self) -> Stream[E]:
        self._open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[E]:
        if self._closed:
            raise RuntimeError("the stream is closed")
        return self._loop()

    def _loop(self) -> Iterator[E]:
        """One ``for`` loop over the shared events; leaving it early (break) closes the stream."""
        try:
            if self._iterator is None:
                self._iterator = self._events()
            yield from self._iterator  # delegation runs in C: no Python frame per event here
        finally:
            self.close()

    def __next__(self) -> E:
        # One generator per stream: next(stream) and a later for-loop continue the same events.
        if self._iterator is None:
            self._iterator = self._events()
        return next(self._iterator)

    def _events(self) -> Iterator[E]:
        decoder = self._decoder
        try:
            response = self._open()
            sse = _decoder_for(response)
            try:
                for chunk in _chunks(response):
                    for event in sse.feed(chunk):
                        yield decoder.convert(event)
                        if decoder.finished:
                            return
                for event in sse.flush():
                    yield decoder.convert(event)
            except httpx.TransportError as exc:
                raise _mid_stream_error(exc, response, decoder.text) from exc
            except SSELimitError as exc:
                raise _too_large(exc, decoder.text) from None
            except TimeoutError:  # the deadline check between chunks (Timeout(total=…))
                raise _deadline_passed(decoder.text) from None
            if decoder.terminal is not None and not decoder.finished:
                raise decoder.interrupted()
        finally:
            self._release()

    def _release(self) -> None:
        self._closed = True
        if self._response is not None:
            self._response.close()

    def close(self) -> None:
        """Close the response (idempotent); the socket goes back or away at once."""
        self._release()
        iterator, self._iterator = self._iterator, None
        if isinstance(iterator, Generator):
            iterator.close()

    def until_done(self) -> str:
        """Consume the whole stream and return its text."""
        for _ in self:
            pass
        return self.text


class AsyncStream(Generic[E]):
    """The async twin of :class:`Stream`: ``async for event in formation.chat_stream(...)`` works
    directly (the request is sent on first iteration); ``async with`` closes it promptly."""

    def __init__(self, opener: Callable[[], Awaitable[httpx.Response]], decoder: EventDecoder[E]) -> None:
        self._opener = opener
        self._decoder = decoder
        self._response: httpx.Response | None = None
        self._iterator: AsyncIterator[E] | None = None
        self._closed = False

    @property
    def text(self) -> str:
        """The text received so far (for chat: the answer, with ``completed`` authoritative)."""
        return self._decoder.text

    async def _open(self) -> httpx.Response:
        if self._response is None:
            if self._closed:
                raise RuntimeError("the stream is closed")
            self._response = await self._opener()
        return self._response

    async def __aenter__(self) -> AsyncStream[E]:
        await self._open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __aiter__(self) -> AsyncIterator[E]:
        if self._closed:
            raise RuntimeError("the stream is closed")
        return self._loop()

    async def _loop(self) -> AsyncIterator[E]:
        try:
            if self._iterator is None:
                self._iterator = self._events()
            async for event in self._iterator:
                yield event
        finally:
            await self.aclose()

    async def __anext__(self) -> E:
        if self._iterator is None:
            self._iterator = self._events()
        return await self._iterator.__anext__()

    @property
    def response(self) -> httpx.Response | None:
        """The underlying response once the request was sent (None before)."""
        return self._response

    async def _events(self) -> AsyncIterator[E]:
        decoder = self._decoder
        try:
            response = await self._open()
            sse = _decoder_for(response)
            try:
                async for chunk in _achunks(response):
                    for event in sse.feed(chunk):
                        yield decoder.convert(event)
                        if decoder.finished:
                            return
                for event in sse.flush():
                    yield decoder.convert(event)
            except httpx.TransportError as exc:
                raise _mid_stream_error(exc, response, decoder.text) from exc
            except SSELimitError as exc:
                raise _too_large(exc, decoder.text) from None
            except TimeoutError:  # the deadline check between chunks (Timeout(total=…))
                raise _deadline_passed(decoder.text) from None
            if decoder.terminal is not None and not decoder.finished:
                raise decoder.interrupted()
        finally:
            await self._release()

    async def _release(self) -> None:
        self._closed = True
        if self._response is not None:
            await self._response.aclose()

    async def aclose(self) -> None:
        """Close the response (idempotent)."""
        await self._release()
        iterator, self._iterator = self._iterator, None
        if isinstance(iterator, AsyncGenerator):
            await iterator.aclose()

    async def until_done(self) -> str:
        """Consume the whole stream and return its text."""
        async for _ in self:
            pass
        return self.text


__all__ = ["AsyncStream", "EventDecoder", "Stream"]
