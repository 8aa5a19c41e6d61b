"""The retry policy's decisions: what is retried, how long to wait, and Retry-After parsing."""

from __future__ import annotations

import email.utils

import httpx
import pytest
from meshkit._core.retry import RetryPolicy, parse_retry_after

NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    "headers, expected",
    [
        ({"retry-after": "2"}, 2.0),
        ({"retry-after": "1.5"}, 1.5),
        ({"retry-after-ms": "250"}, 0.25),
        ({"retry-after-ms": "250", "retry-after": "9"}, 0.25),
        ({"retry-after": email.utils.formatdate(NOW + 30, usegmt=True)}, 30.0),
        ({"retry-after": "Sunday, 06-Nov-94 08:49:37 GMT"}, 0.0),  # RFC 850, in the past: floored
        ({"retry-after": "Sun Nov  6 08:49:37 1994"}, 0.0),  # asctime
        ({"retry-after": "-1"}, None),
        ({"retry-after": ""}, None),
        ({"retry-after": "soon"}, None),
        ({"retry-after": "nan"}, None),
        ({"retry-after": "inf"}, None),
        ({"retry-after-ms": "x"}, None),
        ({}, None),
    ],
)
def test_retry_after(headers: dict[str, str], expected: float | None) -> None:
    parsed = parse_retry_after(httpx.Headers(headers), now=NOW)
    if expected is None:
        assert parsed is None
    else:
        assert parsed == pytest.approx(expected)


def _response(status: int, **headers: str) -> httpx.Response:
    return httpx.Response(status, headers=headers)


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_retryable_statuses_for_safe_and_idempotent_calls(status: int) -> None:
    policy = RetryPolicy()
    assert policy.response_is_retryable("safe", _response(status))
    assert policy.response_is_retryable("idempotency-key", _response(status))
    assert not policy.response_is_retryable("never", _response(status))


@pytest.mark.parametrize("status", [400, 401, 402, 403, 404, 405, 413, 422])
def test_other_client_errors_are_never_retried(status: int) -> None:
    assert not RetryPolicy().response_is_retryable("safe", _response(status))


def test_retry_after_beyond_the_cap_surfaces_at_once() -> None:
    policy = RetryPolicy()
    assert policy.response_is_retryable("safe", _response(429, **{"retry-after": "60"}))
    assert not policy.response_is_retryable("safe", _response(429, **{"retry-after": "61"}))


def test_x_should_retry_overrides_the_status_rule() -> None:
    policy = RetryPolicy()
    assert policy.response_is_retryable("safe", _response(400, **{"x-should-retry": "true"}))
    assert not policy.response_is_retryable("safe", _response(503, **{"x-should-retry": "false"}))
    assert not policy.response_is_retryable("never", _response(503, **{"x-should-retry": "true"}))
    assert not policy.response_is_retryable("safe", _response(200, **{"x-should-retry": "true"}))  # a success is final


def test_transport_errors() -> None:
    request = httpx.Request("POST", "http://x")
    connect = httpx.ConnectError("refused", request=request)
    read = httpx.ReadError("reset", request=request)
    assert RetryPolicy.exception_is_retryable("never", connect)  # nothing was sent
    assert RetryPolicy.exception_is_retryable("never", httpx.ConnectTimeout("slow", request=request))
    assert not RetryPolicy.exception_is_retryable("never", read)  # the server may have acted
    assert RetryPolicy.exception_is_retryable("safe", read)
    assert RetryPolicy.exception_is_retryable("idempotency-key", httpx.ReadTimeout("t", request=request))
    assert not RetryPolicy.exception_is_retryable("safe", ValueError("not a transport error"))


def test_backoff_is_jittered_below_the_exponential_cap() -> None:
    policy = RetryPolicy()
    for attempt, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (5, 8.0), (10, 8.0)]:
        waits = [policy.backoff(attempt) for _ in range(200)]
        assert all(0 <= w <= ceiling for w in waits)
        assert max(waits) > ceiling / 2  # really spread, not a constant


def test_tenacity_sends_at_most_max_retries_plus_one_and_returns_the_last_answer() -> None:
    import tenacity

    calls: list[int] = []

    def send() -> httpx.Response:
        calls.append(1)
        return _response(503, **{"retry-after": "0"})

    retrying = tenacity.Retrying(**RetryPolicy(max_retries=2).tenacity_kwargs("safe"))
    final = retrying(send)
    assert final.status_code == 503 and len(calls) == 3

    calls.clear()
    never = tenacity.Retrying(**RetryPolicy(max_retries=2).tenacity_kwargs("never"))
    assert never(send).status_code == 503 and len(calls) == 1


def test_tenacity_reraises_the_last_transport_error() -> None:
    import tenacity

    request = httpx.Request("GET", "http://x")

    def send() -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    retrying = tenacity.Retrying(**{**RetryPolicy(max_retries=1).tenacity_kwargs("safe"), "wait": tenacity.wait_none()})
    with pytest.raises(httpx.ConnectError):
        retrying(send)
