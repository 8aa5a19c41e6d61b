"""Retry policy edges, through the façades over MockTransport (waits recorded, never slept)."""

from __future__ import annotations

import asyncio
import email.utils
import itertools
import re
import time

import httpx
import pytest
from meshkit import AsyncFormation, Formation, ServerClient
from meshkit._core.errors import (
    ConnectionError,
    NotFoundError,
    RateLimitError,
    ServerError,
    ValidationError,
)
from resilience_support import CLIENT_KEY, KEY_ID, SECRET, Script, chat_ok, error, record_waits

URL = "http://formation.test"
RESTARTED = {
    "success": True,
    "data": {"id": "bot", "status": "running", "message": "ok", "restart_count": 1, "port": 8001},
}
SERVER = "http://server.test"


def _formation(script: Script, **options: object) -> tuple[Formation, list[float]]:
    formation = Formation(url=URL, client_key=CLIENT_KEY, http_client=script.sync(), **options)  # type: ignore[arg-type]
    return formation, record_waits(formation)


def _server(script: Script) -> tuple[ServerClient, list[float]]:
    server = ServerClient(SERVER, key_id=KEY_ID, secret_key=SECRET, http_client=script.sync())
    return server, record_waits(server)


def test_retry_after_ms_is_honoured() -> None:
    script = Script(error(429, **{"retry-after-ms": "250"}), chat_ok)
    formation, waits = _formation(script)
    formation.chat("hi")
    assert waits == [0.25] and len(script.requests) == 2


def test_retry_after_seconds_is_honoured() -> None:
    script = Script(error(503, **{"retry-after": "3"}), chat_ok)
    formation, waits = _formation(script)
    formation.chat("hi")
    assert waits == [3.0]


def test_retry_after_http_date_is_honoured() -> None:
    date = email.utils.formatdate(time.time() + 20, usegmt=True)
    script = Script(error(429, **{"retry-after": date}), chat_ok)
    formation, waits = _formation(script)
    formation.chat("hi")
    assert len(waits) == 1 and 17.0 <= waits[0] <= 20.0


def test_retry_after_date_in_the_past_does_not_crash() -> None:
    script = Script(error(429, **{"retry-after": "Sun, 06 Nov 1994 08:49:37 GMT"}), chat_ok)
    formation, waits = _formation(script)
    formation.chat("hi")
    assert waits == [0.0]


def test_retry_after_beyond_the_cap_surfaces_at_once() -> None:
    script = Script(error(429, **{"retry-after": "120"}), chat_ok)
    formation, waits = _formation(script)
    with pytest.raises(RateLimitError) as caught:
        formation.chat("hi")
    assert caught.value.retry_after == 120.0
    assert waits == [] and len(script.requests) == 1


def test_without_retry_after_the_backoff_is_jittered_and_capped() -> None:
    script = Script(error(503), error(503), chat_ok)
    formation, waits = _formation(script)
    formation.chat("hi")
    assert len(waits) == 2 and 0 <= waits[0] <= 0.5 and 0 <= waits[1] <= 1.0


def test_x_should_retry_false_wins_over_a_retryable_status() -> None:
    script = Script(error(503, **{"x-should-retry": "false"}), chat_ok)
    formation, _ = _formation(script)
    with pytest.raises(ServerError):
        formation.chat("hi")
    assert len(script.requests) == 1


def test_x_should_retry_true_wins_over_a_client_error() -> None:
    script = Script(error(400, **{"x-should-retry": "true"}), chat_ok)
    formation, _ = _formation(script)
    formation.chat("hi")
    assert len(script.requests) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 413, 422])
def test_client_errors_are_never_retried(status: int) -> None:
    script = Script(error(status), chat_ok)
    formation, _ = _formation(script)
    with pytest.raises(Exception) as caught:
        formation.chat("hi")
    assert getattr(caught.value, "status_code", None) == status
    assert len(script.requests) == 1


@pytest.mark.parametrize("status", [408, 409, 429])
def test_408_409_429_are_retried(status: int) -> None:
    script = Script(error(status, **{"retry-after": "0"}), chat_ok)
    formation, _ = _formation(script)
    formation.chat("hi")
    assert len(script.requests) == 2


