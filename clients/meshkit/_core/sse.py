"""An incremental Server-Sent Events decoder: bytes in, events out, no I/O.

The sync and async streams both feed it the body's chunks as they arrive, whatever their sizes, and
call :meth:`SSEDecoder.flush` at end of body. The rules are the contract's (formation.md §8), which
follow WHATWG except in two places: a block that sets ``event`` but has no ``data`` is dispatched
(with ``data == ""``), and so is a final block the stream ends without a blank line; WHATWG drops
both.

It works on bytes for speed: one ``splitlines`` per chunk, field names compared as bytes, and
values decoded once per event. A chunk holding many one-line ``data:`` frames (a proxy's or a
buffering server's) is checked and decoded in runs, in C, rather than line by line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

_BOM = b"\xef\xbb\xbf"
_COLON = ord(":")
_LF = ord("\n")
_CR = ord("\r")
# 10^18 ms is thirty million years; longer values are no delay, and int() refuses over 4300 digits.
_MAX_RETRY_DIGITS = 18
MAX_LINE_BYTES = 1024 * 1024
MAX_EVENT_BYTES = 16 * 1024 * 1024
_WINDOW = 128  # lines checked at a time for the coalesced chunks' fast path (_process)


class SSELimitError(Exception):
    """A line or an event grew past the decoder's limit (``code`` says which)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


# Not frozen: a frozen dataclass's __init__ goes through object.__setattr__, which tripled the
# cost of making one event (one per chat token).
@dataclass(slots=True)
class ServerSentEvent:
    """One dispatched event. ``data`` is the raw text (data lines joined with ``\\n``), not parsed.

    ``id`` is the stream's last event id when the event was dispatched (ids persist across events,
    as in WHATWG); ``retry`` is the reconnection delay in ms if this event's block set one.
    """

    event: str = "message"
    data: str = ""
    id: str | None = None
    retry: int | None = None

    def json(self) -> Any:
        """``data`` parsed as JSON (raises :class:`json.JSONDecodeError` if it is not JSON)."""
        return json.loads(self.data)


