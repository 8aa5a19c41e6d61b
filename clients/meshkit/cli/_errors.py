"""The one mapping from failures to exit codes, and the one way errors are printed."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from .._core.errors import APIError, ConfigurationError, MeshkitError, StreamError
from .._core.errors import ConnectionError as MeshkitConnectionError
from .._core.errors import TimeoutError as MeshkitTimeoutError
from ._output import Output

EXIT_OK = 0
EXIT_API = 1  # the server answered with an error (or a stream failed mid-way)
EXIT_USAGE = 2  # bad flags/arguments or configuration: nothing was sent
EXIT_CONNECTION = 3  # the server could not be reached, or did not answer in time
EXIT_INTERRUPTED = 130  # Ctrl-C

REDACTED = "***"

# The library's names for its settings → the CLI's flags, per client: the one place where its
# messages ("pass url= or set MUXI_SERVER_URL") become the CLI's ("pass --server-url or set
# MUXI_SERVER_URL"). The environment variables are the same for both. None: the CLI has no such
# flag, and the alternative naming it is left out.
CLI_FLAGS: Mapping[str, Mapping[str, str | None]] = {
    "formation": {
        "url": "--formation-url",
        "base_url": None,
        "server_url": "--server-url",
        "formation_id": "--formation",
        "client_key": "--client-key",
        "admin_key": "--admin-key",
    },
    "server": {"url": "--server-url", "key_id": "--key-id", "secret_key": "--secret-key"},
    "broker": {"base_url": "--broker-url", "api_key": "--broker-key"},
}
COMMON_FLAGS: Mapping[str, str] = {"timeout": "--timeout", "max_retries": "--max-retries"}
_OR = r"(?:, or | or |, )"


def _name(name: str) -> str:
    """A setting's name as the library writes it: ``url=`` (with a quoted value: ``url='http://f'``),
    `` `timeout` ``, or bare when it cannot be an English word (``client_key``)."""
    bare = rf"|(?<![\w-]){name}(?![\w=])" if "_" in name else ""
    return rf"(?:`{name}`|(?<![\w-]){name}=('[^']*')?{bare})"


def in_cli_terms(text: str, client: str | None) -> str:
    """A library message about ``client``'s settings (``formation``, ``server``, ``broker``) with the
    CLI's flags for the library's argument names."""
    flags: dict[str, str | None] = {**COMMON_FLAGS, **(CLI_FLAGS.get(client, {}) if client else {})}
    for name, flag in flags.items():
        if flag is None:  # "(or base_url=, or server_url= …)" → "(or server_url= …)"
            text = re.sub(f"{_name(name)}{_OR}|{_OR}{_name(name)}", "", text)
        else:  # "pass url='http://f'" → "pass --formation-url 'http://f'"
            text = re.sub(_name(name), _flag_with_value(flag), text)
    return text


def _flag_with_value(flag: str) -> Callable[[re.Match[str]], str]:
    def replace(found: re.Match[str]) -> str:
        return f"{flag} {found[1]}" if found[1] else flag

    return replace


def exit_code_for(error: BaseException) -> int:
    """The documented exit code of a failure."""
    if isinstance(error, ConfigurationError):
        return EXIT_USAGE
    if isinstance(error, MeshkitConnectionError | MeshkitTimeoutError):
        return EXIT_CONNECTION
    return EXIT_API


def describe(error: MeshkitError, client: str | None = None) -> dict[str, object]:
    """The error as plain fields (message, hint, and for API errors status, code and request id),
    in the CLI's terms (``client``: the kind of client the command used). The message of an API
    error or of a stream's error frame is the server's own text, kept as it is."""
    own = not isinstance(error, APIError | StreamError)
    message = in_cli_terms(error.message, client) if own else error.message
    hint = in_cli_terms(error.hint, client) if error.hint else error.hint
    fields: dict[str, object] = {"type": type(error).__name__, "message": message, "hint": hint}
    if isinstance(error, APIError):
        fields.update(status_code=error.status_code, code=error.code, request_id=error.request_id)
    return fields


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every secret value replaced: keys are never echoed, even inside a server message."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


def report(error: MeshkitError, output: Output, secrets: Iterable[str], client: str | None = None) -> int:
    """Print ``error`` (with its hint, in the CLI's terms) on stderr and return its exit code."""
    fields = describe(error, client)
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
        if fields["hint"]:
            output.error(redact(f"hint: {fields['hint']}", known))
    return exit_code_for(error)
