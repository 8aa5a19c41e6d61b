"""Record every answer the real runtime gives to meshkit, per formation operation.

An httpx response hook on the client meshkit is given (``http_client=``) sees each answer, finds
its operation in ``meshkit._generated.operations.OPERATIONS`` by method and path template, and
keeps status, content type and decoded body. ``write()`` saves them as JSON under
``tests/real/.answers/`` (gitignored), raw material for typing the operations later, and
``summary()`` says which formation operations answered 2xx.
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


@dataclass
class Recorder:
    answers: list[Answer] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _keep(self, response: httpx.Response, body: Any) -> None:
        request = response.request
        path = request.url.path
        operation = operation_for(request.method, path[path.index("/v1/") :] if "/v1/" in path else path)
        if operation is None:
            return
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
            self._keep(response, {"_stream": True})
            return
        response.read()
        self._keep(response, self._decode(response))

    async def ahook(self, response: httpx.Response) -> None:
        if self._is_stream(response):
            self._keep(response, {"_stream": True})
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

    def summary(self) -> str:
        statuses = self.statuses()
        ok = self.answered_2xx()
        lines = [f"real runtime: {len(ok)}/{len(FORMATION_OPERATIONS)} formation operations answered 2xx"]
        for name in sorted(statuses):
            codes = statuses[name]
            if name not in ok:
                lines.append(f"  not 2xx: {name:32} {sorted(set(codes)) or 'not called'}")
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
                    }
                )
        for name, kept in grouped.items():
            (directory / f"{name}.json").write_text(json.dumps(kept, indent=2, default=str) + "\n")
        statuses = {name: sorted(set(codes)) for name, codes in self.statuses().items()}
        (directory / "_summary.json").write_text(
            json.dumps({"answered_2xx": self.answered_2xx(), "statuses": statuses}, indent=2) + "\n"
        )
        return directory