@pytest.mark.parametrize(
    "failure", [httpx.ReadError("reset"), httpx.RemoteProtocolError("gone"), httpx.ReadTimeout("x")]
)
def test_a_never_class_post_is_not_resent_once_the_server_may_have_acted(failure: Exception) -> None:
    script = Script(failure, httpx.Response(200, json={"success": True, "data": {}}))
    server, _ = _server(script)
    with pytest.raises((ConnectionError, TimeoutError)):
        server.restart_formation("bot")
    assert len(script.requests) == 1


def test_a_never_class_formation_post_is_not_resent_after_a_5xx() -> None:
    script = Script(error(503), httpx.Response(200, json={"success": True, "data": {}}))
    formation, _ = _formation(script)
    with pytest.raises(ServerError):
        formation.ops.create_memory(body={"type": "preference", "detail": "tea"}, user_id="u1")
    assert len(script.requests) == 1


def test_connect_errors_are_retried_for_every_request() -> None:
    script = Script(httpx.ConnectError("refused"), httpx.Response(200, json=RESTARTED))
    server, waits = _server(script)
    server.restart_formation("bot")
    assert len(script.requests) == 2 and len(waits) == 1


def test_muxi_hmac_is_resigned_on_every_attempt() -> None:
    script = Script(
        error(503, **{"retry-after": "0"}),
        error(503, **{"retry-after": "0"}),
        httpx.Response(200, json={"success": True, "data": {"formations": [], "total": 0}}),
    )
    server, _ = _server(script)
    ticks = itertools.count(1_800_000_000, 7)
    server._wire.auth._clock = lambda: float(next(ticks))  # type: ignore[attr-defined]
    assert server.list_formations() == []
    stamps = [re.search(r"timestamp=(\d+)", r.headers["authorization"]).group(1) for r in script.requests]  # type: ignore[union-attr]
    signatures = [re.search(r"signature=(\S+)", r.headers["authorization"]).group(1) for r in script.requests]  # type: ignore[union-attr]
    assert stamps == ["1800000000", "1800000007", "1800000014"]
    assert len(set(signatures)) == 3


def test_one_idempotency_key_per_call_reused_on_every_retry() -> None:
    script = Script(error(503, **{"retry-after": "0"}), httpx.ReadError("reset"), chat_ok, error(503), chat_ok)
    formation, _ = _formation(script)
    formation.chat("first")
    formation.chat("second")
    keys = [r.headers["x-muxi-idempotency-key"] for r in script.requests]
    assert len(keys) == 5
    assert len(set(keys[:3])) == 1 and len(set(keys[3:])) == 1 and keys[0] != keys[3]


def test_a_callers_idempotency_key_is_never_overridden() -> None:
    script = Script(error(503, **{"retry-after": "0"}), error(502), chat_ok)
    formation, _ = _formation(script)
    result = formation.chat("hi", idempotency_key="caller-key-1")
    assert [r.headers["x-muxi-idempotency-key"] for r in script.requests] == ["caller-key-1"] * 3
    assert result is not None


def test_the_async_loop_uses_the_same_policy_and_seam() -> None:
    script = Script(error(429, **{"retry-after-ms": "100"}), httpx.ConnectError("refused"), chat_ok)

    async def run() -> list[float]:
        async with AsyncFormation(url=URL, client_key=CLIENT_KEY, http_client=script.asynchronous()) as formation:
            waits = record_waits(formation)
            await formation.chat("hi", idempotency_key="k-async")
            return waits

    waits = asyncio.run(run())
    assert waits[0] == 0.1 and len(waits) == 2
    assert {r.headers["x-muxi-idempotency-key"] for r in script.requests} == {"k-async"}


def test_exhausted_retries_surface_the_last_typed_error() -> None:
    script = Script(error(503, **{"retry-after": "0"}))
    formation, waits = _formation(script, max_retries=3)
    with pytest.raises(ServerError):
        formation.chat("hi")
    assert len(script.requests) == 4 and waits == [0.0, 0.0, 0.0]


def test_not_found_and_validation_are_typed() -> None:
    for status, kind in ((404, NotFoundError), (422, ValidationError)):
        script = Script(error(status))
        formation, _ = _formation(script)
        with pytest.raises(kind):
            formation.chat("hi")
