"""The SSE decoder: the recorded runtime stream under any chunking, each line rule of formation.md §8,
and hypothesis properties (chunking never changes the events; no input makes it raise)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from meshkit._core.sse import ServerSentEvent, SSEDecoder

RECORDED = (Path(__file__).parent.parent / "fixtures" / "muxi-chat-stream-sample.sse").read_bytes()
RECORDED_TOKEN_TYPES = ["progress", "thinking", "planning", "progress", "progress", "planning", "progress"]
RECORDED_TOKEN_TYPES += ["progress", "content", "content", "content", "content", "content", "completed"]


def decode(chunks: Iterable[bytes]) -> tuple[list[ServerSentEvent], SSEDecoder]:
    decoder = SSEDecoder()
    events = [event for chunk in chunks for event in decoder.feed(chunk)]
    return events + decoder.flush(), decoder


def events_of(*chunks: bytes) -> list[ServerSentEvent]:
    return decode(chunks)[0]


def split_at(payload: bytes, cuts: Iterable[int]) -> list[bytes]:
    bounds = [0, *sorted(cuts), len(payload)]
    return [payload[start:end] for start, end in itertools.pairwise(bounds)]


# --- the recorded runtime stream -------------------------------------------------------------------


def test_the_recorded_stream_gives_every_token_then_done() -> None:
    events, decoder = decode([RECORDED])
    assert [event.json()["token"]["type"] for event in events[:-1]] == RECORDED_TOKEN_TYPES
    assert all(event.event == "message" for event in events[:-1])
    assert events[-1] == ServerSentEvent("done", '{"finished":true}')
    assert events[-2].json()["token"]["content"] == "Hello from the stub LLM."
    assert decoder.comments == 2


def test_the_recorded_stream_fed_byte_by_byte_gives_the_same_events() -> None:
    assert events_of(*(RECORDED[i : i + 1] for i in range(len(RECORDED)))) == events_of(RECORDED)


def test_the_recorded_stream_split_at_every_point_gives_the_same_events() -> None:
    whole = events_of(RECORDED)
    for cut in range(len(RECORDED) + 1):
        assert events_of(RECORDED[:cut], RECORDED[cut:]) == whole, f"split at byte {cut}"


def test_events_are_returned_by_the_feed_that_completes_them() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b'data: {"token": "a"}\n') == []
    assert decoder.feed(b"\n") == [ServerSentEvent("message", '{"token": "a"}')]


# --- line endings ----------------------------------------------------------------------------------


def test_crlf_line_endings() -> None:
    assert events_of(b"event: ui\r\ndata: 1\r\n\r\ndata: 2\r\n\r\n") == [
        ServerSentEvent("ui", "1"),
        ServerSentEvent("message", "2"),
    ]


def test_bare_cr_line_endings() -> None:
    assert events_of(b"data: 1\r\rdata: 2\r\r") == [ServerSentEvent(data="1"), ServerSentEvent(data="2")]


def test_a_cr_at_a_chunk_end_and_the_lf_opening_the_next_chunk_are_one_line_end() -> None:
    # Read as two line ends, the "\n" would be a blank line dispatching "1" alone.
    assert events_of(b"data: 1\r", b"\ndata: 2\r", b"\n\r", b"\n") == [ServerSentEvent(data="1\n2")]


def test_an_empty_chunk_between_a_cr_and_its_lf_changes_nothing() -> None:
    assert events_of(b"data: 1\r", b"", b"\ndata: 2\r\n\r\n") == [ServerSentEvent(data="1\n2")]


def test_a_cr_at_a_chunk_end_followed_by_another_byte_is_a_line_end_of_its_own() -> None:
    assert events_of(b"data: 1\r", b"data: 2\r", b"\r") == [ServerSentEvent(data="1\n2")]


def test_a_blank_line_ended_by_cr_dispatches_without_waiting_for_the_next_chunk() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: 1\r\r") == [ServerSentEvent(data="1")]
    assert decoder.feed(b"\ndata: 2\n\n") == [ServerSentEvent(data="2")]  # that "\n" paired the CR


# --- fields ----------------------------------------------------------------------------------------


def test_multi_line_data_joins_with_newlines() -> None:
    assert events_of(b"data: a\ndata: b\ndata\ndata: c\n\n") == [ServerSentEvent(data="a\nb\n\nc")]


def test_comments_are_counted_and_dispatch_nothing() -> None:
    events, decoder = decode([b": keepalive\n\n:\n: x\ndata: 1\n\n: keepalive\n\n"])
    assert events == [ServerSentEvent(data="1")]
    assert decoder.comments == 4


def test_id_persists_across_events_and_retry_belongs_to_its_block() -> None:
    events, decoder = decode([b"id: 7\nretry: 1500\ndata: x\n\ndata: y\n\n"])
    assert events == [ServerSentEvent("message", "x", "7", 1500), ServerSentEvent("message", "y", "7", None)]
    assert decoder.last_event_id == "7"


def test_an_id_only_block_sets_the_last_event_id_without_an_event() -> None:
    events, decoder = decode([b"id: 9\n\n", b"id\ndata: x\n\n"])
    assert events == [ServerSentEvent(data="x", id="")]
    assert decoder.last_event_id == ""


def test_an_id_containing_nul_is_ignored() -> None:
    events, decoder = decode([b"id: 1\n\nid: a\0b\ndata: x\n\n"])
    assert events == [ServerSentEvent(data="x", id="1")]
    assert decoder.last_event_id == "1"


@pytest.mark.parametrize("value", [b"1.5", b"-1", b"", b"12a", "١٢".encode(), b"9" * 5000])
def test_retry_is_ignored_unless_all_ascii_digits(value: bytes) -> None:
    assert events_of(b"retry: " + value + b"\ndata: x\n\n") == [ServerSentEvent(data="x")]


def test_unknown_fields_are_ignored() -> None:
    assert events_of(b"foo: bar\nfoo\ndata: x\n\n") == [ServerSentEvent(data="x")]


def test_a_line_without_colon_is_a_field_with_an_empty_value() -> None:
    assert events_of(b"data\n\n") == [ServerSentEvent(data="")]
    assert events_of(b"event\ndata: x\n\n") == [ServerSentEvent("message", "x")]  # empty name: the default


def test_only_one_space_after_the_colon_is_removed() -> None:
    assert events_of(b"data:x\n\ndata:  x\n\ndata: x:y \n\n") == [
        ServerSentEvent(data="x"),
        ServerSentEvent(data=" x"),
        ServerSentEvent(data="x:y "),
    ]


def test_a_block_with_an_event_name_and_no_data_is_dispatched_as_the_contract_says() -> None:
    # WHATWG would drop it (it needs data); formation.md §8 dispatches a block with data OR event.
    assert events_of(b"event: ping\n\n") == [ServerSentEvent("ping", "")]


def test_blank_lines_alone_dispatch_nothing() -> None:
    assert events_of(b"\n\n\r\n\r\r") == []


def test_json_parses_the_data() -> None:
    assert ServerSentEvent(data='{"a": [1, 2]}').json() == {"a": [1, 2]}


# --- byte order mark -------------------------------------------------------------------------------


def test_an_initial_bom_is_skipped_even_when_split() -> None:
    stream = b"\xef\xbb\xbfdata: x\n\n"
    assert events_of(stream) == [ServerSentEvent(data="x")]
    assert events_of(*(stream[i : i + 1] for i in range(len(stream)))) == [ServerSentEvent(data="x")]


def test_a_bom_later_in_the_stream_is_part_of_its_line() -> None:
    # The second line's field name is "\ufeffdata", an unknown field.
    assert events_of(b"data: 1\n\n\xef\xbb\xbfdata: 2\n\n") == [ServerSentEvent(data="1")]
    assert events_of(b"\xef\xbb\xbf\xef\xbb\xbfdata: 2\n\n") == []


# --- end of stream ---------------------------------------------------------------------------------


def test_flush_dispatches_a_final_block_without_its_blank_line() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"event: done\ndata: {}\n") == []
    assert decoder.flush() == [ServerSentEvent("done", "{}")]
    assert decoder.flush() == []


def test_flush_parses_a_final_line_without_its_terminator() -> None:
    decoder = SSEDecoder()
    assert decoder.feed(b"data: 1\n\ndata: 2") == [ServerSentEvent(data="1")]
    assert decoder.flush() == [ServerSentEvent(data="2")]


def test_flush_of_an_empty_or_finished_stream_gives_nothing() -> None:
    assert SSEDecoder().flush() == []
    assert events_of(b"data: 1\n\n", b"") == [ServerSentEvent(data="1")]
    assert events_of(b": keepalive") == []


# --- UTF-8 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["é", "日本", "😀", "a€b𝄞"])
def test_a_character_split_across_chunks_is_decoded_whole(text: str) -> None:
    stream = f"event: {text}\ndata: {text}\n\n".encode()
    for cut in range(len(stream) + 1):
        assert events_of(stream[:cut], stream[cut:]) == [ServerSentEvent(text, text)], f"split at byte {cut}"


def test_invalid_utf8_is_replaced_not_raised() -> None:
    assert events_of(b"event: \xff\ndata: \xfe ok\ndata: \xe6\x97\n\n") == [
        ServerSentEvent("\ufffd", "\ufffd ok\n\ufffd")
    ]


# --- properties ------------------------------------------------------------------------------------

LINE_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\r\n\0"), max_size=12)
LINE_ENDINGS = st.sampled_from(["\n", "\r\n", "\r"])
BLOCKS = st.lists(
    st.tuples(
        st.booleans(),  # a keepalive comment first
        st.none() | LINE_TEXT,  # the event name
        st.none() | LINE_TEXT,  # the id
        st.lists(LINE_TEXT, max_size=3),  # the data lines
    ).filter(lambda block: block[1] is not None or block[3]),  # otherwise nothing is dispatched
    max_size=6,
)


Block = tuple[bool, str | None, str | None, list[str]]


def block_lines(blocks: list[Block]) -> tuple[list[str], list[ServerSentEvent]]:
    """The lines that send ``blocks``, and the events they must decode to."""
    lines: list[str] = []
    expected: list[ServerSentEvent] = []
    last_id = None
    for keepalive, name, event_id, data_lines in blocks:
        lines += [": keepalive"] if keepalive else []
        lines += [] if name is None else [f"event: {name}"]
        lines += [] if event_id is None else [f"id: {event_id}"]
        lines += [f"data: {line}" for line in data_lines]
        lines.append("")
        last_id = event_id if event_id is not None else last_id
        expected.append(ServerSentEvent(name or "message", "\n".join(data_lines), last_id))
    return lines, expected


def serialise(lines: list[str], endings: list[str]) -> bytes:
    text = ""
    for line, ending in zip(lines, endings, strict=False):
        if text.endswith("\r") and not line and ending == "\n":
            ending = "\r\n"  # "\r" then "\n" would read as one CRLF, not a line end plus a blank line
        text += line + ending
    return text.encode()


@settings(max_examples=200, deadline=None)
@given(blocks=BLOCKS, endings=st.lists(LINE_ENDINGS, min_size=42, max_size=42), data=st.data())
def test_any_events_with_any_line_endings_and_chunking_decode_to_themselves(
    blocks: list[Block], endings: list[str], data: st.DataObject
) -> None:
    lines, expected = block_lines(blocks)
    drop_final_blank_line = data.draw(st.booleans(), label="drop the final blank line (flush dispatches)")
    if lines and drop_final_blank_line:
        lines.pop()
    stream = serialise(lines, endings)  # 42 endings: up to 6 blocks of 7 lines
    cuts = data.draw(st.lists(st.integers(0, len(stream)), max_size=8), label="cuts")

    events, decoder = decode(split_at(stream, cuts))

    assert events == expected
    assert decoder.comments == sum(keepalive for keepalive, *_ in blocks)


SSE_PIECES = st.sampled_from(
    [
        *(b"data", b"event", b"id", b"retry", b":", b" ", b"\r", b"\n", b"\r\n", b"1", b"x", b"\0"),
        *(b"\xff", b"\xe6\x97", b"\xef\xbb\xbf", "é".encode(), "😀".encode()),  # invalid, cut, BOM, valid
    ]
)


@settings(max_examples=200, deadline=None)
@given(stream=st.binary(max_size=200) | st.lists(SSE_PIECES, max_size=60).map(b"".join), data=st.data())
def test_any_bytes_decode_without_raising_and_independently_of_chunking(stream: bytes, data: st.DataObject) -> None:
    cuts = data.draw(st.lists(st.integers(0, len(stream)), max_size=8), label="cuts")
    whole = events_of(stream)
    assert events_of(*split_at(stream, cuts)) == whole
    assert all(isinstance(event.data, str) and isinstance(event.event, str) for event in whole)


# --- coalesced chunks (a proxy's or a buffering server's: many frames per read) --------------------

COALESCED = 65_536


def _chat_frames() -> list[bytes]:
    """~170 KB of a chat stream: mostly one-line content frames (the decoder's fast path), with a
    keepalive, multi-byte characters, named events, ids, a retry and a multi-line event among them."""
    frames = [b": keepalive\n\n", b'data: {"token": {"type": "progress", "content": "start"}}\n\n']
    for index in range(2_800):
        word = ["w", "caf\xc3\xa9", "\xf0\x9f\x98\x80", "\xe2\x82\xac"][index % 4].encode("latin-1")
        frames.append(b'data: {"token": {"type": "content", "content": "' + word + b" %d" % index + b'"}}\n\n')
        if index == 1_000:
            frames.append(b'event: ui\nid: 7\ndata: {"ui": []}\n\n')
        if index == 1_600:
            frames.append(b"retry: 100\ndata: first\ndata: second\n\n: note\n\n")
        if index == 2_200:
            frames.append(b'data: {"token": "bare"}\r\n\r\n')
    frames.append(b'event: done\ndata: {"finished":true}\n\n')
    return frames


def test_a_frame_cut_at_every_position_across_64_kb_chunk_boundaries_decodes_identically() -> None:
    frames = _chat_frames()
    body = b"".join(frames)
    assert len(body) > 2 * COALESCED
    expected, reference = decode(frames)  # one frame per chunk: the line loop alone
    longest = max(len(frame) for frame in frames)
    for shift in range(longest + 1):  # the 64 KB boundaries fall at every position of the frames there
        rest = body[shift:]
        chunks = [body[:shift], *(rest[start : start + COALESCED] for start in range(0, len(rest), COALESCED))]
        events, decoder = decode(chunks)
        assert events == expected, f"shifted by {shift}"
        assert (decoder.comments, decoder.last_event_id) == (reference.comments, reference.last_event_id)
    assert len(expected) == 2_805


def test_the_whole_stream_in_one_chunk_decodes_as_frame_by_frame() -> None:
    frames = _chat_frames()
    assert events_of(b"".join(frames)) == events_of(*frames)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.binary(max_size=12).filter(lambda value: b"\n" not in value and b"\r" not in value), min_size=8),
    st.integers(min_value=1, max_value=64),
)
def test_many_one_line_frames_per_chunk_decode_as_one_frame_per_chunk(values: list[bytes], size: int) -> None:
    frames = [b"data: " + value + b"\n\n" for value in values]
    body = b"".join(frames)
    expected = events_of(*frames)
    assert events_of(body) == expected
    assert events_of(*(body[start : start + size] for start in range(0, len(body), size))) == expected
