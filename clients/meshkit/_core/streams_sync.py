# Generated from clients/meshkit/_core/streams_async.py by generator/unasync.py (make generate); do not edit.
"""A stream of server-sent events as typed events, over one response.

The request is sent on first use (iteration or ``with``); its status is checked before any
event is read; the response is closed when the stream ends, fails, or is left early (``close()``,
leaving the ``with`` block, breaking out of the loop). Idle time is bounded by the timeout's
``stream_idle`` (else ``read``; keepalive comments count as activity), the whole stream by its
``total``, and a line or an event by the client's ``Limits``.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator
from typing import Generic

import httpx

from .errors import TimeoutError
from .sse import SSELimitError
from .streams import (
    E,
    EventDecoder,
    _chunks,
    _deadline_passed,
    _decoder_for,
    _mid_stream_error,
    _too_large,
)
from .telemetry import TRACE, CallTrace, stream_ended


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
        """One loop over the shared events; leaving it early (break) closes the stream."""
        try:
            if self._iterator is None:
                self._iterator = self._events()
            yield from self._iterator  # in C: no Python frame per event
        finally:
            self.close()

    def __next__(self) -> E:
        # One generator per stream: next(stream) and a later loop continue the same events.
        if self._iterator is None:
            self._iterator = self._events()
        return next(self._iterator)

    def _events(self) -> Iterator[E]:
        decoder = self._decoder
        failure: BaseException | None = None
        try:
            response = self._open()
            trace = response.request.extensions.get(TRACE)
            if trace is not None:  # someone listens (hooks, the meshkit logger, OpenTelemetry)
                yield from self._traced(response, trace)
                return
            sse = _decoder_for(response)
            convert = decoder.convert  # looked up once, not per event
            chunks = _chunks(response)
            try:
                for chunk in chunks:
                    for event in sse.feed(chunk):
                        yield convert(event)
                        if decoder.finished:
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
        except GeneratorExit:  # left early (a break, close()): not a failure
            raise
        except BaseException as exc:
            failure = exc
            raise
        finally:
            self._release(failure)

    def _traced(self, response: httpx.Response, trace: CallTrace) -> Generator[E, None]:
        """The same events, each told to the call's trace (kept apart: the plain loop stays lean)."""
        decoder = self._decoder
        sse = _decoder_for(response)
        chunks = _chunks(response)
        try:
            for chunk in chunks:
                for event in sse.feed(chunk):
                    converted = decoder.convert(event)
                    trace.stream_event(converted)
                    yield converted
                    if decoder.finished:
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

    def _release(self, failure: BaseException | None = None) -> None:
        self._closed = True
        if self._response is not None:
            self._response.close()
            stream_ended(self._response, failure)

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


__all__ = ["Stream"]
