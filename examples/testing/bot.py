"""A small support bot on a MUXI formation: the code under test in this example project."""

from __future__ import annotations

from dataclasses import dataclass, field

import meshkit
from meshkit import JSON


@dataclass
class Reply:
    """What the bot shows its user."""

    text: str
    tools: list[str] = field(default_factory=list)  # the tools the agent called, by name
    widgets: list[dict[str, JSON]] = field(default_factory=list)  # UI widgets to draw
    attempts: int = 1


def ask(formation: meshkit.Formation, question: str, *, tries: int = 2) -> Reply:
    """Stream the formation's answer to ``question``. A stream that fails midway is asked again,
    up to ``tries`` times; an agent slower than the client's timeout gets a polite answer."""
    for attempt in range(1, tries + 1):
        reply = Reply("", attempts=attempt)
        try:
            with formation.chat_stream(question) as stream:
                for event in stream:
                    if isinstance(event, meshkit.ToolCall) and isinstance(event.content, dict):
                        reply.tools.append(str(event.content.get("name")))
                    elif isinstance(event, meshkit.UiEvent):
                        reply.widgets.extend(event.widgets)
                reply.text = stream.text
            return reply
        except meshkit.TimeoutError:
            return Reply("Sorry, that is taking too long. Please try again later.", attempts=attempt)
        except meshkit.StreamError:
            if attempt == tries:
                raise
    raise AssertionError("unreachable: the loop returns or raises")
