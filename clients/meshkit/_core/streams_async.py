"""A stream of server-sent events as typed events, over one response.

The request is sent on first use (iteration or ``async with``); its status is checked before any
event is read; the response is closed when the stream ends, fails, or is left early (``aclose()``,
leaving the ``async with`` block, breaking out of the loop). Idle time is bounded by the timeout's
``stream_idle`` (else ``read``; keepalive comments count as activity), the whole stream by its
``total``, and a line or an event by the client's ``Limits``.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable
from contextlib import aclosing
from typing import Generic

import httpx

from .errors import TimeoutError
from .sse import SSELimitError
from .streams import (
    E,
    EventDecoder,
    _achunks,
    _adrain,
    _deadline_passed,
    _decoder_for,
    _mid_stream_error,
    _too_large,
)
from .telemetry import TRACE, CallTrace, stream_ended


class AsyncStream(Generic[E]):
    """An iterator of typed events and a context manager that closes the response.

    >>> async with formation.chat_stream("Tell me a story") as stream:   # doctest: +SKIP
    ...     async for event in stream:
    ...         print(event.text, end="")
    ...     print(stream.text)  # the whole answer
    """

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

    @property
    def response(self) -> httpx.Response | None:  # sync: def response(self) -> httpx.Response:
        # sync: """The underlying response (sends the request if it was not sent yet)."""
        """The underlying response once the request was sent (None before)."""  # sync: -
        return self._response  # sync: return self._open()

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
        """One loop over the shared events; leaving it early (break) closes the stream."""
        try:
            if self._iterator is None:
                self._iterator = self._events()
            async for event in self._iterator:  # sync: yield from self._iterator  # in C: no Python frame per event
                yield event  # sync: -
        finally:
            await self.aclose()

    async def __anext__(self) -> E:
        # One generator per stream: next(stream) and a later loop continue the same events.
        if self._iterator is None:
            self._iterator = self._events()
        return await self._iterator.__anext__()  # sync: return next(self._iterator)

    async def _events(self) -> AsyncIterator[E]:
        decoder = self._decoder
        failure: BaseException | None = None
        try:
            response = await self._open()
            trace = response.request.extensions.get(TRACE)
            if trace is not None:  # someone listens (hooks, the meshkit logger, OpenTelemetry)
                traced = self._traced(response, trace)  # sync: yield from self._traced(response, trace)
                async with aclosing(traced):  # sync: -
                    async for told in traced:  # sync: -
                        yield told  # sync: -
                return
            sse = _decoder_for(response)
            convert = decoder.convert  # looked up once, not per event
            chunks = _achunks(response)
            try:
                async for chunk in chunks:
                    for event in sse.feed(chunk):
                        yield convert(event)
                        if decoder.finished:
                            # The body's end, so the connection is kept, not closed.  # sync: -
                            await _adrain(chunks)  # sync: -
                            return
                for event in sse.flush():
                    yield convert(event)
            except httpx.TransportError as exc:
                raise _mid_stream_error(exc, response, decoder.text) from exc
            except SSELimitError as exc:
                raise _too_large(exc, decoder.text) from None
            except TimeoutError:  # the deadline check between chunks (Timeout(total=…))
                raise _deadline_passed(decoder.text) from None
            if decoder.terminal is not None and not decoder.finished:
                raise decoder.interrupted()
        except GeneratorExit:  # left early (a break, aclose()): not a failure
            raise
        except BaseException as exc:
            failure = exc
            raise
        finally:
            await self._release(failure)

    async def _traced(self, response: httpx.Response, trace: CallTrace) -> AsyncGenerator[E, None]:
        """The same events, each told to the call's trace (kept apart: the plain loop stays lean)."""
        decoder = self._decoder
        sse = _decoder_for(response)
        chunks = _achunks(response)
        try:
            async for chunk in chunks:
                for event in sse.feed(chunk):
                    converted = decoder.convert(event)
                    trace.stream_event(converted)
                    yield converted
                    if decoder.finished:
                        await _adrain(chunks)  # sync: -
                        return
            for event in sse.flush():
                converted = decoder.convert(event)
                trace.stream_event(converted)
                yield converted
        except httpx.TransportError as exc:
            raise _mid_stream_error(exc, response, decoder.text) from exc
        except SSELimitError as exc:
            raise _too_large(exc, decoder.text) from None
        except TimeoutError:
            raise _deadline_passed(decoder.text) from None
        if decoder.terminal is not None and not decoder.finished:
            raise decoder.interrupted()

    async def _release(self, failure: BaseException | None = None) -> None:
        self._closed = True
        if self._response is not None:
            await self._response.aclose()
            stream_ended(self._response, failure)

    async def aclose(self) -> None:
        """Close the response (idempotent); the socket goes back or away at once."""
        await self._release()
        iterator, self._iterator = self._iterator, None
        if isinstance(iterator, AsyncGenerator):
            await iterator.aclose()

    async def until_done(self) -> str:
        """Consume the whole stream and return its text."""
        async for _ in self:
            pass
        return self.text


__all__ = ["AsyncStream"]
