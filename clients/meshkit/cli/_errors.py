"""The one mapping from failures to exit codes, and the one way errors are printed."""

from __future__ import annotations

from collections.abc import Iterable

from .._core.errors import APIError, ConfigurationError, MeshkitError
from .._core.errors import ConnectionError as MeshkitConnectionError
from .._core.errors import TimeoutError as MeshkitTimeoutError
from ._output import Output

EXIT_OK = 0
EXIT_API = 1  # the server answered with an error (or a stream failed mid-way)
EXIT_USAGE = 2  # bad flags/arguments or configuration: nothing was sent
EXIT_CONNECTION = 3  # the server could not be reached, or did not answer in time
EXIT_INTERRUPTED = 130  # Ctrl-C

REDACTED = "***"


def exit_code_for(error: BaseException) -> int:
    """The documented exit code of a failure."""
    if isinstance(error, ConfigurationError):
        return EXIT_USAGE
    if isinstance(error, MeshkitConnectionError | MeshkitTimeoutError):
        return EXIT_CONNECTION
    return EXIT_API


def describe(error: MeshkitError) -> dict[str, object]:
    """The error as plain fields (message, hint, and for API errors status, code and request id)."""
    fields: dict[str, object] = {"type": type(error).__name__, "message": error.message, "hint": error.hint}
    if isinstance(error, APIError):
        fields.update(status_code=error.status_code, code=error.code, request_id=error.request_id)
    return fields


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret value replaced: keys are never echoed, even inside a server message."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


def report(error: MeshkitError, output: Output, secrets: Iterable[str]) -> int:
    """Print ``error`` (with its hint) on stderr and return its exit code."""
    fields = describe(error)
    known = list(secrets)
    if output.json:
        output.error_json({"error": {k: redact(v, known) if isinstance(v, str) else v for k, v in fields.items()}})
    else:
        headline = str(fields["message"])
        if isinstance(error, APIError):
            headline = f"{error.status_code} {error.code}: {error.message}"
            if error.request_id:
                headline += f" [request {error.request_id}]"
        output.error(redact(f"error: {headline}", known))
        if error.hint:
            output.error(redact(f"hint: {error.hint}", known))
    return exit_code_for(error)
