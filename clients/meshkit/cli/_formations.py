"""MUXI Server commands: formations ls / deploy and update (with a progress bar, or --dry-run) / logs /
restart / rm."""

from __future__ import annotations

import io
import tarfile
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

from .._bundle import Bundle, build_bundle
from .._core.errors import ConfigurationError
from ._app import formations_app, state
from ._output import Output

LogStream = Literal["all", "stdout", "stderr"]


@formations_app.command("ls")
def formations_ls(ctx: typer.Context) -> None:
    """List the server's formations."""
    current = state(ctx)
    with current.settings.server() as server:
        rows = server.list_formations()
    current.output.table(rows, ["id", "name", "status", "port", "healthy"], title="formations")


def _show_deploy(stream: Any, output: Output, doing: str = "deploying") -> Any:
    """Show a deploy's (or an update's) progress events on a bar (stage lines above it); returns the
    final event's data."""
    final: Any = None
    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn())
    with Progress(*columns, console=output.console, disable=output.json) as bar:
        task = bar.add_task(doing, total=100)
        for event in stream:
            data = event.data
            if event.event == "progress":
                percent = getattr(data, "progress", None)
                if not output.json:
                    bar.console.print(f"  {data.stage}: {data.message}", markup=False, highlight=False)
                bar.update(task, description=str(data.stage), completed=percent if isinstance(percent, int) else None)
            else:
                final = data
                bar.update(task, description="complete", completed=100)
    return final


@formations_app.command("deploy")
def formations_deploy(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="The formation directory (with formation.yaml).")],
    version: Annotated[str | None, typer.Option(help="Override the version from formation.yaml.")] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="List the files the bundle would send, and its size; send nothing.")
    ] = False,
) -> None:
    """Deploy a formation directory, showing its progress (a formation that exists already: use update)."""
    current = state(ctx)
    bundle = build_bundle(directory)
    if dry_run:
        _show_bundle(bundle, current.output)
        return
    formation_id = _named(bundle, directory)
    with (
        current.settings.server() as server,
        server.deploy_stream(bundle, formation_id=formation_id, version=version) as stream,
    ):
        done = _show_deploy(stream, current.output)
    if done is None:
        current.output.result({}, "the deploy ended without a completion event")
        return
    current.output.result(done, f"deployed {done.formation_id}: {done.status} on port {done.port}")


@formations_app.command("update")
def formations_update(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="The formation directory (with formation.yaml).")],
    version: Annotated[str | None, typer.Option(help="Override the version from formation.yaml.")] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="List the files the bundle would send, and its size; send nothing.")
    ] = False,
) -> None:
    """Update a deployed formation from its directory (blue-green), showing its progress."""
    current = state(ctx)
    bundle = build_bundle(directory)
    if dry_run:
        _show_bundle(bundle, current.output)
        return
    formation_id = _named(bundle, directory)
    with (
        current.settings.server() as server,
        server.update_stream(formation_id, bundle, version=version) as stream,
    ):
        done = _show_deploy(stream, current.output, "updating")
    if done is None:
        current.output.result({}, "the update ended without a completion event")
        return
    versions = f" (deployment {done.previous_version} → {done.new_version})" if done.new_version else ""
    current.output.result(done, f"updated {done.formation_id}: {done.status} on port {done.port}{versions}")


def _named(bundle: Bundle, directory: Path) -> str:
    """The formation id the bundle declares: the CLI has no other way to name the formation."""
    if not bundle.formation_id:
        raise ConfigurationError(f"{str(directory)!r}: its formation file declares no id: add `id: <name>` to it")
    return bundle.formation_id


def _show_bundle(bundle: Bundle, output: Output) -> None:
    """What a deploy of this bundle would send: each file with its size, then the bundle's size."""
    with tarfile.open(fileobj=io.BytesIO(bundle.data)) as archive:
        sizes = {member.name: member.size for member in archive.getmembers() if member.isfile()}
    files = [{"path": name, "size": sizes.get(name, 0)} for name in bundle.files]
    if output.json:
        output.data(
            {"formation_id": bundle.formation_id, "version": bundle.version, "size": bundle.size, "files": files}
        )
        return
    for file in files:
        output.line(f"{file['size']:>10}  {file['path']}")
    count = f"{len(files)} file" if len(files) == 1 else f"{len(files)} files"
    output.line(f"{count}, {bundle.size} bytes compressed; nothing sent (--dry-run)")


@formations_app.command("logs")
def formations_logs(
    ctx: typer.Context,
    formation_id: Annotated[str, typer.Argument(metavar="ID", help="The formation id.")],
    follow: Annotated[bool, typer.Option("-f", "--follow", help="Keep printing new lines (Ctrl-C stops).")] = False,
    lines: Annotated[int, typer.Option("-n", "--lines", help="How many recent lines.")] = 100,
    stream_name: Annotated[LogStream, typer.Option("--stream", help="stdout, stderr or all.")] = "all",
) -> None:
    """Print a formation's recent log lines, or follow them."""
    current = state(ctx)
    with current.settings.server() as server:
        if follow:
            _follow(server, formation_id, current.output, "stdout" if stream_name == "all" else stream_name)
            return
        logs = server.get_formation_logs(formation_id, lines=lines, stream=stream_name)
    if current.output.json:
        current.output.data(logs)
        return
    for name in ("stdout", "stderr"):
        for line in getattr(logs.logs, name, None) or []:
            current.output.line(line)


def _follow(server: Any, formation_id: str, output: Output, stream_name: LogStream) -> None:
    """New log lines until interrupted."""
    with server.follow_logs(formation_id, stream=stream_name) as stream:
        for event in stream:
            line = getattr(event.data, "line", None)
            if line is None:
                continue
            if output.json:
                output.data({"line": line})
            else:
                output.line(line)


@formations_app.command("restart")
def formations_restart(
    ctx: typer.Context, formation_id: Annotated[str, typer.Argument(metavar="ID", help="The formation id.")]
) -> None:
    """Restart a formation."""
    current = state(ctx)
    with current.settings.server() as server:
        result = server.restart_formation(formation_id)
    current.output.result(result, f"restarted {formation_id}")


@formations_app.command("rm")
def formations_rm(
    ctx: typer.Context, formation_id: Annotated[str, typer.Argument(metavar="ID", help="The formation id.")]
) -> None:
    """Stop a formation and delete it."""
    current = state(ctx)
    with current.settings.server() as server:
        result = server.delete_formation(formation_id)
    current.output.result(result, f"deleted {formation_id}")
