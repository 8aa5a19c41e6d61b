"""How ``client.ops.<operation_id>(...)`` sends: every operation the spec gives one API, with the
client's wire rules (auth, retries, typed errors, envelope unwrapping).

The typed methods are generated (``_operations/``); this planner is written once for the formation,
server and broker façades, sync and async: the client's transport decides (an async client's calls
return awaitables, its streams are AsyncStream). A façade's subclass says only what its API adds to
a call: a user, or how a stream is decoded and timed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from .events import TypedEventDecoder
from .streams import EventDecoder
from .streams_async import AsyncStream
from .streams_sync import Stream
from .transport_async import AsyncTransport
from .transport_sync import SyncTransport
from .wire import operation

EVENT_STREAM = "text/event-stream"


@dataclass(frozen=True)
class OpsCall:
    """One ops call before any I/O: the builder's arguments, the transport's options, and the
    decoder of its events when it opens a stream (None: a blocking call)."""

    arguments: dict[str, Any]
    options: dict[str, Any]
    decoder: EventDecoder[Any] | None = None


class Operations:
    """The planner behind an API's typed ``ops`` class (``_operations/<tag>_async.py``, generated):
    each typed method hands its arguments, by the generated builder's names, to :meth:`_invoke`.

    Besides the builder's parameters, a call may carry ``idempotency_key`` on the MUXI APIs and
    ``stream`` on an operation that can answer with an event stream. Returns the typed data model
    (else the unwrapped JSON, the text, or None); streams are Stream / AsyncStream of typed events.
    """

    def __init__(self, transport: SyncTransport | AsyncTransport, timeout: httpx.Timeout | None) -> None:
        self._transport = transport
        self._timeout = timeout  # a meshkit Timeout: the wire picks its stream or blocking limits

    def _invoke(self, name: str, arguments: dict[str, Any]) -> Any:
        """Send one typed call; an argument left at None is not sent (the builder's default holds)."""
        given = {key: value for key, value in arguments.items() if value is not None}
        return self._send(name, self._plan(name, operation(name), given))

    # --- planning: pure, overridden by the façades for what their API adds ---------------------------

    def _plan(self, name: str, entry: Mapping[str, Any], kwargs: dict[str, Any]) -> OpsCall:
        """The builder's arguments and the call's options; a stream's decoder when one is asked for."""
        parameters: Mapping[str, bool] = entry["parameters"]
        options: dict[str, Any] = {}
        if self._transport.wire.send_idempotency_key and "idempotency_key" not in parameters:
            options["idempotency_key"] = kwargs.pop("idempotency_key", None)
        streams = self._wants_stream(entry, parameters, kwargs)
        options["timeout"] = self._timeout
        return OpsCall(kwargs, options, self._decoder(entry) if streams else None)

    def _wants_stream(self, entry: Mapping[str, Any], parameters: Mapping[str, bool], kwargs: dict[str, Any]) -> bool:
        """Whether the call opens a stream (pops the ``stream=`` option it reads)."""
        if entry["stream"] == "always":
            return True
        if entry["stream"] != "optional":
            return False
        if "stream" not in parameters:
            return bool(kwargs.pop("stream", False))
        return str(kwargs.get("accept") or "").startswith(EVENT_STREAM)

    def _decoder(self, entry: Mapping[str, Any]) -> EventDecoder[Any]:
        """The events of a stream as the spec types them (``x-meshkit-events``)."""
        return TypedEventDecoder(dict(entry["events"] or {}))

    # --- sending: the only part that differs between sync and async ----------------------------------

    def _send(self, name: str, planned: OpsCall) -> Any:
        transport = self._transport
        if planned.decoder is None:
            return transport.call(name, planned.arguments, **planned.options)
        if isinstance(transport, AsyncTransport):
            async_transport = transport

            async def open_async() -> httpx.Response:
                return await async_transport.open_stream(name, planned.arguments, **planned.options)

            return AsyncStream(open_async, planned.decoder)
        sync_transport = transport

        def open_sync() -> httpx.Response:
            return sync_transport.open_stream(name, planned.arguments, **planned.options)

        return Stream(open_sync, planned.decoder)


__all__ = ["EVENT_STREAM", "Operations", "OpsCall"]
