"""Triggers: templates rendered with the posted data and played as a chat turn of the echo agent."""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .._wire import dumps
from ._chat import RequestRecord, Session, chat_state, tokens_of
from ._core import Call, FormationError, Reply
from ._definition import DEFAULT_TRIGGERS
from ._logs import logged_operation
from ._shared import body_field, by_name, found, new_id, required_field, user_of

if TYPE_CHECKING:
    from . import FormationRuntime

TRIGGER_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
PLACEHOLDER = re.compile(r"\$?\{\{\s*(?:data\.)?([A-Za-z0-9_.]+)\s*\}\}")  # {{a.b}} and ${{ data.a.b }}


def triggers(runtime: FormationRuntime) -> dict[str, dict[str, Any]]:
    """The formation's trigger templates by name: ``{name, content, data_fields}``."""
    raw = runtime.definition.get("triggers") or DEFAULT_TRIGGERS
    result = {}
    for name, item in by_name(raw).items():
        content = str(item.get("content") or item.get("template") or "")
        fields = item.get("data_fields") or list(dict.fromkeys(PLACEHOLDER.findall(content))) or None
        result[name] = {"name": name, "content": content, "data_fields": fields}
    return result


def trigger_of(call: Call) -> dict[str, Any]:
    """The trigger named by the path (400 for a malformed name, 404 TRIGGER_NOT_FOUND)."""
    name = call.path_params["trigger_name"]
    if not TRIGGER_NAME.match(name):
        raise FormationError(400, f"Invalid trigger name '{name}': letters, digits, '-' and '_' only")
    return found(triggers(call.runtime), name, "Trigger", "TRIGGER_NOT_FOUND")


def render(template: str, data: dict[str, Any]) -> str:
    """The template with each placeholder replaced by its (dotted) path in ``data``; a placeholder whose
    value is missing stays as written, so the rendered message shows what the data lacked."""

    def value(match: re.Match[str]) -> str:
        node: Any = data
        for part in match.group(1).split("."):
            if not isinstance(node, dict) or part not in node:
                return match.group(0)
            node = node[part]
        return node if isinstance(node, str) else dumps(node)

    return PLACEHOLDER.sub(value, template)


@dataclass
class TriggerRun:
    """One trigger fire played by the echo agent as a chat turn of its session."""

    runtime: FormationRuntime
    record: RequestRecord
    session: Session
    message: str

    @property
    def answer(self) -> str:
        return f"You said: {self.message}"

    def publish(self, kind: str, message: str) -> None:
        chat_state(self.runtime).bus.publish(
            {
                "type": kind,
                "timestamp": time.time(),
                "message": message,
                "session_id": self.session.session_id,
                "request_id": self.record.request_id,
                "user_id": self.record.user_id,
            }
        )

    def start(self) -> None:
        self.session.add(self.message, "user", request_id=self.record.request_id)
        chat_state(self.runtime).requests[self.record.request_id] = self.record
        self.publish("chat.started", f"Request received: {self.message[:50]}")

    def finish(self) -> None:
        agent_id = next(iter(self.runtime.agents))
        self.session.add(self.answer, "assistant", agent_id=agent_id, request_id=self.record.request_id)
        record = self.record
        record.status, record.completed_at, record.result = "completed", time.time(), self.answer
        self.publish("chat.completed", self.answer)

    async def finish_later(self) -> None:
        """Complete after the echo agent's time for the answer, unless the request was cancelled meanwhile."""
        await asyncio.sleep(max(self.runtime.config.token_delay * len(tokens_of(self.answer)), 0.01))
        if self.record.status == "processing" and not self.record.cancelled:
            self.finish()


def _running(runtime: FormationRuntime) -> set[asyncio.Task[None]]:
    # Background completions are referenced here until done (the event loop keeps only weak references).
    return runtime.area("trigger_tasks", set)


@logged_operation("list_triggers", object="list", type="list.retrieved")
async def list_triggers(call: Call) -> Any:
    """``{formation_id, triggers: [name], count}``."""
    names = sorted(triggers(call.runtime))
    return {"formation_id": call.runtime.formation_id, "triggers": names, "count": len(names)}


@logged_operation("get_trigger", object="trigger", type="trigger.retrieved")
async def get_trigger(call: Call) -> Any:
    """``{name, content, data_fields}``; 400 malformed name; 404 TRIGGER_NOT_FOUND."""
    return trigger_of(call)


@logged_operation("fire_trigger", idempotent=True, object="request", type="request.processing")
async def fire_trigger(call: Call) -> Any:
    """Render the template with ``data`` and play it as a chat turn: ``processing``, or ``completed``
    with its content when ``use_async`` is false."""
    trigger = trigger_of(call)
    body = await call.body()
    data = required_field(body, "data", dict)
    use_async = body_field(body, "use_async", bool)
    user = user_of(call, "optional")
    session_id = body_field(body, "session_id", str) or new_id("sess")
    sessions = chat_state(call.runtime).sessions
    session = sessions.setdefault((user, session_id), Session(session_id, user))
    record = RequestRecord(call.request_id, user, session_id, streaming=False)
    run = TriggerRun(call.runtime, record, session, render(trigger["content"], data))
    run.start()
    if call.idempotency_key:
        call.runtime.book.record("trigger_fires", call.idempotency_key)
    if use_async is False:
        run.finish()
        return Reply({"status": "completed", "content": run.answer}, type="request.completed")
    task = asyncio.get_running_loop().create_task(run.finish_later())
    running = _running(call.runtime)
    running.add(task)
    task.add_done_callback(running.discard)
    return {"status": "processing"}