class SSEDecoder:
    """Turns chunks of a ``text/event-stream`` body into :class:`ServerSentEvent` objects.

    Lines end with ``\\n``, ``\\r\\n`` or ``\\r``; a chunk may end anywhere, even inside a UTF-8
    character or between the ``\\r`` and ``\\n`` of a pair. Bytes are buffered until their line
    ends and only complete lines are parsed, so no character is ever cut: line terminators are
    ASCII and never occur inside a multi-byte sequence. Field values are decoded from UTF-8 with
    ``errors="replace"`` (once per event, on the joined data), which gives exactly what an
    incremental decoder with ``errors="replace"`` would: invalid bytes become U+FFFD and never
    raise. An initial UTF-8 BOM is skipped.

    ``comments`` counts comment lines (keepalives: activity without an event); ``last_event_id``
    is the last ``id`` received (ids containing NUL are ignored).

    A line longer than ``max_line`` bytes, or an event whose data grows past ``max_event`` bytes,
    raises :class:`SSELimitError` as soon as it does: a server that never ends a line or an event
    cannot make the decoder hold more than that.
    """

    def __init__(self, max_line: int = MAX_LINE_BYTES, max_event: int = MAX_EVENT_BYTES) -> None:
        self.max_line = max_line
        self.max_event = max_event
        self._partial_size = 0  # bytes held in _partial_line
        self._data_size = 0  # bytes of data lines of the open block, counted when a chunk ends
        self._data_counted = 0  # how many of _data's lines are in _data_size
        self.comments = 0
        self.last_event_id: str | None = None
        self._partial_line: list[bytes] = []  # pieces of a line whose terminator has not arrived
        self._after_cr = False  # the last chunk ended with "\r": a "\n" opening the next one is its pair
        self._at_stream_start = True
        self._data: list[bytes] = []
        self._event: bytes | None = None
        self._retry: int | None = None

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """Decode one chunk; return the events it completes (often none, sometimes several)."""
        if self._after_cr and chunk:  # an empty chunk must not forget the pending "\r"
            self._after_cr = False
            if chunk[0] == _LF:
                chunk = chunk[1:]
        if not chunk:
            return []
        lines = chunk.splitlines()
        last_byte = chunk[-1]
        unterminated = None
        if last_byte == _CR:
            self._after_cr = True
        elif last_byte != _LF:
            unterminated = lines.pop()
        if len(chunk) > self.max_line:  # only a chunk this large can hold a line over the limit
            self._check_lines(lines)
        if lines and self._partial_line:
            # A line's pieces are joined once, when it ends: a long line fed in many small chunks
            # costs linear time, not quadratic.
            self._partial_size += len(lines[0])
            self._check_partial()
            self._partial_line.append(lines[0])
            lines[0] = b"".join(self._partial_line)
            self._partial_line = []
            self._partial_size = 0
        if unterminated is not None:
            self._partial_line.append(unterminated)
            self._partial_size += len(unterminated)
            self._check_partial()
        if lines and self._at_stream_start:
            lines[0] = self._strip_bom(lines[0])
        events = self._process(lines) if lines else []
        if self._data:  # an event still open when the chunk ends: count what it holds so far
            self._count_open_event()
        return events

    def _check_lines(self, lines: list[bytes]) -> None:
        for line in lines:
            if len(line) > self.max_line:
                raise SSELimitError(
                    f"an event-stream line is longer than {self.max_line} bytes", "STREAM_LINE_TOO_LONG"
                )

    def _check_partial(self) -> None:
        if self._partial_size > self.max_line:
            self._partial_line = []
            raise SSELimitError(f"an event-stream line is longer than {self.max_line} bytes", "STREAM_LINE_TOO_LONG")

    def _count_open_event(self) -> None:
        data = self._data
        self._data_size += sum(len(line) for line in data[self._data_counted :])
        self._data_counted = len(data)
        if self._data_size > self.max_event:
            self._data.clear()
            raise SSELimitError(f"an event's data is larger than {self.max_event} bytes", "STREAM_EVENT_TOO_LARGE")

    def flush(self) -> list[ServerSentEvent]:
        """End of stream: parse an unterminated last line and dispatch an unterminated last block.

        Dispatching a final block without its blank line is the contract's canonical choice
        (formation.md §8); WHATWG would discard it.
        """
        # The first line end closes a pending line (or pairs a pending "\r"); the second is the
        # blank line that closes the block. Blank lines cost nothing when neither is pending.
        return self.feed(b"\n\n")

    def _strip_bom(self, first_line: bytes) -> bytes:
        self._at_stream_start = False
        return first_line[3:] if first_line.startswith(_BOM) else first_line

    def _process(self, lines: list[bytes]) -> list[ServerSentEvent]:
        count = len(lines)
        if count < 8:  # a frame or two (one frame per chunk): the line loop
            return self._process_lines(lines, [])
        # A coalesced chunk (a proxy's or a buffering server's: many frames per read). Chat frames
        # are "data: <json>" and a blank line, so between blocks the lines mostly alternate: a data
        # line, a blank line. A window of such lines, checked in C (slices, any(), one join and
        # count), becomes events with no Python work per line; any other window, and the rest of
        # a block open at its start, take the line loop, which gives the same events.
        events: list[ServerSentEvent] = []
        position = 0
        while position < count:
            if self._data or self._event is not None or self._retry is not None:
                try:
                    end = lines.index(b"", position) + 1  # the blank line that ends the open block
                except ValueError:
                    end = count
                self._process_lines(lines[position:end], events)
                position = end
                continue
            end = min(position + _WINDOW, count)
            end -= (end - position) & 1  # an odd line out opens the next block
            if end == position:
                end = count
            elif not any(lines[position + 1 : end : 2]):
                data_lines = lines[position:end:2]
                joined = b"\n".join(data_lines)
                if joined.startswith(b"data: ") and joined.count(b"\ndata: ") == len(data_lines) - 1:
                    # Decoded once: a line end is ASCII, so each line decodes as it would alone.
                    last_id = self.last_event_id
                    events += [
                        ServerSentEvent("message", line[6:], last_id, None)
                        for line in joined.decode("utf-8", "replace").split("\n")
                    ]
                    position = end
                    continue
            self._process_lines(lines[position:end], events)
            position = end
        return events

    def _process_lines(self, lines: list[bytes], events: list[ServerSentEvent]) -> list[ServerSentEvent]:
        data = self._data
        for line in lines:
            if not line:  # a blank line ends the block
                if data or self._event is not None:
                    # Dispatched here, not in a method: a Python call per event is a tenth of decoding it
                    name = self._event
                    events.append(
                        ServerSentEvent(
                            name.decode("utf-8", "replace") if name else "message",
                            (data[0] if len(data) == 1 else b"\n".join(data)).decode("utf-8", "replace"),
                            self.last_event_id,
                            self._retry,
                        )
                    )
                    data.clear()  # cleared, not replaced: self._data is this list
                    self._data_size = self._data_counted = 0
                    self._event = None
                self._retry = None
            elif line.startswith(b"data: "):  # the hot path: every chat frame is one such line
                data.append(line[6:])
            elif line[0] == _COLON:
                self.comments += 1
            else:
                self._apply_field(line)
        return events

    def _apply_field(self, line: bytes) -> None:
        name, _, value = line.partition(b":")  # no colon: the whole line is the name, value empty
        if value[:1] == b" ":
            value = value[1:]
        if name == b"data":
            self._data.append(value)
        elif name == b"event":
            self._event = value
        elif name == b"id":
            if b"\0" not in value:
                self.last_event_id = value.decode("utf-8", "replace")
        elif name == b"retry" and value.isdigit() and len(value) <= _MAX_RETRY_DIGITS:
            self._retry = int(value)  # bytes.isdigit() accepts ASCII digits only
