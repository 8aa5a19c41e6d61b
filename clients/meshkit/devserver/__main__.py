"""`python -m meshkit.devserver` (and `make serve`): run the dev server in the foreground.

Every flag has an environment variable: --client-key ↔ MESHKIT_DEV_CLIENT_KEY, and so on
(MESHKIT_DEV_<FLAG IN UPPER CASE, dashes as underscores>). Flags win over the environment.

It listens on loopback. Any other --host is refused (exit 2, nothing bound) unless --allow-remote is
given and every development key is replaced; /_dev/* answers only to loopback clients regardless.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import uvicorn

from ._app import create_app
from ._config import SECRET_FIELDS, DevServerConfig, exposure_problem, is_loopback_host, shown
from ._runner import bound_socket, url_host

FLAGS = {
    "--host": ("host", "interface to listen on (default 127.0.0.1; beyond loopback needs --allow-remote)"),
    "--port": ("port", "port (default 7890; 0 picks a free one)"),
    "--client-key": ("client_key", "the formations' client key"),
    "--admin-key": ("admin_key", "the formations' admin key"),
    "--key-id": ("key_id", "MUXI Server HMAC key id"),
    "--secret-key": ("secret_key", "MUXI Server HMAC secret"),
    "--broker-key": ("broker_key", "broker bearer token (default: none, the broker is open)"),
    "--token-delay": ("token_delay", "seconds between the echo agent's tokens (default 0)"),
    "--max-body-bytes": ("max_body_bytes", "largest request body taken, in bytes (default 33554432, 32 MiB)"),
    "--backlog": (
        "backlog",
        "listen backlog: connections the kernel queues before the server accepts them (default 2048; "
        "Linux caps it at net.core.somaxconn)",
    ),
    "--allow-remote": (
        "allow_remote",
        "let --host be a non-loopback address; needs every key above replaced (--client-key, --admin-key, "
        "--key-id, --secret-key, --broker-key)",
    ),
}


def parse_args(argv: Sequence[str] | None = None) -> DevServerConfig:
    parser = argparse.ArgumentParser(
        prog="python -m meshkit.devserver",
        description="meshkit's reference dev server: MUXI Server, a MUXI formation and the AiMesh broker.",
        epilog="Each flag can also be set as MESHKIT_DEV_<NAME>, e.g. MESHKIT_DEV_CLIENT_KEY.",
    )
    for flag, (dest, text) in FLAGS.items():
        if dest == "allow_remote":
            parser.add_argument(flag, dest=dest, action="store_true", default=None, help=text)
            continue
        kind = {"port": int, "token_delay": float, "max_body_bytes": int, "backlog": int}.get(dest, str)
        parser.add_argument(flag, dest=dest, type=kind, default=None, help=text)
    args = parser.parse_args(argv)
    try:
        return DevServerConfig.from_env(**vars(args))
    except ValueError as exc:  # a MESHKIT_DEV_* variable that does not parse, a bad --max-body-bytes
        parser.error(f"bad value: {exc}")


def banner(config: DevServerConfig, port: int) -> str:
    """What the server prints once it listens. Keys given by flag or environment are masked; the
    public development defaults are shown as they are."""
    root = f"http://{url_host(config.host)}:{port}"
    broker_auth = f"Bearer {shown(config, 'broker_key')}" if config.broker_key else "none (open)"
    secret = shown(config, "secret_key")
    client_key, admin_key = shown(config, "client_key"), shown(config, "admin_key")
    masked = any(shown(config, name) != str(getattr(config, name)) for name in SECRET_FIELDS)
    closing = "Keys you gave are masked; those in full are" if masked else "These keys are"
    return "\n".join(
        [
            f"meshkit dev server on {root}",
            f"  MUXI Server    {root}                 key id {config.key_id}  secret {secret}",
            f"  formation      {root}/formation       (API base {root}/formation/v1)",
            f"                 client key {client_key}  admin key {admin_key}",
            f"                 deployed formations: {root}/api/<formation_id>/v1",
            f"  AiMesh broker  {root}/broker          auth {broker_auth}",
            f"  fault control  {root}/_dev/faults, {root}/_dev/accepted (loopback clients only)",
            f"{closing} fake development values. Ctrl-C stops the server.",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    config = parse_args(argv)
    problem = exposure_problem(config)
    if problem:
        print(f"python -m meshkit.devserver: {problem}", file=sys.stderr)
        return 2
    # Bind first, so the banner can name the port even when --port 0 picked one.
    try:
        sock = bound_socket(config.host, config.port)
    except OSError as exc:
        print(f"cannot listen on {config.host}:{config.port}: {exc.strerror}", file=sys.stderr)
        return 1
    if not is_loopback_host(config.host):
        warning = (
            f"warning: listening on {config.host}, beyond loopback (--allow-remote): other machines can reach "
            "this dev server with the keys you gave. /_dev/* still answers only to loopback clients."
        )
        print(warning, file=sys.stderr, flush=True)
    # The app (and the spec it validates requests against) is ready and the socket accepts
    # connections before the banner invites any.
    app = create_app(config)
    # The full backlog from the first moment: a bare listen() queues only 128, until uvicorn's
    # start-up listens again, and a burst that follows the banner would lose SYNs meanwhile.
    sock.listen(config.backlog)
    print(banner(config, sock.getsockname()[1]), flush=True)
    uvicorn.Server(uvicorn.Config(app, log_level="warning", backlog=config.backlog)).run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
