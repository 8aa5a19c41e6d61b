"""Raw access to a call's HTTP answer: status, headers (rate limits, request ids) and the parsed
result together. The transports note each final response in a context variable only while
``with_raw_response`` runs (``raw_async.py`` and its generated twin); otherwise nothing is kept."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Generic, TypeVar

import httpx

T = TypeVar("T")

# The responses of the calls made inside one ``with_raw_response``; None outside of one.
CAPTURED: ContextVar[list[httpx.Response] | None] = ContextVar("meshkit_captured_responses", default=None)


@dataclass(frozen=True, slots=True)
class RawResponse(Generic[T]):
    """A method's result with the HTTP response it came from.

    ``parsed`` is what the method returns; ``http_response`` the final ``httpx.Response`` (after
    retries; its body already read, except a download's, which went to the file); ``responses``
    every final response, in the order they arrived, when the method made more than one call
    (``get_session`` reads a summary and then the messages; ``send_many`` one per message).
    """

    parsed: T
    http_response: httpx.Response
    responses: tuple[httpx.Response, ...]

    @property
    def status_code(self) -> int:
        """The HTTP status of the final response."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The headers of the final response (``raw.headers["x-ratelimit-remaining"]``)."""
        return self.http_response.headers


__all__ = ["CAPTURED", "RawResponse"]
