"""Formation commands: chat (one-shot, streamed, interactive), sessions, agents, triggers."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from .._core.errors import ConfigurationError
from ._app import agents_app, app, sessions_app, state, triggers_app
from ._output import Output

EXIT_WORDS = ("/exit", "/quit")


def _stream_answer(formation: Any, message: str, output: Output, **scope: Any) -> str:
    """Print one answer token by token; returns its whole text."""
    with formation.chat_stream(message, **scope) as stream:
        for event in stream:
            if event.text:
                output.token(event.text)
    output.token("\n")
    return str(stream.text)


def _chat_once(formation: Any, message: str, output: Output, scope: dict[str, Any]) -> None:
    """One message: streamed live, or (``--json``) one blocking call printed as JSON."""
    if output.json:
        result = formation.chat(message, **scope)
        output.data(
            {"text": result.text, "session_id": result.session_id, "request_id": result.request_id, "ui": result.ui}
        )
    else:
        _stream_answer(formation, message, output, **scope)


def _interactive(formation: Any, output: Output, scope: dict[str, Any]) -> None:
    """Read messages from stdin until EOF or /exit, all in one session (so the agent has the history)."""
    if not scope.get("session_id"):
        scope["session_id"] = formation.create_session().id
    if not output.json:
        output.error(f"session {scope['session_id']} — /exit or Ctrl-D to leave")
    prompt = sys.stdin.isatty() and not output.json
    while True:
        if prompt:
            output.token("you> ")
        line = sys.stdin.readline()
        if not line or line.strip() in EXIT_WORDS:
            return
        if line.strip():
            _chat_once(formation, line.strip(), output, scope)


@app.command()
def chat(
    ctx: typer.Context,
    message: Annotated[str | None, typer.Argument(help="The message (omit with -i).")] = None,
    interactive: Annotated[bool, typer.Option("-i", "--interactive", help="Chat turn by turn from stdin.")] = False,
    agent: Annotated[str | None, typer.Option(help="Address one agent.")] = None,
    session: Annotated[str | None, typer.Option(help="Continue this session id.")] = None,
    user: Annotated[str | None, typer.Option(help="Act as this end user (X-Muxi-User-ID).")] = None,
) -> None:
    """Chat with the formation; the answer streams token by token."""
    if interactive == (message is not None):
        raise typer.BadParameter("give a MESSAGE, or -i for an interactive chat", param_hint="MESSAGE")
    current = state(ctx)
    scope: dict[str, Any] = {"agent": agent, "session_id": session, "user_id": user}
    with current.settings.formation() as formation:
        if interactive:
            _interactive(formation, current.output, scope)
        else:
            _chat_once(formation, str(message), current.output, scope)


@sessions_app.command("ls")
def sessions_ls(
    ctx: typer.Context,
    user: Annotated[str | None, typer.Option(help="Whose sessions (default: the runtime's user 0).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
) -> None:
    """List the user's sessions, most recent first."""
    current = state(ctx)
    with current.settings.formation() as formation:
        rows = formation.list_sessions(user_id=user, limit=limit)
    current.output.table(rows, ["session_id", "user_id", "active", "last_activity"], title="sessions")


@agents_app.command("ls")
def agents_ls(ctx: typer.Context) -> None:
    """List the formation's agents (needs the admin key)."""
    current = state(ctx)
    with current.settings.formation() as formation:
        rows = formation.list_agents()
    current.output.table(rows, ["id", "name", "description"], title="agents")


def _json_object(text: str | None) -> dict[str, Any] | None:
    """``--data`` parsed as a JSON object (a ConfigurationError, exit 2, if it is not one)."""
    if text is None:
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigurationError(f"--data is not valid JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(value, dict):
        raise ConfigurationError('--data must be a JSON object, e.g. \'{"key": "value"}\'')
    return value


@triggers_app.command("ls")
def triggers_ls(ctx: typer.Context) -> None:
    """List the formation's trigger names."""
    current = state(ctx)
    with current.settings.formation() as formation:
        names = formation.list_triggers()
    current.output.table([{"name": name} for name in names], ["name"], title="triggers")


@triggers_app.command("fire")
def triggers_fire(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The trigger's name.")],
    data: Annotated[str | None, typer.Option(help="The trigger's data, a JSON object.")] = None,
    background: Annotated[bool, typer.Option("--async", help="Do not wait for the answer.")] = False,
    session: Annotated[str | None, typer.Option(help="Run in this session.")] = None,
    user: Annotated[str | None, typer.Option(help="As this end user.")] = None,
) -> None:
    """Fire a trigger with JSON data and print its answer."""
    current = state(ctx)
    payload = _json_object(data)
    with current.settings.formation() as formation:
        fired = formation.trigger(name, payload, session_id=session, use_async=background, user_id=user)
    content = getattr(fired, "content", None)
    current.output.result(fired, f"{fired.status}: {content}" if content else str(fired.status))
