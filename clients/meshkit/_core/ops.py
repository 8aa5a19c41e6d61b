"""``client.ops.<operation_id>(...)``: every operation the spec gives one API, including ones added
by ``make generate`` after the façades were written, sent with the client's wire rules (auth,
retries, typed errors, envelope unwrapping).

Written once for the formation, server and broker façades, sync and async: the client's transport
decides (an async client's calls return awaitables, its streams are AsyncStream). A façade's
subclass says only what its API adds to a call: a user, or how a stream is decoded and timed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import httpx

from .events import TypedEventDecoder
from .streams import EventDecoder
from .streams_async import AsyncStream
from .streams_sync import Stream
from .transport_async import AsyncTransport
from .transport_sync import SyncTransport
from .wire import bind_arguments, builder_parameters, operations

EVENT_STREAM = "text/event-stream"


@dataclass(frozen=True)
class OpsCall:
    """One ops call before any I/O: the builder's arguments, the transport's options, and the
    decoder of its events when it opens a stream (None: a blocking call)."""

    arguments: dict[str, Any]
    options: dict[str, Any]
    decoder: EventDecoder[Any] | None = None


class Operations:
    """``ops.<operation_id>(...)``: the operations of one API (``tag``) of the spec.

    Arguments are the generated builder's: path parameters (positionally or by name), ``body=``
    (a dict or a model), query and header parameters. Besides: ``idempotency_key=`` on the MUXI
    APIs, and ``stream=True`` on an operation that can answer with an event stream (or
    ``accept="text/event-stream"``, the spec's own way, when the operation has a parameter named
    ``stream``). Returns the typed data model (else the unwrapped JSON, the text, or None); streams
    are Stream / AsyncStream of typed events.
    """

    tag: ClassVar[str]

    def __init__(self, transport: SyncTransport | AsyncTransport, timeout: httpx.Timeout | None) -> None:
        self._transport = transport
        self._timeout = timeout  # a meshkit Timeout: the wire picks its stream or blocking limits

    def __dir__(self) -> list[str]:
        return sorted(op_id for op_id, entry in operations().items() if self.tag in entry["tags"])

    def __getattr__(self, name: str) -> Callable[..., Any]:
        entry = operations().get(name)
        if name.startswith("_") or entry is None or self.tag not in entry["tags"]:
            raise AttributeError(f"the {self.tag} API has no operation {name!r}")

        def call(*args: Any, **kwargs: Any) -> Any:
            return self._send(name, self._plan(name, entry, args, kwargs))

        call.__name__ = name
        call.__doc__ = f"{entry['method']} {entry['path']} ({self.tag} operation {name})"
        return call

    # --- planning: pure, overridden by the façades for what their API adds ---------------------------

    def _plan(self, name: str, entry: Mapping[str, Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> OpsCall:
        """The builder's arguments and the call's options; a stream's decoder when one is asked for."""
        parameters = builder_parameters(name, self.tag)
        options: dict[str, Any] = {}
        if self._transport.wire.send_idempotency_key and "idempotency_key" not in parameters:
            options["idempotency_key"] = kwargs.pop("idempotency_key", None)
        streams = self._wants_stream(entry, parameters, kwargs)
        arguments = bind_arguments(name, self.tag, args, kwargs)
        options["timeout"] = self._timeout
        return OpsCall(arguments, options, self._decoder(entry) if streams else None)

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
