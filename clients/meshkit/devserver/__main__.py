"""`python -m meshkit.devserver` (and `make serve`): run the dev server in the foreground.

Every flag has an environment variable: --client-key ↔ MESHKIT_DEV_CLIENT_KEY, and so on
(MESHKIT_DEV_<FLAG IN UPPER CASE, dashes as underscores>). Flags win over the environment.
"""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Sequence

import uvicorn

from ._app import create_app
from ._config import DevServerConfig

FLAGS = {
    "--host": ("host", "interface to listen on (default 127.0.0.1; keep it on loopback)"),
    "--port": ("port", "port (default 7890; 0 picks a free one)"),
    "--client-key": ("client_key", "the formations' client key"),
    "--admin-key": ("admin_key", "the formations' admin key"),
    "--key-id": ("key_id", "MUXI Server HMAC key id"),
    "--secret-key": ("secret_key", "MUXI Server HMAC secret"),
    "--broker-key": ("broker_key", "broker bearer token (default: none, the broker is open)"),
    "--token-delay": ("token_delay", "seconds between the echo agent's tokens (default 0)"),
}


def parse_args(argv: Sequence[str] | None = None) -> DevServerConfig:
    parser = argparse.ArgumentParser(
        prog="python -m meshkit.devserver",
        description="meshkit's reference dev server: MUXI Server, a MUXI formation and the AiMesh broker.",
        epilog="Each flag can also be set as MESHKIT_DEV_<NAME>, e.g. MESHKIT_DEV_CLIENT_KEY.",
    )
    for flag, (dest, text) in FLAGS.items():
        kind = {"port": int, "token_delay": float}.get(dest, str)
        parser.add_argument(flag, dest=dest, type=kind, default=None, help=text)
    args = parser.parse_args(argv)
    try:
        return DevServerConfig.from_env(**vars(args))
    except ValueError as exc:  # a MESHKIT_DEV_* variable that does not parse
        parser.error(f"bad environment value: {exc}")


def banner(config: DevServerConfig, port: int) -> str:
    root = f"http://{config.host}:{port}"
    broker_auth = f"Bearer {config.broker_key}" if config.broker_key else "none (open)"
    return "\n".join(
        [
            f"meshkit dev server on {root}",
            f"  MUXI Server    {root}                 key id {config.key_id}  secret {config.secret_key}",
            f"  formation      {root}/formation       (API base {root}/formation/v1)",
            f"                 client key {config.client_key}  admin key {config.admin_key}",
            f"                 deployed formations: {root}/api/<formation_id>/v1",
            f"  AiMesh broker  {root}/broker          auth {broker_auth}",
            f"  fault control  {root}/_dev/faults, {root}/_dev/accepted",
            "These keys are fake development values. Ctrl-C stops the server.",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    config = parse_args(argv)
    # Bind first, so the banner can name the port even when --port 0 picked one.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((config.host, config.port))
    except OSError as exc:
        print(f"cannot listen on {config.host}:{config.port}: {exc.strerror}", file=sys.stderr)
        return 1
    # The app (and the spec it validates requests against) is ready and the socket accepts
    # connections before the banner invites any.
    app = create_app(config)
    sock.listen()
    print(banner(config, sock.getsockname()[1]), flush=True)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])
    return 0


if __name__ == "__main__":
    sys.exit(main())
