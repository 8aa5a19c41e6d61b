"""Record every answer the real runtime gives to meshkit, per formation operation.

An httpx response hook on the client meshkit is given (``http_client=``) sees each answer, finds
its operation in ``meshkit._generated.operations.OPERATIONS`` by method and path template, and
keeps status, content type and decoded body. ``write()`` saves them as JSON under
``tests/real/.answers/`` (gitignored), raw material for typing the operations later, and
``summary()`` says which formation operations answered 2xx and matched the spec. An event stream's
answer keeps the names of the SSE events read through it (``events``; the probe opens the endless
ones and closes them unread).
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from meshkit._generated.operations import OPERATIONS

ANSWERS_DIR = Path(__file__).resolve().parent / ".answers"
MAX_KEPT = 5  # answers kept per operation and status
LAST: Recorder | None = None  # the session's recorder (set by conftest), for the terminal summary


def _pattern(path: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", path)
    return re.compile("^" + "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts) + "$")


FORMATION_OPERATIONS: dict[str, dict[str, Any]] = {
    name: entry for name, entry in OPERATIONS.items() if "formation" in entry["tags"]
}
_ROUTES = sorted(
    (
        (entry["method"], _pattern(entry["path"]), len(re.sub(r"\{[^}]+\}", "", entry["path"])), name)
        for name, entry in FORMATION_OPERATIONS.items()
    ),
    key=lambda route: -route[2],  # the most literal template wins (/credentials/services before /{id})
)


def operation_for(method: str, path: str) -> str | None:
    for route_method, pattern, _, name in _ROUTES:
        if route_method == method and pattern.match(path):
            return name
    return None


@dataclass
class Answer:
    operation: str
    method: str
    path: str
    status: int
    content_type: str
    body: Any
    stream: _EventNames | None = None

    @property
    def events(self) -> list[str] | None:
        """The names of the SSE events read through an event-stream answer (else None)."""
        return list(self.stream.names) if self.stream is not None else None


class _EventNames:
    """Collects the ``event:`` names of the SSE frames that pass through (``data`` frames without a
    name count as ``message``); ``complete`` once the stream was read to its end."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.complete = False
        self._buffer = b""
        self._name: str | None = None
        self._data = False

    def feed(self, chunk: bytes) -> None:
        self._buffer += chunk
        *lines, self._buffer = self._buffer.replace(b"\r\n", b"\n").split(b"\n")
        for raw in lines:
            line = raw.decode("utf-8", "replace")
            if line == "":
                if self._data:
                    self.names.append(self._name or "message")
                self._name, self._data = None, False
            elif line.startswith("event:"):
                self._name = line[6:].strip()
            elif line.startswith("data:"):
                self._data = True

    def end(self) -> None:
        self.feed(b"\n\n")
        self.complete = True


class _TeeStream(httpx.SyncByteStream):
    def __init__(self, inner: Any, names: _EventNames) -> None:
        self.inner, self.names = inner, names

    def __iter__(self) -> Any:
        for chunk in self.inner:
            self.names.feed(chunk)
            yield chunk
        self.names.end()

    def close(self) -> None:
        self.inner.close()


class _AsyncTeeStream(httpx.AsyncByteStream):
    def __init__(self, inner: Any, names: _EventNames) -> None:
        self.inner, self.names = inner, names

    async def __aiter__(self) -> Any:
        async for chunk in self.inner:
            self.names.feed(chunk)
            yield chunk
        self.names.end()

    async def aclose(self) -> None:
        await self.inner.aclose()


