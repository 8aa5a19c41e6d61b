"""One call before any I/O, for every façade and ``ops``: which operation, its arguments, who it
is for, and how its answer becomes the result. Planning is pure; ``transport.run(plan)`` (or
``transport.stream(plan, decoder)``) sends it, the same way on the blocking and asyncio clients.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, cast

import httpx

T = TypeVar("T")


@dataclass(slots=True)  # not frozen: a frozen __init__ costs ~1 µs more, on every call
class Plan(Generic[T]):
    """``operation_id`` with ``arguments`` by the generated builder's names; ``user_id`` (the
    ``X-Muxi-User-ID`` header), ``idempotency_key``, extra ``headers``, ``query`` parameters and
    ``extra_body`` fields, and a ``timeout`` other than the client's (see ``options.py``);
    ``finish`` turns the decoded answer into the result, from the generated model (``typed``) or
    from the unwrapped JSON (``typed=False``)."""

    operation_id: str
    arguments: Mapping[str, Any] = field(default_factory=dict)
    user_id: str | None = None
    idempotency_key: str | None = None
    headers: Mapping[str, str] | None = None
    timeout: httpx.Timeout | None = None
    finish: Callable[[Any], T] | None = None
    typed: bool = True
    query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None

    def options(self) -> dict[str, Any]:
        """The transport's keyword options for this call."""
        return {
            "user_id": self.user_id,
            "idempotency_key": self.idempotency_key,
            "headers": self.headers,
            "timeout": self.timeout,
            "query": self.query,
            "extra_body": self.extra_body,
        }

    def finished(self, answer: Any) -> T:
        """The result of a decoded answer."""
        return self.finish(answer) if self.finish is not None else cast(T, answer)
