"""How ``client.ops.<operation_id>(...)`` sends: every operation the spec gives one API, with the
client's wire rules (auth, retries, typed errors, envelope unwrapping).

The typed methods are generated (``_operations/``); this planner is written once for the formation,
server and broker façades, sync and async: the client's transport decides (an async client's calls
return awaitables, its streams are AsyncStream). A façade's subclass says only what its API adds to
a call: a user, or how a stream is decoded and timed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .events import TypedEventDecoder
from .options import OPTION_NAMES, apply_options
from .plan import Plan
from .streams import EventDecoder
from .transport_async import AsyncTransport
from .transport_sync import SyncTransport
from .wire import operation

if TYPE_CHECKING:
    from .._generated.operations import Operation

EVENT_STREAM = "text/event-stream"


class Operations:
    """The planner behind an API's typed ``ops`` class (``_operations/<tag>_async.py``, generated):
    each typed method hands its arguments, by the generated builder's names, to :meth:`_invoke`.

    Besides the builder's parameters, a call may carry ``idempotency_key`` on the MUXI APIs,
    ``stream`` on an operation that can answer with an event stream, and the per-call options
    (``extra_headers``, ``extra_query``, ``extra_body``, ``timeout``: ``options.py``). Returns the typed data model
    (else the unwrapped JSON, the text, or None); streams are Stream / AsyncStream of typed events.
    """

    def __init__(self, transport: SyncTransport | AsyncTransport) -> None:
        self._transport = transport

    def _invoke(self, name: str, arguments: dict[str, Any]) -> Any:
        """Send one typed call; an argument left at None is not sent (the builder's default holds)."""
        given = {key: value for key, value in arguments.items() if value is not None}
        plan, decoder = self._plan(name, operation(name), given)
        if decoder is None:
            return self._transport.run(plan)
        return self._transport.stream(plan, decoder)

    # --- planning: pure, overridden by the façades for what their API adds ---------------------------

    def _plan(self, name: str, entry: Operation, kwargs: dict[str, Any]) -> tuple[Plan[Any], EventDecoder[Any] | None]:
        """The call's plan, and its events' decoder when it opens a stream (None: a blocking call)."""
        parameters: Mapping[str, bool] = entry["parameters"]
        key = None
        if self._transport.wire.send_idempotency_key and "idempotency_key" not in parameters:
            key = kwargs.pop("idempotency_key", None)
        options = {option: kwargs.pop(option) for option in OPTION_NAMES.intersection(kwargs)}
        streams = self._wants_stream(entry, parameters, kwargs)
        plan: Plan[Any] = apply_options(Plan(name, kwargs, idempotency_key=key), options)
        return plan, self._decoder(entry) if streams else None

    def _wants_stream(self, entry: Operation, parameters: Mapping[str, bool], kwargs: dict[str, Any]) -> bool:
        """Whether the call opens a stream (pops the ``stream=`` option it reads)."""
        if entry["stream"] == "always":
            return True
        if entry["stream"] != "optional":
            return False
        if "stream" not in parameters:
            return bool(kwargs.pop("stream", False))
        return str(kwargs.get("accept") or "").startswith(EVENT_STREAM)

    def _decoder(self, entry: Operation) -> EventDecoder[Any]:
        """The events of a stream as the spec types them (``x-meshkit-events``)."""
        return TypedEventDecoder(dict(entry["events"] or {}))


__all__ = ["EVENT_STREAM", "Operations"]
