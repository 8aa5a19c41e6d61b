"""``Formation.chat_stream()`` of 20,000 content token frames as typed events vs raw httpx
``iter_lines`` + ``json.loads`` per frame: client CPU per stream.

The echo agent streams one content token per word of "You said: <message>", so a message of
19,998 words gives 20,000 content frames (plus progress/planning/thinking/completed/done).

Three rows. Against the dev server, the client mostly waits for frames, and a third arm, the
transport floor (the raw chunks iterated, nothing decoded), shows how much of the CPU is httpx's
and the socket's rather than decoding: the ratio cannot move far from 1.00 there. The second row
replays the same response (the bytes and chunk boundaries recorded from the dev server) through
``httpx.MockTransport``, so only the decoding differs between the arms. The third replays the same
bytes cut into 64 KB chunks instead, as a proxy or a buffering server delivers them: several
frames per chunk, and frames (even lines) cut anywhere at the chunk boundaries."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import httpx
from _harness import (
    CLIENT_KEY,
    DevServerProcess,
    Result,
    check_same_wire,
    formation_headers,
    idempotency_key,
    interleaved,
    median,
    recorded_headers,
)
from meshkit import Formation
from meshkit._core.events import ContentDelta

TOKENS = 20_000
ROUNDS = 9
COALESCED = 65_536  # bytes per chunk in the coalesced replay
MESSAGE = " ".join(f"w{i}" for i in range(TOKENS - 2))  # + "You " and "said: "


def _meshkit_arm(formation: Formation) -> Callable[[], None]:
    def arm() -> None:
        count = 0
        with formation.chat_stream(MESSAGE) as stream:
            for event in stream:
                if type(event) is ContentDelta:
                    count += 1
        assert count == TOKENS, count

    return arm


def _baseline_arm(raw: httpx.Client, url: str, headers: dict[str, str]) -> Callable[[], None]:
    def arm() -> None:
        count = 0
        parts = []
        call_headers = {**headers, "X-Muxi-Idempotency-Key": idempotency_key()}
        with raw.stream("POST", url, json={"message": MESSAGE, "stream": True}, headers=call_headers) as response:
            if response.status_code != 200:
                response.read()
                raise RuntimeError(response.text)
            for line in response.iter_lines():
                if line.startswith("data: "):
                    frame = json.loads(line[6:])
                    token = frame.get("token")
                    if isinstance(token, dict) and token.get("type") == "content":
                        parts.append(token["content"])
                        count += 1
        assert count == TOKENS, count

    return arm


def _floor_arm(raw: httpx.Client, url: str, headers: dict[str, str]) -> Callable[[], None]:
    def arm() -> None:
        call_headers = {**headers, "X-Muxi-Idempotency-Key": idempotency_key()}
        with raw.stream("POST", url, json={"message": MESSAGE, "stream": True}, headers=call_headers) as response:
            for _ in response.iter_raw():
                pass

    return arm


def _recorded_chunks(raw: httpx.Client, url: str, headers: dict[str, str]) -> tuple[list[bytes], dict[str, str]]:
    call_headers = {**headers, "X-Muxi-Idempotency-Key": idempotency_key()}
    with raw.stream("POST", url, json={"message": MESSAGE, "stream": True}, headers=call_headers) as response:
        chunks = list(response.iter_raw())
        kept = {name: response.headers[name] for name in ("content-type", "cache-control") if name in response.headers}
    return chunks, kept


def _replaying(chunks: list[bytes], response_headers: dict[str, str]) -> httpx.MockTransport:
    class Replay(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            return iter(chunks)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Replay(), headers=response_headers)

    return httpx.MockTransport(handler)


def _coalesced(chunks: list[bytes], size: int = COALESCED) -> list[bytes]:
    """The same bytes in chunks of ``size`` bytes (the last one shorter), cut wherever they fall."""
    body = b"".join(chunks)
    return [body[start : start + size] for start in range(0, len(body), size)]


def _replayed(
    chunks: list[bytes], response_headers: dict[str, str], url: str, headers: dict[str, str], server_url: str
) -> dict[str, list[float]]:
    """Both arms over the recorded response replayed as ``chunks`` (no socket): ms CPU per stream."""
    replay = _replaying(chunks, response_headers)
    canned_formation = Formation(url=server_url, client_key=CLIENT_KEY, http_client=httpx.Client(transport=replay))
    canned_raw = httpx.Client(transport=replay)
    try:
        canned = interleaved(
            {"meshkit": _meshkit_arm(canned_formation), "baseline": _baseline_arm(canned_raw, url, headers)}, ROUNDS
        )
    finally:
        canned_formation._transport.http.close()
        canned_raw.close()
    return {arm: [s * 1e3 for s in values] for arm, values in canned.items()}


def run(server: DevServerProcess) -> list[Result]:
    formation = Formation(url=server.formation_url, client_key=CLIENT_KEY)
    raw = httpx.Client(timeout=formation._settings.timeout)
    url = f"{server.formation_url}/v1/chat"
    headers = formation_headers(accept="text/event-stream")
    meshkit_arm, baseline_arm = _meshkit_arm(formation), _baseline_arm(raw, url, headers)
    try:
        with recorded_headers(formation._transport.http) as meshkit_wire, recorded_headers(raw) as baseline_wire:
            meshkit_arm()
            baseline_arm()
        check_same_wire("chat_stream", meshkit_wire, baseline_wire)
        chunks, response_headers = _recorded_chunks(raw, url, headers)
        arms = {"meshkit": meshkit_arm, "baseline": baseline_arm, "floor": _floor_arm(raw, url, headers)}
        live = interleaved(arms, ROUNDS)
    finally:
        formation.close()
        raw.close()

    canned_ms = _replayed(chunks, response_headers, url, headers, server.formation_url)
    coalesced = _coalesced(chunks)
    coalesced_ms = _replayed(coalesced, response_headers, url, headers, server.formation_url)
    live_ms = {arm: [s * 1e3 for s in values] for arm, values in live.items()}
    floor = median(live_ms["floor"])
    return [
        Result(
            "chat_stream() 20,000 frames, typed events, client CPU/stream",
            "ms CPU",
            median(live_ms["meshkit"]),
            median(live_ms["baseline"]),
            1.00,
            rounds=ROUNDS,
            notes=(
                f"baseline httpx iter_lines + json.loads per data: frame; transport floor (raw chunks, nothing "
                f"decoded) {floor:.0f} ms: decoding over it costs meshkit {median(live_ms['meshkit']) - floor:.0f} ms, "
                f"the baseline {median(live_ms['baseline']) - floor:.0f} ms; {len(chunks):,} chunks per stream"
            ),
            samples=live_ms,
        ),
        Result(
            "chat_stream() decoding the same 20,000 frames replayed (no socket), client CPU/stream",
            "ms CPU",
            median(canned_ms["meshkit"]),
            median(canned_ms["baseline"]),
            1.00,
            rounds=ROUNDS,
            notes="the dev server's recorded bytes and chunk boundaries through httpx.MockTransport, both arms",
            samples=canned_ms,
        ),
        Result(
            "chat_stream() decoding the same 20,000 frames replayed in 64 KB chunks (no socket), client CPU/stream",
            "ms CPU",
            median(coalesced_ms["meshkit"]),
            median(coalesced_ms["baseline"]),
            1.00,
            rounds=ROUNDS,
            notes=(
                f"the same recorded bytes cut into {len(coalesced):,} chunks of {COALESCED:,} bytes (several frames "
                "per chunk, frames cut at the boundaries) through httpx.MockTransport, both arms; baseline httpx "
                "iter_lines + json.loads per data: frame"
            ),
            samples=coalesced_ms,
        ),
    ]
