"""The typer application: global options (one callback) and the command groups."""

from __future__ import annotations

from typing import Annotated

import typer

from ._output import Output
from ._settings import Settings, State

app = typer.Typer(
    name="meshkit",
    help="Chat with MUXI formations, manage a MUXI Server and drive the AiMesh broker.\n\n"
    "Exit codes: 0 ok, 1 API error, 2 usage/configuration, 3 connection/timeout, 130 interrupted.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
sessions_app = typer.Typer(help="A formation's sessions.", no_args_is_help=True)
agents_app = typer.Typer(help="A formation's agents (admin key).", no_args_is_help=True)
triggers_app = typer.Typer(help="A formation's triggers.", no_args_is_help=True)
formations_app = typer.Typer(help="Formations on a MUXI Server.", no_args_is_help=True)
broker_app = typer.Typer(help="The AiMesh broker.", no_args_is_help=True)
budget_app = typer.Typer(help="Agents' token budgets.", no_args_is_help=True)
endpoints_app = typer.Typer(help="The broker's AI endpoints.", no_args_is_help=True)

app.add_typer(sessions_app, name="sessions")
app.add_typer(agents_app, name="agents")
app.add_typer(triggers_app, name="triggers")
app.add_typer(formations_app, name="formations")
app.add_typer(broker_app, name="broker")
broker_app.add_typer(budget_app, name="budget")
broker_app.add_typer(endpoints_app, name="endpoints")


def state(ctx: typer.Context) -> State:
    """The settings and output the global callback prepared."""
    return ctx.ensure_object(State)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"meshkit {__version__}")
        raise typer.Exit()


Opt = typer.Option


@app.callback()
def root(
    ctx: typer.Context,
    formation_url: Annotated[str | None, Opt(help="Formation URL (env MUXI_FORMATION_URL).")] = None,
    formation: Annotated[
        str | None, Opt("--formation", help="Formation id behind --server-url (env MUXI_FORMATION_ID).")
    ] = None,
    client_key: Annotated[str | None, Opt(help="Formation client key (env MUXI_CLIENT_KEY).")] = None,
    admin_key: Annotated[str | None, Opt(help="Formation admin key (env MUXI_ADMIN_KEY).")] = None,
    server_url: Annotated[str | None, Opt(help="MUXI Server URL (env MUXI_SERVER_URL).")] = None,
    key_id: Annotated[str | None, Opt(help="MUXI Server key id (env MUXI_KEY_ID).")] = None,
    secret_key: Annotated[str | None, Opt(help="MUXI Server secret (env MUXI_SECRET_KEY).")] = None,
    broker_url: Annotated[str | None, Opt(help="AiMesh broker URL (env AIMESH_URL).")] = None,
    broker_key: Annotated[str | None, Opt(help="AiMesh broker token (env AIMESH_API_KEY).")] = None,
    timeout: Annotated[float | None, Opt(help="Read timeout in seconds.")] = None,
    max_retries: Annotated[int | None, Opt(help="Retries of retryable calls (default 2).")] = None,
    json_output: Annotated[bool, Opt("--json", help="Print JSON (for scripts) instead of text.")] = False,
    no_color: Annotated[bool, Opt("--no-color", help="No colours.")] = False,
    version: Annotated[
        bool, Opt("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Global options; each falls back to its environment variable."""
    target = ctx.ensure_object(State)
    target.settings = Settings(
        formation_url=formation_url,
        formation_id=formation,
        client_key=client_key,
        admin_key=admin_key,
        server_url=server_url,
        key_id=key_id,
        secret_key=secret_key,
        broker_url=broker_url,
        broker_key=broker_key,
        timeout=timeout,
        max_retries=max_retries,
    )
    target.output = Output(json=json_output, color=False if no_color else None)
