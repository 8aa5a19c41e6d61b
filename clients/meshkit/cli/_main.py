"""The entry point: runs the typer app, then maps every failure to its documented exit code."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import typer

from .._core.errors import ConfigurationError, MeshkitError
from . import _broker, _chat, _formations  # noqa: F401  (they register their commands)
from ._app import app
from ._errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, report
from ._settings import State


@app.command(
    "dev",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []},
)
def dev(ctx: typer.Context) -> None:
    """Run meshkit's dev server in the foreground (its flags follow: --port, --token-delay, --help…)."""
    try:
        from ..devserver.__main__ import main as devserver_main
    except ImportError as exc:  # the `server` extra is missing
        raise ConfigurationError(
            f"the dev server needs the server extra: pip install 'meshkit[server]' ({exc})"
        ) from exc
    raise typer.Exit(devserver_main(list(ctx.args)))


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``meshkit`` with ``argv`` (default: the command line); returns the exit code."""
    command = typer.main.get_command(app)
    current = State()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        result = command.main(args, prog_name="meshkit", obj=current, standalone_mode=False)
    except MeshkitError as error:
        return report(error, current.output, current.settings.secrets(), current.settings.client)
    except typer.Exit as stop:
        return int(stop.exit_code)
    except typer.TyperException as problem:  # usage errors: bad flags, missing arguments
        problem.show()  # type: ignore[attr-defined]
        return int(getattr(problem, "exit_code", EXIT_USAGE))
    except (typer.Abort, KeyboardInterrupt):
        current.output.error("interrupted")
        return EXIT_INTERRUPTED
    return result if isinstance(result, int) else EXIT_OK
