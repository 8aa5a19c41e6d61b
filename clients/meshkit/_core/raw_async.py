"""``client.with_raw_response(method, ...)``: a method's result with its HTTP response (generated
twin: ``raw_sync.py``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

import httpx

from .errors import MeshkitError
from .raw import CAPTURED, RawResponse

P = ParamSpec("P")
T = TypeVar("T")


class AsyncRawAccess:
    """What every client adds for raw access."""

    async def with_raw_response(
        self, method: Callable[P, Awaitable[T]], /, *args: P.args, **kwargs: P.kwargs
    ) -> RawResponse[T]:
        """Call ``method(*args, **kwargs)`` (a method of this client or of its ``ops``) and return
        its result with the HTTP response it came from: status, headers and the parsed result.

        >>> raw = await formation.with_raw_response(formation.get_agent, "researcher")   # doctest: +SKIP
        >>> raw.status_code, raw.headers["content-type"], raw.parsed.name                  # doctest: +SKIP
        (200, 'application/json', 'Researcher')

        A stream has its own: ``stream.response`` once it has started. An error answer raises as
        usual, and its ``APIError.response`` is the response.
        """
        captured: list[httpx.Response] = []
        token = CAPTURED.set(captured)
        try:
            parsed = await method(*args, **kwargs)
        finally:
            CAPTURED.reset(token)
        if not captured:
            raise MeshkitError(
                f"{getattr(method, '__name__', 'the method')} sent no request",
                hint="pass a method of this client or of its ops; a stream's response is stream.response",
            )
        return RawResponse(parsed, captured[-1], tuple(captured))


__all__ = ["AsyncRawAccess"]