@dataclass
class Recorder:
    answers: list[Answer] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _keep(self, response: httpx.Response, body: Any) -> Answer | None:
        request = response.request
        path = request.url.path
        operation = operation_for(request.method, path[path.index("/v1/") :] if "/v1/" in path else path)
        if operation is None:
            return None
        answer = Answer(
            operation,
            request.method,
            path,
            response.status_code,
            response.headers.get("content-type", ""),
            body,
        )
        with self.lock:
            self.answers.append(answer)
        return answer

    def _tee(self, response: httpx.Response, asynchronous: bool) -> None:
        answer = self._keep(response, {"_stream": True})
        if answer is None or response.headers.get("content-encoding"):
            return
        answer.stream = _EventNames()
        response.stream = (_AsyncTeeStream if asynchronous else _TeeStream)(response.stream, answer.stream)

    @staticmethod
    def _is_stream(response: httpx.Response) -> bool:
        return "text/event-stream" in response.headers.get("content-type", "")

    @staticmethod
    def _decode(response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError:
            return {"_text": response.text[:2000]}

    def hook(self, response: httpx.Response) -> None:
        if self._is_stream(response):
            self._tee(response, asynchronous=False)
            return
        response.read()
        self._keep(response, self._decode(response))

    async def ahook(self, response: httpx.Response) -> None:
        if self._is_stream(response):
            self._tee(response, asynchronous=True)
            return
        await response.aread()
        self._keep(response, self._decode(response))

    def client(self, timeout: float = 60.0) -> httpx.Client:
        return httpx.Client(timeout=timeout, event_hooks={"response": [self.hook]})

    def async_client(self, timeout: float = 60.0) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=timeout, event_hooks={"response": [self.ahook]})

    # --- results ------------------------------------------------------------------------------------

    def statuses(self) -> dict[str, list[int]]:
        seen: dict[str, list[int]] = {name: [] for name in FORMATION_OPERATIONS}
        for answer in self.answers:
            seen[answer.operation].append(answer.status)
        return seen

    def answered_2xx(self) -> list[str]:
        return sorted(name for name, codes in self.statuses().items() if any(200 <= c < 300 for c in codes))

    def matched(self) -> dict[str, list[str]]:
        """Per operation that answered 2xx, how its 2xx answers disagree with the spec (tests/real/contract.py)."""
        from contract import problems

        found: dict[str, list[str]] = {}
        for answer in self.answers:
            if 200 <= answer.status < 300:
                found.setdefault(answer.operation, [])
                for problem in problems(answer.operation, answer.status, answer.content_type, answer.body):
                    if problem not in found[answer.operation]:
                        found[answer.operation].append(problem)
        return found

    def summary(self) -> str:
        statuses = self.statuses()
        ok = self.answered_2xx()
        checked = self.matched()
        matched = [name for name in ok if not checked.get(name)]
        lines = [
            f"real runtime: {len(matched)}/{len(FORMATION_OPERATIONS)} formation operations answered 2xx "
            "and matched the spec"
        ]
        for name in sorted(statuses):
            codes = statuses[name]
            if name not in ok:
                lines.append(f"  not 2xx: {name:32} {sorted(set(codes)) or 'not called'}")
            elif checked.get(name):
                lines.append(f"  2xx, not the spec: {name:32} {checked[name][0][:160]}")
        return "\n".join(lines)

    def write(self, directory: Path = ANSWERS_DIR) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob("*.json"):
            old.unlink()
        grouped: dict[str, list[dict[str, Any]]] = {}
        for answer in self.answers:
            kept = grouped.setdefault(answer.operation, [])
            if sum(1 for a in kept if a["status"] == answer.status) < MAX_KEPT:
                kept.append(
                    {
                        "method": answer.method,
                        "path": answer.path,
                        "status": answer.status,
                        "content_type": answer.content_type,
                        "body": answer.body,
                        **({"events": answer.events} if answer.events is not None else {}),
                    }
                )
        for name, kept in grouped.items():
            (directory / f"{name}.json").write_text(json.dumps(kept, indent=2, default=str) + "\n")
        statuses = {name: sorted(set(codes)) for name, codes in self.statuses().items()}
        (directory / "_summary.json").write_text(
            json.dumps({"answered_2xx": self.answered_2xx(), "statuses": statuses}, indent=2) + "\n"
        )
        return directory
